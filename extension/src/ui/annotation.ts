/**
 * <teamcredit-annotation>: the hint panel under a post (or beside a draft).
 *
 * Not a registered custom element: content scripts in Chromium have no `customElements`
 * (isolated world), so we create a plain element with a valid custom-element name, which may
 * still host a shadow root, and keep its controller in a WeakMap. The shadow root is OPEN so
 * tests (and assistive tooling) can inspect it. Post text and server strings are untrusted:
 * every node is built with createElement + textContent, never innerHTML.
 */
import {MIXED_SIGNALS_BELOW, type Analysis, type CultureInfo, type FramingSignal} from '../shared/analysis';
import {formatTime, plural, t, type MessageKey} from '../shared/i18n';
import type {ErrorKind} from '../shared/messages';
import type {UiLanguage} from '../shared/settings';
import {spanToUtf16} from '../shared/spans';
import {STYLES} from './styles';

export const ANNOTATION_TAG = 'teamcredit-annotation';

export type AnnotationState =
	| {kind: 'loading'}
	| {kind: 'error'; error: ErrorKind; retryAt?: number}
	/** `text` is the analysed text: spans point into it. */
	| {kind: 'ready'; analysis: Analysis; text: string; note?: MessageKey};

export interface AnnotationOptions {
	lang: UiLanguage;
	/** Drafts open expanded: the writer is looking at them. */
	variant: 'post' | 'draft';
	copy?: (text: string) => Promise<void>;
}

const controllers = new WeakMap<Element, Annotation>();

/** The controller of a host element we created, or undefined for a stale clone. */
export function annotationOf(host: Element): Annotation | undefined {
	return controllers.get(host);
}

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
	doc: Document,
	tag: K,
	attributes: Record<string, string> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const element = doc.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
	for (const child of children) {
		if (child === null || child === undefined || child === false) continue;
		element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
	}

	return element;
}

const SNIPPET_CONTEXT = 40;
const MAX_EVIDENCE = 8;

/** Keeps slice boundaries off the middle of a surrogate pair. */
function safeBoundary(text: string, index: number, direction: -1 | 1): number {
	const code = text.charCodeAt(index);
	return code >= 0xdc_00 && code <= 0xdf_ff ? index + (direction === -1 ? -1 : 1) : index;
}

export class Annotation {
	readonly host: HTMLElement;
	private readonly shadow: ShadowRoot;
	private readonly doc: Document;
	private expanded: boolean;

	constructor(
		doc: Document,
		postId: string,
		private readonly options: AnnotationOptions,
	) {
		this.doc = doc;
		this.host = doc.createElement(ANNOTATION_TAG);
		this.host.dataset.postId = postId;
		this.shadow = this.host.attachShadow({mode: 'open'});
		this.expanded = options.variant === 'draft';
		controllers.set(this.host, this);
		this.render({kind: 'loading'});
	}

	render(state: AnnotationState): void {
		const {lang} = this.options;
		const host = this.host;
		host.dataset.state = state.kind === 'ready' && state.analysis.degraded ? 'degraded' : state.kind;
		if (state.kind === 'ready') {
			host.dataset.orientation = state.analysis.framing.orientation;
		} else {
			delete host.dataset.orientation;
		}

		const section = el(this.doc, 'section', {class: `tc ${this.options.variant}`, 'aria-label': t(lang, 'region_label')});
		if (state.kind === 'loading') {
			section.setAttribute('aria-busy', 'true');
			section.append(this.line(t(lang, 'loading')));
		} else if (state.kind === 'error') {
			section.append(this.errorLine(state.error, state.retryAt));
		} else {
			section.append(...this.ready(state.analysis, state.text, state.note));
		}

		this.shadow.replaceChildren(el(this.doc, 'style', {}, STYLES), section);
	}

	private brand(): HTMLElement {
		const {lang, variant} = this.options;
		return el(
			this.doc,
			'span',
			{class: 'brand'},
			variant === 'draft' ? `${t(lang, 'brand')} · ${t(lang, 'draft_title')}` : t(lang, 'brand'),
		);
	}

	private line(message: string): HTMLElement {
		return el(this.doc, 'p', {class: 'line', role: 'status'}, this.brand(), ' · ', message);
	}

