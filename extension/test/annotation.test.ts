import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {Analysis} from '../src/shared/analysis';
import {Annotation, annotationOf, type AnnotationOptions} from '../src/ui/annotation';
import {analysis} from './helpers';

const XSS = '<img src=x onerror=alert(1)>';
const JAPAN = {country: 'JP', name: 'Japan', individualism: 46, orientation: 'COLLECTIVIST'};

function mount(options: Partial<AnnotationOptions> = {}) {
	const annotation = new Annotation(document, 'urn:li:activity:1', {lang: 'en', variant: 'post', ...options});
	document.body.append(annotation.host);
	const root = annotation.host.shadowRoot!;
	return {annotation, root, host: annotation.host};
}

function show(answer: Analysis, options: Partial<AnnotationOptions> = {}, text = 'Thrilled to ship Atlas. I led it.') {
	const mounted = mount(options);
	mounted.annotation.render({kind: 'ready', analysis: answer, text});
	return mounted;
}

const toggleOf = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('button.toggle')!;
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => {
	document.body.replaceChildren();
	vi.restoreAllMocks();
});

describe('<teamcredit-annotation>: quiet by default', () => {
	test('host element, attributes and an open shadow root; silent while loading', () => {
		const {annotation, host, root} = mount();
		expect(host.localName).toBe('teamcredit-annotation');
		expect(host.dataset.postId).toBe('urn:li:activity:1');
		expect(host.dataset.state).toBe('loading');
		expect(host.dataset.orientation).toBeUndefined();
		expect(host.hidden).toBe(true);
		expect(root.mode).toBe('open');
		expect(root.querySelector('section')).toBeNull();
		expect(annotationOf(host)).toBe(annotation);
		expect(annotationOf(host.cloneNode(true) as Element)).toBeUndefined(); // A clone is dead.
		const all = mount({showAll: true});
		expect(all.host.hidden).toBe(false);
		expect(all.root.querySelector('[role="status"]')?.textContent).toContain('analysing');
	});

	test('an individual post with uncredited contributors gets a one-line badge naming them', () => {
		const {host, root} = show(analysis());
		expect(host.hidden).toBe(false);
		expect(host.dataset.triggers).toBe('credit');
		expect(host.dataset.mode).toBe('reader');
		const line = root.querySelectorAll('.line');
		expect(line).toHaveLength(1);
		expect(toggleOf(root).textContent).toContain('Individual framing');
		expect(toggleOf(root).textContent).toContain('They left out Bob Nguyen');
		expect(toggleOf(root).textContent).not.toMatch(/individualism|→/); // no jargon on the line
	});

	test.each<[string, Partial<Analysis>]>([
		['a collective post', {framing: {...analysis().framing, orientation: 'COLLECTIVE'}}],
		['an empty credit list (the post already credits everyone, or is about nothing)', {credit: []}],
		['a low-confidence framing alone', {framing: {...analysis().framing, confidence: 0.42, mixedSignals: true}}],
		['a degraded answer (no team data)', {degraded: true, credit: []}],
	])('nothing worth saying: %s shows nothing at all', (_, overrides) => {
		const {host, root} = show(analysis(overrides));
		expect(host.hidden).toBe(true);
		expect(host.dataset.state).toMatch(/ready|degraded/);
		expect(host.dataset.orientation).toBeDefined();
		expect(root.querySelector('section')).toBeNull();
	});

	test('the "every post" setting shows a badge anyway, and "Mixed signals" when the service says so', () => {
		const unsure = analysis({credit: []});
		unsure.framing = {...unsure.framing, orientation: 'COLLECTIVE', confidence: 0.42, mixedSignals: true};
		const {host, root} = show(unsure, {showAll: true});
		expect(host.hidden).toBe(false);
		expect(toggleOf(root).textContent).toContain('Mixed signals');
		expect(toggleOf(root).textContent).toContain('Nothing to add');
		expect(toggleOf(root).textContent).not.toContain('Collective framing');
		expect(root.querySelector('.badge.mixed')).not.toBeNull();
	});

	test('performative vulnerability and humblebrag signals are worth a badge', () => {
		const vulnerable = analysis({credit: []});
		vulnerable.framing = {
			...vulnerable.framing,
			orientation: 'INDIVIDUAL',
			signals: [{kind: 'PERFORMATIVE_VULNERABILITY', weight: 1, span: {start: 0, end: 8, text: 'I failed'}}],
		};
		expect(toggleOf(show(vulnerable, {}, 'I failed. Here is what I learned.').root).textContent).toContain('performative vulnerability');

		const humble = analysis({credit: []});
		humble.framing = {
			...humble.framing,
			signals: [{kind: 'SELF_PROMOTION', weight: 2.5, span: {start: 0, end: 19, text: 'Humbled to announce'}}],
		};
		const {host, root} = show(humble, {}, 'Humbled to announce my award.');
		expect(host.dataset.triggers).toBe('humblebrag');
		expect(toggleOf(root).textContent).toContain('humblebrag');
	});

	test('a large cultural gap is worth a badge for a reader, never on your own post', () => {
		const far = analysis({credit: []});
		far.framing = {...far.framing, orientation: 'BALANCED'};
		far.culture = {...far.culture, reader: JAPAN};
		const reader = show(far);
		expect(reader.host.dataset.triggers).toBe('culture');
		expect(toggleOf(reader.root).textContent).toContain('May read differently where you are (Japan)');
		toggleOf(reader.root).click();
		const sentence = reader.root.querySelector('.culture')!.textContent!;
		expect(sentence).toContain('Individualism scores 91/100 where the author is (United States) and 46/100 where you are (Japan)');
		expect(sentence).toContain('more boastful');
		const author = show(far, {mode: 'author'});
		expect(author.host.hidden).toBe(true);
		const authorAll = show(far, {mode: 'author', showAll: true});
		toggleOf(authorAll.root).click();
		expect(authorAll.root.querySelector('.culture')).toBeNull(); // your reader country is not your audience
	});
});

