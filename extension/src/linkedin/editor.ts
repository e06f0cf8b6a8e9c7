/**
 * Writing into LinkedIn's editors (the post composer, a comment box) through the editor's own
 * input path. Quill (G1) and TipTap/ProseMirror (G3) keep their own document model: setting the
 * DOM directly desynchronises it (the text vanishes on the next keystroke, and undo forgets it).
 * `execCommand('insertText')` is what typing does: the browser fires beforeinput/input with
 * inputType "insertText", the editor reads the change through its usual path, and the edit
 * lands on the undo stack (Ctrl+Z removes it). If the browser refuses (no focusable editor),
 * a synthetic paste with the text is offered to the editor, which both editors handle.
 */
import {readText} from './extract';

/** Puts the caret at the end of the editor's last text (before a trailing <br> placeholder). */
function caretAtEnd(editor: HTMLElement): void {
	const doc = editor.ownerDocument;
	const selection = doc.defaultView?.getSelection();
	if (!selection) return;
	let node: Node = editor;
	while (node.lastChild) node = node.lastChild;
	const range = doc.createRange();
	if (node.nodeType === Node.TEXT_NODE) {
		range.setStart(node, node.nodeValue?.length ?? 0);
	} else if (node !== editor && node.nodeName === 'BR') {
		range.setStartBefore(node);
	} else {
		range.setStart(node, node.childNodes.length);
	}

	range.collapse(true);
	selection.removeAllRanges();
	selection.addRange(range);
}

function paste(editor: HTMLElement, text: string): void {
	const view = editor.ownerDocument.defaultView;
	if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return;
	const data = new view.DataTransfer();
	data.setData('text/plain', text);
	editor.dispatchEvent(new view.ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}

/**
 * Appends `text` to the editor as a new paragraph (or as its only text when it is empty).
 * Returns whether the editor now shows it.
 */
export function appendToEditor(editor: HTMLElement, text: string): boolean {
	const doc = editor.ownerDocument;
	const before = readText(editor);
	editor.focus();
	caretAtEnd(editor);
	let inserted = false;
	try {
		if (before) doc.execCommand('insertParagraph');
		inserted = doc.execCommand('insertText', false, text);
	} catch {
		inserted = false; // Not implemented here (e.g. a test DOM).
	}

	if (!inserted) paste(editor, before ? `\n${text}` : text);
	return readText(editor).includes(text);
}
