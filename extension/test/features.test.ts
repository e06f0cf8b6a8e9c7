import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {DRAFT_PAUSE_MS, draftCoaching} from '../src/features/draft-coaching';
import {feedAnnotations} from '../src/features/feed-annotations';
import {extractPost, findComposerEditors, findPosts} from '../src/linkedin/extract';
import {queryAll} from '../src/linkedin/selectors';
import {AnalyzeClient} from '../src/lib/analyze-client';
import type {RunningFeature} from '../src/lib/feature';
import type {AnalyzeRequest, PostResult} from '../src/shared/messages';
import type {MirrorEntry} from '../src/lib/mirror';
import {defaultSettings, type Settings} from '../src/shared/settings';
import {analysis, fixturePosts, mountFixture, type FixtureName} from './helpers';

const TAG = 'teamcredit-annotation';
const settings: Settings = {...defaultSettings('en-US'), apiUrl: 'http://127.0.0.1:8000', apiKey: 'k', handle: 'alice-martin'};

/** A fake worker: records every message and answers by the fixture's expected orientation. */
function fakeWorker(answer?: (post: AnalyzeRequest['posts'][number]) => PostResult) {
	const messages: AnalyzeRequest[] = [];
	const client = new AnalyzeClient(async message => {
		messages.push(message);
		return {
			results: message.posts.map(
				post =>
					answer?.(post) ?? {
						status: 'ok',
						analysis: analysis({
							framing: {
								...analysis().framing,
								orientation: fixturePosts.find(fixture => fixture.text === post.text)?.expectedOrientation ?? 'BALANCED',
							},
						}),
					},
			),
		};
	});
	return {messages, client};
}

/** Lets the client's microtask batching and the fake worker's promise settle. */
const flush = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

const annotationsOf = (element: Element) => [...element.querySelectorAll(TAG)];

/** What content.ts hands a feature, with a recording status line and mirror. */
function context(doc: Document, client: AnalyzeClient, overrides: Partial<Settings> = {}) {
	const status = {failed: vi.fn(), succeeded: vi.fn()};
	const remember = vi.fn<(entry: MirrorEntry) => void>();
	last = {status, remember};
	return {document: doc, settings: {...settings, ...overrides}, client, status, remember};
}

let last: {status: {failed: ReturnType<typeof vi.fn>; succeeded: ReturnType<typeof vi.fn>}; remember: ReturnType<typeof vi.fn>};
let running: RunningFeature | undefined;

