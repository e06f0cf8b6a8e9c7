/**
 * Draft coaching: while the "Start a post" dialog is open, analyse the draft after a pause in
 * typing and show the hints beside the editor (appended to the dialog), collapsed. The editor is
 * written to only when the author presses "Add to my post", and then through the editor's own
 * input path (editor.ts): Quill / ProseMirror keep their own document model and break if their
 * DOM is changed behind their back.
 */
import {appendToEditor} from '../linkedin/editor';
import {composerAnchor, extractDraft, findComposerEditors} from '../linkedin/extract';
import {requestKey} from '../lib/analyze-client';
import type {Feature, FeatureContext, RunningFeature} from '../lib/feature';
import type {PostPayload} from '../shared/messages';
import {peopleCredited, shownOrientation} from '../lib/verdict';
import {ANNOTATION_TAG, Annotation} from '../ui/annotation';
import {renderResult} from './feed-annotations';

export const DRAFT_PAUSE_MS = 600;

interface Session {
	editor: Element;
	anchor: Element;
	annotation: Annotation;
	key: string;
	shown: boolean;
	/** The mirror's id for this draft: one entry however often it is revised. */
	mirrorId: string;
	timer?: ReturnType<typeof setTimeout>;
}

function start({document, settings, client, status, remember}: FeatureContext): RunningFeature {
	let session: Session | undefined;
	let stopped = false;

	function end(): void {
		if (!session) return;
		clearTimeout(session.timer);
		session.annotation.host.remove();
		session = undefined;
	}

	function analyse(current: Session, payload: PostPayload, key: string): void {
		current.annotation.render({kind: 'loading'});
		void client.analyze(payload).then(result => {
			if (stopped || session !== current || current.key !== key) return;
			if (result.status === 'ok' && !settings.handle) {
				// Without the writer's handle the graph cannot say whom they worked with.
				status.succeeded();
				current.annotation.render({kind: 'ready', analysis: result.analysis, text: payload.text, note: 'draft_no_handle'});
			} else {
				renderResult(current.annotation, result, payload.text, status);
			}

			if (result.status === 'ok') {
				remember({
					id: current.mirrorId,
					at: Date.now(),
					kind: 'draft',
					framing: shownOrientation(result.analysis.framing),
					credited: peopleCredited(result.analysis, payload.mentions?.length ?? 0),
				});
			}
		});
	}

	function scan(): void {
		if (stopped) return;
		const editor = findComposerEditors(document)[0];
		const anchor = editor ? composerAnchor(editor) : null;
		if (!editor || !anchor) {
			end();
			return;
		}

		if (session?.editor !== editor || session.anchor !== anchor) {
			end();
			const target = editor;
			const annotation = new Annotation(document, 'draft', {
				lang: settings.uiLanguage,
				variant: 'draft',
				mode: 'author',
				showAll: settings.showAll,
				addToDraft: text => target instanceof HTMLElement && appendToEditor(target, text),
			});
			annotation.host.dataset.kind = 'draft';
			session = {editor, anchor, annotation, key: '', shown: false, mirrorId: `draft:${Date.now()}`};
		}

		const current = session;
		const {host} = current.annotation;
		// Shown = attached, as the dialog's last child (the dialog may re-render around it).
		if (current.shown && anchor.lastElementChild !== host) anchor.append(host);

		const {text, mentions} = extractDraft(editor);
		const payload: PostPayload = {
			text,
			...(settings.handle ? {authorHandle: settings.handle} : {}),
			...(mentions.length > 0 ? {mentions: mentions.slice(0, 50)} : {}),
		};
		const key = requestKey(payload);
		if (key === current.key) return;
		current.key = key;
		clearTimeout(current.timer);
		if (!text) {
			current.shown = false;
			host.remove();
			return;
		}

		// Wait for a pause in typing: one request per pause, not per keystroke.
		current.timer = setTimeout(() => {
			if (stopped || session !== current || current.key !== key) return;
			current.shown = true;
			anchor.append(host);
			analyse(current, payload, key);
		}, DRAFT_PAUSE_MS);
	}

	return {
		scan,
		stop() {
			stopped = true;
			end();
			for (const host of document.querySelectorAll(`${ANNOTATION_TAG}[data-kind="draft"]`)) host.remove();
		},
	};
}

export const draftCoaching: Feature = {
	id: 'draft-coaching',
	enabled: settings => settings.composer,
	start,
};

/*
Test pages:
- https://www.linkedin.com/feed/ → "Start a post" (G1 Quill dialog, data-test-modal-id="sharebox")
- https://www.linkedin.com/preload/sharebox/ (G3 opens the composer directly)
- Fixtures: the open composer dialog at the end of test/fixtures/feed-g1.html and feed-g3.html
*/