	private errorLine(error: ErrorKind, retryAt: number | undefined): HTMLElement {
		const {lang} = this.options;
		const time = formatTime(lang, retryAt ?? Date.now());
		const line = this.line(t(lang, `error_${error}`, time));
		line.classList.add('error');
		return line;
	}

	private ready(analysis: Analysis, text: string, note: MessageKey | undefined): Node[] {
		const {lang} = this.options;
		const {framing, credit, culture, degraded} = analysis;
		// Below this confidence the verdict is right less than half the time: say so.
		const orientation = framing.confidence < MIXED_SIGNALS_BELOW ? 'MIXED' : framing.orientation;

		const summary: Child[] = [
			el(this.doc, 'span', {class: `badge ${orientation.toLowerCase()}`}, t(lang, `orientation_${orientation}`)),
		];
		summary.push(
			el(
				this.doc,
				'span',
				{class: 'count'},
				degraded ? t(lang, 'degraded_compact') : plural(lang, credit.length, 'credit_count_one', 'credit_count_other'),
			),
		);
		const cultureText = compactCulture(lang, culture.author, culture.reader);
		if (cultureText) summary.push(el(this.doc, 'span', {class: 'culture'}, cultureText));

		const toggle = el(
			this.doc,
			'button',
			{type: 'button', class: 'toggle', 'aria-expanded': String(this.expanded), 'aria-controls': 'details'},
			...summary.flatMap((part, index) => (index === 0 ? [part] : [el(this.doc, 'span', {class: 'sep', 'aria-hidden': 'true'}, '·'), part])),
			el(this.doc, 'span', {class: 'more'}, t(lang, this.expanded ? 'details_hide' : 'details_show')),
		);
		const details = el(this.doc, 'div', {id: 'details', class: 'details'});
		details.hidden = !this.expanded;
		toggle.addEventListener('click', () => {
			this.expanded = !this.expanded;
			toggle.setAttribute('aria-expanded', String(this.expanded));
			details.hidden = !this.expanded;
			toggle.querySelector('.more')!.textContent = t(lang, this.expanded ? 'details_hide' : 'details_show');
		});

		if (degraded) details.append(el(this.doc, 'p', {class: 'note'}, t(lang, 'degraded_note')));
		if (note) details.append(el(this.doc, 'p', {class: 'note'}, t(lang, note)));
		details.append(...this.evidence(framing.signals, text), ...this.credit(analysis), ...this.culture(analysis));

		return [el(this.doc, 'div', {class: 'line'}, this.brand(), toggle), details];
	}

	private evidence(signals: FramingSignal[], text: string): Node[] {
		const {lang} = this.options;
		const heading = el(this.doc, 'h3', {}, t(lang, 'section_evidence'));
		const items: HTMLElement[] = [];
		const seen = new Set<string>();
		for (const signal of [...signals].sort((a, b) => a.span.start - b.span.start)) {
			const range = spanToUtf16(text, signal.span);
			if (!range || seen.has(`${range.start}:${range.end}`) || items.length >= MAX_EVIDENCE) continue;
			seen.add(`${range.start}:${range.end}`);
			const from = safeBoundary(text, Math.max(0, range.start - SNIPPET_CONTEXT), -1);
			const to = safeBoundary(text, Math.min(text.length, range.end + SNIPPET_CONTEXT), 1);
			const kindKey = `signal_${signal.kind}`;
			const kind = kindKey in KNOWN_SIGNALS ? t(lang, kindKey as MessageKey) : signal.kind.toLowerCase();
			items.push(
				el(
					this.doc,
					'li',
					{},
					el(this.doc, 'span', {class: 'kind'}, kind),
					' ',
					el(
						this.doc,
						'q',
						{},
						from > 0 ? '…' : '',
						text.slice(from, range.start),
						el(this.doc, 'mark', {}, text.slice(range.start, range.end)),
						text.slice(range.end, to),
						to < text.length ? '…' : '',
					),
				),
			);
		}

		return [
			heading,
			items.length > 0 ? el(this.doc, 'ul', {class: 'evidence'}, ...items) : el(this.doc, 'p', {}, t(lang, 'evidence_none')),
		];
	}