beforeEach(() => vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']}));
afterEach(() => {
	running?.stop();
	running = undefined;
	vi.useRealTimers();
});

describe.each<FixtureName>(['feed-g1.html', 'feed-g3.html'])('feed annotations on %s', fixture => {
	const expected = fixturePosts.filter(post => post.file === fixture && post.annotated);

	test('every non-sponsored post gets exactly one annotation, as its last child; comments get none', async () => {
		const doc = mountFixture(fixture);
		const {messages, client} = fakeWorker();
		running = feedAnnotations.start(context(doc, client));
		running.scan();
		await flush();

		const hosts = [...doc.querySelectorAll(TAG)];
		expect(hosts).toHaveLength(expected.length);
		for (const post of findPosts(doc)) {
			const sponsored = extractPost(post)!.sponsored;
			expect(annotationsOf(post)).toHaveLength(sponsored ? 0 : 1);
			if (!sponsored) expect(post.lastElementChild?.localName).toBe(TAG);
		}

		for (const comment of queryAll(doc, 'commentArea')) expect(annotationsOf(comment)).toHaveLength(0);
		expect(hosts.map(host => host.getAttribute('data-orientation'))).toEqual(expected.map(post => post.expectedOrientation));
		expect(hosts.every(host => host.getAttribute('data-post-id'))).toBe(true);

		// One message (hence one batch in the worker) for the whole page.
		expect(messages).toHaveLength(1);
		expect(messages[0]!.posts.map(post => post.text)).toEqual(expected.map(post => post.text));
	});

	test('scanning again, removing and re-adding, or cloning a post never duplicates', async () => {
		const doc = mountFixture(fixture);
		const {messages, client} = fakeWorker();
		running = feedAnnotations.start(context(doc, client));
		running.scan();
		await flush();
		running.scan();
		await flush();

		// Virtualisation: the same node leaves and comes back.
		const [first, second] = findPosts(doc);
		const parent = first!.parentElement!;
		first!.remove();
		running.scan();
		parent.append(first!);
		running.scan();
		await flush();
		expect(annotationsOf(first!)).toHaveLength(1);

		// Re-render as a fresh clone: the copied host has no shadow root and must be replaced.
		const clone = second!.cloneNode(true) as Element;
		second!.replaceWith(clone);
		expect(annotationsOf(clone)).toHaveLength(1);
		running.scan();
		await flush();
		expect(annotationsOf(clone)).toHaveLength(1);
		expect(annotationsOf(clone)[0]!.shadowRoot).not.toBeNull();
		expect(doc.querySelectorAll(TAG)).toHaveLength(expected.length);
		expect(messages).toHaveLength(1); // Known posts are answered from memory.
	});

	test('sponsored posts are annotated only when the user opted in', async () => {
		const doc = mountFixture(fixture);
		const {client} = fakeWorker();
		running = feedAnnotations.start(context(doc, client, {sponsored: true}));
		running.scan();
		await flush();
		expect(doc.querySelectorAll(TAG)).toHaveLength(expected.length + 1);
	});

	test('stop() removes everything the feature added', async () => {
		const doc = mountFixture(fixture);
		const {client} = fakeWorker();
		const feature = feedAnnotations.start(context(doc, client));
		feature.scan();
		await flush();
		feature.stop();
		expect(doc.querySelectorAll(TAG)).toHaveLength(0);
	});
});

describe('feed annotations: changes and failures', () => {
	test('G3 "…more" expanded: the grown text is analysed again, in the same annotation', async () => {
		const doc = mountFixture('feed-g3.html');
		const {messages, client} = fakeWorker();
		running = feedAnnotations.start(context(doc, client));
		running.scan();
		await flush();
		const post = findPosts(doc)[1]!;
		const host = annotationsOf(post)[0]!;
		const box = queryAll(post, 'textBox')[0]!;
		box.textContent = `${box.textContent!.replace('I…… more', 'I')} led every migration myself.`;
		running.scan();
		await flush();
		expect(messages).toHaveLength(2);
		expect(messages[1]!.posts).toHaveLength(1);
		expect(messages[1]!.posts[0]!.text).toContain('led every migration myself.');
		expect(annotationsOf(post)).toEqual([host]);
	});

	test('errors go to the one status line (cards stay silent), retried once after retryAt', async () => {
		const doc = mountFixture('feed-g1.html');
		let limited = true;
		const {messages, client} = fakeWorker(() =>
			limited ? {status: 'error', error: 'rate_limited', retryAt: Date.now() + 30_000} : {status: 'ok', analysis: analysis()},
		);
		running = feedAnnotations.start(context(doc, client));
		running.scan();
		await flush();
		const hosts = [...doc.querySelectorAll<HTMLElement>(TAG)];
		expect(hosts.every(host => host.getAttribute('data-state') === 'error' && host.hidden)).toBe(true);
		expect(last.status.failed).toHaveBeenCalledWith('rate_limited', Date.now() + 30_000);
		expect(last.status.succeeded).not.toHaveBeenCalled();

		for (let i = 0; i < 5; i++) running.scan();
		await flush();
		expect(messages).toHaveLength(1);

		limited = false;
		await vi.advanceTimersByTimeAsync(30_000);
		await flush();
		expect(messages).toHaveLength(2);
		expect([...doc.querySelectorAll(TAG)].every(host => host.getAttribute('data-state') === 'ready')).toBe(true);
		expect(last.status.succeeded).toHaveBeenCalled();
	});

	test('a worker that does not answer (restarting) shows an honest error, retried later', async () => {
		const doc = mountFixture('feed-g3.html');
		let calls = 0;
		const client = new AnalyzeClient(async () => {
			calls++;
			throw new Error('Could not establish connection. Receiving end does not exist.');
		});
		running = feedAnnotations.start(context(doc, client));
		running.scan();
		await flush();
		expect(doc.querySelector(TAG)?.getAttribute('data-state')).toBe('error');
		await vi.advanceTimersByTimeAsync(5000);
		await flush();
		expect(calls).toBe(2);
	});
});

describe.each<FixtureName>(['feed-g1.html', 'feed-g3.html'])('draft coaching on %s', fixture => {
	test('analyses the draft after a 600 ms pause and shows hints beside the editor, never inside', async () => {
		const doc = mountFixture(fixture);
		const {messages, client} = fakeWorker();
		running = draftCoaching.start(context(doc, client));
		const editor = findComposerEditors(doc)[0]!;
		running.scan();
		expect(doc.querySelectorAll(TAG)).toHaveLength(0); // Nothing until there is a draft.

		// Typing (what the editor itself would do).
		editor.replaceChildren(Object.assign(doc.createElement('p'), {textContent: 'Thrilled to announce I shipped Atlas!'}));
		const typed = editor.outerHTML;
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS - 100);
		editor.firstElementChild!.append(' With the team.');
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS - 1);
		await flush();
		expect(messages).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		await flush();

		expect(messages).toHaveLength(1);
		expect(messages[0]!.posts).toEqual([{text: 'Thrilled to announce I shipped Atlas! With the team.', authorHandle: 'alice-martin'}]);
		const host = doc.querySelector<HTMLElement>(`${TAG}[data-kind="draft"]`)!;
		expect(host.getAttribute('data-orientation')).toBe('BALANCED'); // The fake worker's answer for unknown texts.
		expect(editor.contains(host)).toBe(false);
		expect(host.parentElement?.getAttribute('role')).toBe('dialog');
		expect(editor.outerHTML).toBe(typed.replace('Atlas!</p>', 'Atlas! With the team.</p>'));
		expect(host.hidden).toBe(true); // A balanced draft with nothing to add: quiet.
		expect(last.remember).toHaveBeenCalledWith(
			expect.objectContaining({kind: 'draft', framing: 'BALANCED', credited: 0, id: expect.stringMatching(/^draft:/)}),
		);
	});

	test('typing in a comment editor with the same label does nothing', async () => {
		const doc = mountFixture(fixture);
		const {messages, client} = fakeWorker();
		running = draftCoaching.start(context(doc, client));
		const commentEditor = queryAll(doc, 'composerEditor').find(editor => !findComposerEditors(doc).includes(editor))!;
		commentEditor.textContent = 'Great post, we did it together!';
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS * 2);
		await flush();
		expect(messages).toHaveLength(0);
		expect(doc.querySelectorAll(TAG)).toHaveLength(0);
	});

	test('without the user\'s handle, says how to get credit suggestions', async () => {
		const doc = mountFixture(fixture);
		const {messages, client} = fakeWorker();
		running = draftCoaching.start(context(doc, client, {handle: '', showAll: true}));
		findComposerEditors(doc)[0]!.textContent = 'We shipped Atlas.';
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS);
		await flush();
		expect(messages[0]!.posts[0]).toEqual({text: 'We shipped Atlas.'});
		expect(doc.querySelector(TAG)!.shadowRoot!.textContent).toContain('Set your LinkedIn handle');
	});

	test('emptying the draft or closing the dialog removes the hints', async () => {
		const doc = mountFixture(fixture);
		const {client} = fakeWorker();
		running = draftCoaching.start(context(doc, client));
		const editor = findComposerEditors(doc)[0]!;
		editor.textContent = 'We shipped Atlas.';
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS);
		expect(doc.querySelectorAll(TAG)).toHaveLength(1);
		editor.textContent = '';
		running.scan();
		expect(doc.querySelectorAll(TAG)).toHaveLength(0);
		editor.textContent = 'Again.';
		running.scan();
		await vi.advanceTimersByTimeAsync(DRAFT_PAUSE_MS);
		expect(doc.querySelectorAll(TAG)).toHaveLength(1);
		doc.querySelector('[role="dialog"]')!.remove();
		running.scan();
		expect(doc.querySelectorAll(TAG)).toHaveLength(0);
	});
});