describe('<teamcredit-annotation>: the compact panel', () => {
	test('expands with a real button: each evidence once, each person once with a role', () => {
		const answer = analysis();
		answer.framing = {
			...answer.framing,
			signals: [
				{kind: 'SELF_REFERENCE', weight: 0.5, span: {start: 24, end: 29, text: 'I led'}},
				{kind: 'SELF_PROMOTION', weight: 1, span: {start: 0, end: 8, text: 'Thrilled'}},
				{kind: 'ACHIEVEMENT_CLAIM', weight: 1, span: {start: 24, end: 29, text: 'I led'}},
			],
		};
		answer.credit = [
			...answer.credit,
			{...answer.credit[0]!, reason: 'TEAMMATE', evidence: 'Member of Search, the team behind Atlas', score: 0.5},
			{
				person: {id: 'p-carla', name: 'Carla Rossi', handle: null},
				team: null,
				project: {id: 'pr-atlas', name: 'Atlas'},
				reason: 'PROJECT_CONTRIBUTOR',
				evidence: 'A contribué à Atlas (design)',
				score: 0.8,
			},
		];
		const {root} = show(answer, {}, 'Thrilled to ship Atlas. I led it.');
		const toggle = toggleOf(root);
		const details = root.getElementById('details')!;
		expect(toggle.getAttribute('aria-controls')).toBe('details');
		expect(toggle.getAttribute('aria-expanded')).toBe('false');
		expect(details.hidden).toBe(true);
		toggle.click();
		expect(toggle.getAttribute('aria-expanded')).toBe('true');
		expect(details.hidden).toBe(false);
		expect([...root.querySelectorAll('mark')].map(mark => mark.textContent)).toEqual(['Thrilled', 'I led']);
		expect([...root.querySelectorAll('.people li')].map(item => item.textContent)).toEqual([
			'Bob Nguyen (backend lead)',
			'Carla Rossi (design)',
		]);
		expect(details.textContent).toContain('They left out:');
		expect(root.querySelector('.suggestion blockquote')?.textContent).toBe('Congrats to Bob Nguyen and Carla Rossi too!');
		expect(details.textContent).not.toContain('Member of Search'); // one line per person, no evidence essays
		expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('TeamCredit hints');
	});

	test('highlights evidence at code-point offsets, after emoji', () => {
		const text = '🚀🎉 Thrilled to announce I shipped Atlas';
		const start = [...text].indexOf('T');
		const {root} = show(
			analysis({
				framing: {
					...analysis().framing,
					signals: [
						{kind: 'SELF_PROMOTION', weight: 1, span: {start, end: start + 20, text: 'Thrilled to announce'}},
						{kind: 'SELF_REFERENCE', weight: 0.5, span: {start: start + 21, end: start + 22, text: 'I'}},
					],
				},
			}),
			{},
			text,
		);
		expect([...root.querySelectorAll('mark')].map(mark => mark.textContent)).toEqual(['Thrilled to announce', 'I']);
		expect(root.querySelector('.evidence .kind')?.textContent).toBe('self-promotion');
	});

	test('sources sit behind one "source" link, and only http(s) links are made', () => {
		const far = analysis();
		far.culture = {...far.culture, reader: JAPAN, sources: ['Hofstede (2010).', 'Scores: dims.csv, https://geerthofstede.com/dims.csv']};
		const {root} = show(far);
		const link = root.querySelector<HTMLAnchorElement>('a.source')!;
		expect(link.textContent).toBe('source');
		expect(link.getAttribute('href')).toBe('https://geerthofstede.com/dims.csv');
		expect(link.rel).toContain('noopener');
		expect(root.getElementById('details')!.textContent).not.toContain('dims.csv,');

		far.culture = {...far.culture, sources: ['javascript:alert(1) Hofstede']};
		const other = show(far);
		expect(other.root.querySelector('a')).toBeNull();
		expect(other.root.querySelector('details.source summary')?.textContent).toBe('source');
	});

	test('untrusted text is shown literally, never parsed as HTML', () => {
		const {annotation, root} = mount();
		const html = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
		const setter = vi.fn(html.set);
		Object.defineProperty(Element.prototype, 'innerHTML', {...html, set: setter});
		try {
			annotation.render({
				kind: 'ready',
				text: XSS,
				analysis: analysis({
					framing: {...analysis().framing, signals: [{kind: 'SELF_REFERENCE', weight: 1, span: {start: 0, end: XSS.length, text: XSS}}]},
					credit: [{...analysis().credit[0]!, person: {id: 'x', name: '<b>Mallory</b>', handle: null}, evidence: '<script>alert(2)</script>'}],
					suggestedPhrasing: '<a href="javascript:alert(3)">thanks</a>',
				}),
			});
		} finally {
			Object.defineProperty(Element.prototype, 'innerHTML', html);
		}

		expect(setter).not.toHaveBeenCalled();
		expect(root.querySelector('img, script, b, a')).toBeNull();
		expect(root.querySelector('mark')?.textContent).toBe(XSS);
		expect(root.textContent).toContain('<b>Mallory</b>');
	});

	test.each(['auth', 'network', 'rate_limited', 'not_configured'] as const)('error %s: the card stays silent (the page has one status line)', error => {
		const {annotation, host, root} = mount({showAll: true});
		annotation.render({kind: 'error', error, retryAt: Date.now() + 30_000});
		expect(host.dataset.state).toBe('error');
		expect(host.dataset.orientation).toBeUndefined();
		expect(host.hidden).toBe(true);
		expect(root.querySelector('section')).toBeNull();
	});

	test('degraded answers, when shown, say the team data is missing', () => {
		const {host, root} = show(analysis({degraded: true, credit: []}), {showAll: true});
		expect(host.dataset.state).toBe('degraded');
		expect(root.textContent).toContain('The team graph was unreachable');
		expect(root.querySelector('.people')).toBeNull();
	});
});

