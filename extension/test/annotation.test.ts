import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {Annotation, annotationOf} from '../src/ui/annotation';
import {analysis} from './helpers';

const XSS = '<img src=x onerror=alert(1)>';

function mount(variant: 'post' | 'draft' = 'post', lang: 'en' | 'fr' = 'en', copy?: (text: string) => Promise<void>) {
	const annotation = new Annotation(document, 'urn:li:activity:1', {lang, variant, ...(copy ? {copy} : {})});
	document.body.append(annotation.host);
	const root = annotation.host.shadowRoot!;
	return {annotation, root, host: annotation.host};
}

afterEach(() => {
	document.body.replaceChildren();
	vi.restoreAllMocks();
});

describe('<teamcredit-annotation>', () => {
	test('host element, attributes and an open shadow root', () => {
		const {annotation, host, root} = mount();
		expect(host.localName).toBe('teamcredit-annotation');
		expect(host.dataset.postId).toBe('urn:li:activity:1');
		expect(host.dataset.state).toBe('loading');
		expect(host.dataset.orientation).toBeUndefined();
		expect(root.mode).toBe('open');
		expect(root.querySelector('[aria-busy="true"]')?.textContent).toContain('analysing');
		expect(annotationOf(host)).toBe(annotation);
		expect(annotationOf(host.cloneNode(true) as Element)).toBeUndefined(); // A clone is dead.
	});

	test('a low-confidence verdict reads "mixed signals", not a framing', () => {
		const {annotation, root} = mount();
		const unsure = analysis();
		unsure.framing = {...unsure.framing, orientation: 'COLLECTIVE', confidence: 0.42};
		annotation.render({kind: 'ready', analysis: unsure, text: 'We shipped. I led.'});
		const toggle = root.querySelector('button.toggle') as HTMLButtonElement;
		expect(toggle.textContent).toContain('Mixed signals');
		expect(toggle.textContent).not.toContain('Collective framing');
		expect(root.querySelector('.badge.mixed')).not.toBeNull();
	});

	test('compact line: framing, people to credit, culture; expands with a real button', () => {
		const {annotation, host, root} = mount();
		annotation.render({kind: 'ready', analysis: analysis(), text: 'Thrilled to ship Atlas.'});
		expect(host.dataset.orientation).toBe('INDIVIDUAL');
		expect(host.dataset.state).toBe('ready');
		const toggle = root.querySelector('button.toggle') as HTMLButtonElement;
		expect(toggle.textContent).toContain('Individual framing');
		expect(toggle.textContent).toContain('1 person to credit');
		expect(toggle.textContent).toContain('individualism US 91 → FR 71');
		expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('TeamCredit hints');
		const details = root.getElementById('details')!;
		expect(toggle.getAttribute('aria-controls')).toBe('details');
		expect(toggle.getAttribute('aria-expanded')).toBe('false');
		expect(details.hidden).toBe(true);
		toggle.click();
		expect(toggle.getAttribute('aria-expanded')).toBe('true');
		expect(details.hidden).toBe(false);
		expect(details.textContent).toContain('Bob Nguyen');
		expect(details.textContent).toContain('contributed to Atlas');
		expect(details.textContent).toContain('Contributed to Atlas as backend lead.');
		expect(details.textContent).toContain('Hofstede, Hofstede & Minkov');
		expect(details.textContent).toContain('Self-promotion reads as less modest');
	});

	test('highlights evidence at code-point offsets, after emoji', () => {
		const {annotation, root} = mount();
		const text = '🚀🎉 Thrilled to announce I shipped Atlas';
		const start = [...text].indexOf('T');
		annotation.render({
			kind: 'ready',
			text,
			analysis: analysis({
				framing: {
					...analysis().framing,
					signals: [
						{kind: 'SELF_PROMOTION', weight: 1, span: {start, end: start + 20, text: 'Thrilled to announce'}},
						{kind: 'SELF_REFERENCE', weight: 0.5, span: {start: start + 21, end: start + 22, text: 'I'}},
					],
				},
			}),
		});
		const marks = [...root.querySelectorAll('mark')].map(mark => mark.textContent);
		expect(marks).toEqual(['Thrilled to announce', 'I']);
		expect(root.querySelector('.evidence .kind')?.textContent).toBe('self-promotion');
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
		expect(root.textContent).toContain('<script>alert(2)</script>');
	});

	test('the copy button copies the suggested phrasing and says so', async () => {
		const copy = vi.fn(async () => undefined);
		const {annotation, root} = mount('post', 'en', copy);
		annotation.render({kind: 'ready', analysis: analysis(), text: 'x'});
		const button = [...root.querySelectorAll('button')].find(b => b.textContent === 'Copy suggested phrasing')!;
		button.click();
		await Promise.resolve();
		await Promise.resolve();
		expect(copy).toHaveBeenCalledWith('Thanks to Bob Nguyen, who built the Atlas backend with me.');
		expect(root.querySelector('[role="status"].copied')?.textContent).toBe('Copied to the clipboard.');
	});

	test.each([
		['auth', 'the API key was refused (401)'],
		['forbidden', '(403)'],
		['network', 'cannot reach the TeamCredit API'],
		['rate_limited', 'too many requests (429)'],
		['not_configured', 'hints are off'],
	] as const)('error state %s is small and honest', (error, phrase) => {
		const {annotation, host, root} = mount();
		annotation.render({kind: 'error', error, retryAt: Date.now() + 30_000});
		expect(host.dataset.state).toBe('error');
		expect(host.dataset.orientation).toBeUndefined();
		expect(root.querySelector('[role="status"]')?.textContent).toContain(phrase);
		expect(root.querySelectorAll('button')).toHaveLength(0);
	});

	test('degraded answers keep framing and culture, and say the team data is missing', () => {
		const {annotation, host, root} = mount();
		annotation.render({kind: 'ready', text: 'x', analysis: analysis({degraded: true, credit: []})});
		expect(host.dataset.state).toBe('degraded');
		expect(host.dataset.orientation).toBe('INDIVIDUAL');
		expect(root.querySelector('.toggle')?.textContent).toContain('team data unavailable');
		expect(root.textContent).toContain('The team graph was unreachable');
		expect(root.textContent).not.toContain('Who else to credit');
	});

	test('French UI and the draft variant (open by default)', () => {
		const {annotation, root} = mount('draft', 'fr');
		annotation.render({kind: 'ready', text: 'x', analysis: analysis({credit: []}), note: 'draft_no_handle'});
		expect(root.querySelector('.toggle')?.textContent).toContain('Cadrage individuel');
		expect(root.querySelector('.toggle')?.textContent).toContain('0 personne à créditer');
		expect(root.querySelector('.toggle')?.getAttribute('aria-expanded')).toBe('true');
		expect(root.textContent).toContain('Votre brouillon');
		expect(root.textContent).toContain('Indiquez votre identifiant LinkedIn');
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