describe('reader and author mode in the feed', () => {
	test('your own post gets author mode and goes to the mirror; the others get reader mode', async () => {
		const doc = mountFixture('feed-g3.html');
		const {client} = fakeWorker();
		running = feedAnnotations.start(context(doc, client)); // handle: alice-martin
		running.scan();
		await flush();
		const hosts = [...doc.querySelectorAll<HTMLElement>(TAG)];
		const own = hosts.filter(host => host.dataset.mode === 'author');
		expect(own).toHaveLength(1);
		expect(own[0]!.parentElement!.textContent).toContain('Alice Martin');
		expect(hosts.filter(host => host.dataset.mode === 'reader')).toHaveLength(hosts.length - 1);
		expect(last.remember).toHaveBeenCalledTimes(1);
		expect(last.remember).toHaveBeenCalledWith(expect.objectContaining({kind: 'post', id: own[0]!.dataset.postId, framing: 'INDIVIDUAL'}));
	});

	test('reader mode: the suggested comment goes into this post\'s comment box', async () => {
		const doc = mountFixture('feed-g1.html');
		const {client} = fakeWorker();
		// jsdom has no editing commands: stand in for the browser's insertText on the selection.
		const exec = vi.fn((command: string, _ui?: boolean, value?: string) => {
			const range = doc.getSelection()!.getRangeAt(0);
			if (command === 'insertText') range.insertNode(doc.createTextNode(value ?? ''));
			return true;
		});
		Object.defineProperty(doc, 'execCommand', {value: exec, configurable: true});
		try {
			running = feedAnnotations.start(context(doc, client));
			running.scan();
			await flush();
			const post = findPosts(doc).find(element => element.textContent!.includes('I failed. My launch plan'))!;
			const host = annotationsOf(post)[0]!;
			expect(host.getAttribute('data-mode')).toBe('reader');
			host.shadowRoot!.querySelector<HTMLButtonElement>('button.insert-comment')!.click();
			const box = post.querySelector('.comments-comment-box [contenteditable="true"]')!;
			expect(box.textContent).toBe('Congrats to Bob Nguyen too!');
			expect(exec).toHaveBeenCalledWith('insertText', false, 'Congrats to Bob Nguyen too!');
			expect(exec).not.toHaveBeenCalledWith('insertParagraph'); // the box was empty
		} finally {
			delete (doc as {execCommand?: unknown}).execCommand;
		}
	});
});