describe('<teamcredit-annotation>: reader and author actions', () => {
	test('reader: the congratulation goes into the comment box, or is copied when there is none', async () => {
		const insertComment = vi.fn(() => true);
		const copy = vi.fn(async () => undefined);
		const {root} = show(analysis(), {insertComment, copy});
		toggleOf(root).click();
		root.querySelector<HTMLButtonElement>('button.insert-comment')!.click();
		expect(insertComment).toHaveBeenCalledWith('Congrats to Bob Nguyen too!');
		expect(root.querySelector('.done')?.textContent).toContain('In the comment box');
		expect(copy).not.toHaveBeenCalled();
		expect(root.textContent).not.toContain('Add to my post');

		insertComment.mockReturnValue(false);
		root.querySelector<HTMLButtonElement>('button.insert-comment')!.click();
		await settle();
		expect(copy).toHaveBeenCalledWith('Congrats to Bob Nguyen too!');
		expect(root.querySelector('.done')?.textContent).toBe('Copied: open the comments and paste it.');
	});

	test('author: "Add to my post" appends the suggested credit; the panel starts collapsed', async () => {
		const addToDraft = vi.fn(() => true);
		const copy = vi.fn(async () => undefined);
		const {host, root} = show(analysis(), {variant: 'draft', mode: 'author', addToDraft, copy});
		expect(host.dataset.mode).toBe('author');
		expect(toggleOf(root).getAttribute('aria-expanded')).toBe('false');
		expect(toggleOf(root).textContent).toContain('1 person you could credit');
		expect(root.textContent).toContain('Your draft');
		toggleOf(root).click();
		expect(root.getElementById('details')!.textContent).toContain('Not credited yet:');
		root.querySelector<HTMLButtonElement>('button.add-to-post')!.click();
		expect(addToDraft).toHaveBeenCalledWith('Thanks to Bob Nguyen, who built the Atlas backend with me.');
		expect(root.querySelector('.done')?.textContent).toContain('Added at the end of your draft');

		addToDraft.mockReturnValue(false);
		root.querySelector<HTMLButtonElement>('button.add-to-post')!.click();
		await settle();
		expect(copy).toHaveBeenCalledWith('Thanks to Bob Nguyen, who built the Atlas backend with me.');
		expect(root.querySelector('.done')?.textContent).toContain('copied instead');
		expect(root.textContent).not.toContain('Congrats');
	});

	test('author without a suggested phrasing: a plain thank-you naming everyone; copy says so', async () => {
		const copy = vi.fn(async () => undefined);
		const {root} = show(analysis({suggestedPhrasing: null}), {mode: 'author', copy});
		toggleOf(root).click();
		expect(root.querySelector('.suggestion blockquote')?.textContent).toBe('Thanks to Bob Nguyen for their part in this.');
		expect(root.querySelector('button.add-to-post')).toBeNull(); // a published post cannot be edited from here
		root.querySelector<HTMLButtonElement>('button.copy')!.click();
		await settle();
		expect(copy).toHaveBeenCalledWith('Thanks to Bob Nguyen for their part in this.');
		expect(root.querySelector('.done')?.textContent).toBe('Copied to the clipboard.');
	});

	test('French UI, draft variant, and the note without a handle', () => {
		const {root} = show(analysis(), {lang: 'fr', variant: 'draft', mode: 'author', showAll: true});
		const {annotation} = mount({lang: 'fr', variant: 'draft', showAll: true});
		annotation.render({kind: 'ready', text: 'x', analysis: analysis({credit: []}), note: 'draft_no_handle'});
		expect(toggleOf(root).textContent).toContain('Cadrage individuel');
		expect(toggleOf(root).textContent).toContain('1 personne à créditer');
		expect(root.textContent).toContain('Votre brouillon');
		expect(annotation.host.shadowRoot!.textContent).toContain('Indiquez votre identifiant LinkedIn');
	});
});

test('no source file builds HTML from strings', () => {
	const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
	const files = (dir: string): string[] =>
		readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
			entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
		);
	for (const file of files(src)) {
		expect(readFileSync(file, 'utf8'), file).not.toMatch(/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
	}
});
