import {afterEach, describe, expect, test, vi} from 'vitest';
import {appendToEditor} from '../src/linkedin/editor';

afterEach(() => {
	document.body.replaceChildren();
	delete (document as {execCommand?: unknown}).execCommand;
});

function editor(html: string): HTMLElement {
	const element = document.createElement('div');
	element.contentEditable = 'true';
	element.setAttribute('role', 'textbox');
	const template = document.createElement('template');
	template.content.append(...html.split('|').map(text => Object.assign(document.createElement('p'), {textContent: text})));
	element.append(template.content);
	document.body.append(element);
	return element;
}

/** The browser's editing commands, on the current selection (jsdom has none). */
function browserCommands() {
	const exec = vi.fn((command: string, _ui?: boolean, value?: string) => {
		const range = document.getSelection()!.getRangeAt(0);
		if (command === 'insertParagraph') {
			const paragraph = document.createElement('p');
			range.startContainer.parentElement!.closest('p')!.after(paragraph);
			range.setStart(paragraph, 0);
		} else {
			range.insertNode(document.createTextNode(value ?? ''));
		}

		return true;
	});
	Object.defineProperty(document, 'execCommand', {value: exec, configurable: true});
	return exec;
}

describe('appending through the editor', () => {
	test('a new paragraph, then the text, typed at the end of the draft', () => {
		const exec = browserCommands();
		const box = editor('Thrilled to announce I shipped Atlas!');
		expect(appendToEditor(box, 'Thanks to Bob.')).toBe(true);
		expect(exec.mock.calls.map(call => call[0])).toEqual(['insertParagraph', 'insertText']);
		expect([...box.querySelectorAll('p')].map(p => p.textContent)).toEqual(['Thrilled to announce I shipped Atlas!', 'Thanks to Bob.']);
	});

	test('when the browser refuses the command, the editor is offered a paste; false if it ignores it', () => {
		Object.defineProperty(document, 'execCommand', {value: () => false, configurable: true});
		const box = editor('Draft');
		const pasted: string[] = [];
		box.addEventListener('paste', event => pasted.push((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''));
		const taken = appendToEditor(box, 'Thanks to Bob.');
		if (typeof DataTransfer === 'function') expect(pasted).toEqual(['\nThanks to Bob.']);
		expect(taken).toBe(false); // nobody handled the paste: the card copies instead
	});
});