	private credit(analysis: Analysis): Node[] {
		const {lang} = this.options;
		if (analysis.degraded) return [];
		const nodes: Node[] = [el(this.doc, 'h3', {}, t(lang, 'section_credit'))];
		if (analysis.credit.length === 0) {
			nodes.push(el(this.doc, 'p', {}, t(lang, 'credit_none')));
		} else {
			nodes.push(
				el(
					this.doc,
					'ul',
					{class: 'credit'},
					...analysis.credit.map(suggestion => {
						const target = suggestion.reason === 'TEAMMATE' ? suggestion.team : suggestion.project;
						const reason =
							suggestion.reason === 'FREQUENT_COLLABORATOR'
								? t(lang, 'reason_FREQUENT_COLLABORATOR')
								: target
									? t(lang, `reason_${suggestion.reason}`, target.name)
									: t(lang, `reason_${suggestion.reason}_plain`);
						return el(
							this.doc,
							'li',
							{},
							el(this.doc, 'strong', {class: 'name'}, suggestion.person.name),
							' — ',
							el(this.doc, 'span', {class: 'reason'}, reason),
							suggestion.evidence ? el(this.doc, 'span', {class: 'why'}, suggestion.evidence) : null,
						);
					}),
				),
			);
		}

		if (analysis.suggestedPhrasing) nodes.push(this.phrasing(analysis.suggestedPhrasing));
		return nodes;
	}

	private phrasing(phrasing: string): HTMLElement {
		const {lang} = this.options;
		const status = el(this.doc, 'span', {class: 'copied', role: 'status', 'aria-live': 'polite'});
		const button = el(this.doc, 'button', {type: 'button', class: 'copy'}, t(lang, 'copy_phrasing'));
		button.addEventListener('click', () => {
			const copy = this.options.copy ?? (async (value: string) => navigator.clipboard.writeText(value));
			copy(phrasing).then(
				() => {
					status.textContent = t(lang, 'copied');
				},
				() => {
					status.textContent = t(lang, 'copy_failed');
				},
			);
		});
		return el(
			this.doc,
			'div',
			{class: 'phrasing'},
			el(this.doc, 'p', {class: 'label'}, t(lang, 'phrasing_label')),
			el(this.doc, 'blockquote', {}, phrasing),
			button,
			' ',
			status,
		);
	}

	private culture(analysis: Analysis): Node[] {
		const {lang} = this.options;
		const {culture} = analysis;
		const nodes: Node[] = [el(this.doc, 'h3', {}, t(lang, 'section_culture'))];
		if (culture.summary) nodes.push(el(this.doc, 'p', {}, culture.summary));
		const facts = [
			culture.author ? `${t(lang, 'culture_author')} — ${cultureLine(lang, culture.author)}` : null,
			culture.reader ? `${t(lang, 'culture_reader_label')} — ${cultureLine(lang, culture.reader)}` : null,
			...culture.notes,
		].filter((fact): fact is string => Boolean(fact));
		if (facts.length > 0) nodes.push(el(this.doc, 'ul', {class: 'notes'}, ...facts.map(fact => el(this.doc, 'li', {}, fact))));
		if (culture.sources.length > 0) {
			nodes.push(el(this.doc, 'p', {class: 'sources'}, `${t(lang, 'culture_sources')}: ${culture.sources.join('; ')}`));
		}

		return nodes;
	}
}

const KNOWN_SIGNALS = {
	signal_SELF_REFERENCE: 1,
	signal_COLLECTIVE_REFERENCE: 1,
	signal_TEAM_REFERENCE: 1,
	signal_SELF_PROMOTION: 1,
	signal_ACHIEVEMENT_CLAIM: 1,
	signal_PERFORMATIVE_VULNERABILITY: 1,
	signal_GRATITUDE: 1,
	signal_MENTION: 1,
} satisfies Partial<Record<MessageKey, 1>>;

function cultureLine(lang: UiLanguage, culture: CultureInfo): string {
	return culture.individualism === null ? culture.name : t(lang, 'culture_line', culture.name, culture.individualism);
}

function shortCulture(culture: CultureInfo): string {
	return culture.individualism === null ? culture.country : `${culture.country} ${culture.individualism}`;
}

function compactCulture(lang: UiLanguage, author: CultureInfo | null, reader: CultureInfo | null): string {
	if (author && reader && author.country !== reader.country) {
		return t(lang, 'culture_compare', shortCulture(author), shortCulture(reader));
	}

	return reader ? t(lang, 'culture_reader', shortCulture(reader)) : '';
}
