/**
 * <teamcredit-annotation>: the badge under a post (or beside a draft).
 *
 * Quiet by default: the host stays hidden unless verdict.ts finds something worth saying (or
 * the user asked to see every badge). When shown, it is ONE line; "More" opens a compact panel.
 *
 * Not a registered custom element: content scripts in Chromium have no `customElements`
 * (isolated world), so we create a plain element with a valid custom-element name, which may
 * still host a shadow root, and keep its controller in a WeakMap. The shadow root is OPEN so
 * tests (and assistive tooling) can inspect it. Post text and server strings are untrusted:
 * every node is built with createElement + textContent, never innerHTML.
 */
import type {Analysis, CreditSuggestion, CulturalContext, FramingSignal} from '../shared/analysis';
import {plural, t, type MessageKey} from '../shared/i18n';
import type {ErrorKind} from '../shared/messages';
import type {UiLanguage} from '../shared/settings';
import {spanToUtf16} from '../shared/spans';
import {cultureGap, type Mode, NOTABLE_CULTURE_GAP, roleOf, shownOrientation, type Trigger, triggers, uniquePeople} from '../lib/verdict';
import {STYLES} from './styles';

export const ANNOTATION_TAG = 'teamcredit-annotation';

export type AnnotationState =
	| {kind: 'loading'}
	/** Errors are said once per page by the status line (status-line.ts), never per post. */
	| {kind: 'error'; error: ErrorKind; retryAt?: number}
	/** `text` is the analysed text: spans point into it. */
	| {kind: 'ready'; analysis: Analysis; text: string; note?: MessageKey};

/** How an action ended, for the line under the buttons. */
export type ActionOutcome = 'done' | 'fallback';

export interface AnnotationOptions {
	lang: UiLanguage;
	variant: 'post' | 'draft';
	/** Reader: someone else's post. Author: your draft, or your own post in the feed. */
	mode?: Mode;
	/** Show the badge even when there is nothing worth saying. */
	showAll?: boolean;
	copy?: (text: string) => Promise<void>;
	/** Reader mode: puts the text into the post's comment box; false when there is none. */
	insertComment?: (text: string) => boolean;
	/** Author mode on a draft: appends the text to the draft through the editor; false if it failed. */
	addToDraft?: (text: string) => boolean;
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

const MAX_EVIDENCE = 6;
const HEADLINE_NAMES = 3;

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

export function listNames(lang: UiLanguage, names: readonly string[]): string {
	return new Intl.ListFormat(lang, {style: 'long', type: 'conjunction'}).format(names);
}

/** The reader's congratulation comment for the people a post left out. */
export function congratulation(lang: UiLanguage, credit: readonly CreditSuggestion[]): string {
	return t(lang, 'comment_text', listNames(lang, uniquePeople(credit).map(suggestion => suggestion.person.name)));
}

/** The author's credit line: the service's phrasing, else a plain thank-you naming everyone. */
export function suggestedCredit(lang: UiLanguage, analysis: Analysis): string {
	return (
		analysis.suggestedPhrasing ??
		t(lang, 'credit_fallback', listNames(lang, uniquePeople(analysis.credit).map(suggestion => suggestion.person.name)))
	);
}

export class Annotation {
	readonly host: HTMLElement;
	private readonly shadow: ShadowRoot;
	private readonly doc: Document;
	/** Starts collapsed (drafts too): the writer asked for nothing yet. Kept across re-renders. */
	private expanded = false;

	constructor(
		doc: Document,
		postId: string,
		private readonly options: AnnotationOptions,
	) {
		this.doc = doc;
		this.host = doc.createElement(ANNOTATION_TAG);
		this.host.dataset.postId = postId;
		this.shadow = this.host.attachShadow({mode: 'open'});
		controllers.set(this.host, this);
		this.render({kind: 'loading'});
	}

	private get mode(): Mode {
		return this.options.mode ?? (this.options.variant === 'draft' ? 'author' : 'reader');
	}

	render(state: AnnotationState): void {
		const {lang} = this.options;
		const host = this.host;
		host.dataset.state = state.kind === 'ready' && state.analysis.degraded ? 'degraded' : state.kind;
		host.dataset.mode = this.mode;
		if (state.kind === 'ready') {
			host.dataset.orientation = state.analysis.framing.orientation;
		} else {
			delete host.dataset.orientation;
			delete host.dataset.triggers;
		}

		const section = el(this.doc, 'section', {class: `tc ${this.options.variant}`, 'aria-label': t(lang, 'region_label')});
		let visible: boolean;
		if (state.kind === 'ready') {
			const reasons = triggers(state.analysis, this.mode);
			host.dataset.triggers = reasons.join(' ');
			visible = reasons.length > 0 || Boolean(this.options.showAll);
			if (visible) section.append(...this.ready(state.analysis, state.text, reasons, state.note));
		} else {
			// Loading: silent unless every badge was asked for. Errors: the page's one status line.
			visible = state.kind === 'loading' && Boolean(this.options.showAll);
			if (visible) section.append(el(this.doc, 'p', {class: 'line', role: 'status'}, this.brand(), el(this.doc, 'span', {}, t(lang, 'loading'))));
		}

		host.hidden = !visible;
		this.shadow.replaceChildren(el(this.doc, 'style', {}, STYLES), ...(visible ? [section] : []));
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

	private headline(analysis: Analysis, reasons: readonly Trigger[]): string {
		const {lang} = this.options;
		const people = uniquePeople(analysis.credit);
		switch (reasons[0]) {
			case 'credit': {
				if (this.mode === 'author') {
					return plural(lang, people.length, 'headline_credit_author_one', 'headline_credit_author_other');
				}

				const names = people.slice(0, HEADLINE_NAMES).map(suggestion => suggestion.person.name);
				const more = people.length - names.length;
				return t(lang, 'headline_credit_reader', more > 0 ? `${names.join(', ')} +${more}` : listNames(lang, names));
			}

			case 'vulnerability': {
				return t(lang, 'headline_vulnerability');
			}

			case 'humblebrag': {
				return t(lang, 'headline_humblebrag');
			}

			case 'culture': {
				return t(lang, 'headline_culture', analysis.culture.reader?.name ?? '');
			}

			default: {
				return t(lang, 'headline_none');
			}
		}
	}

	private ready(analysis: Analysis, text: string, reasons: readonly Trigger[], note: MessageKey | undefined): Node[] {
		const {lang} = this.options;
		const orientation = shownOrientation(analysis.framing);
		const toggle = el(
			this.doc,
			'button',
			{type: 'button', class: 'toggle', 'aria-expanded': String(this.expanded), 'aria-controls': 'details'},
			el(this.doc, 'span', {class: `badge ${orientation.toLowerCase()}`}, t(lang, `orientation_${orientation}`)),
			el(this.doc, 'span', {class: 'headline'}, this.headline(analysis, reasons)),
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

		if (analysis.degraded) details.append(el(this.doc, 'p', {class: 'note'}, t(lang, 'degraded_note')));
		if (note) details.append(el(this.doc, 'p', {class: 'note'}, t(lang, note)));
		details.append(...this.evidence(analysis.framing.signals, text), ...this.people(analysis), ...this.culture(analysis.culture));
		return [el(this.doc, 'div', {class: 'line'}, this.brand(), toggle), details];
	}

	/** Each piece of evidence once (the same words matched twice are one piece), no quoted context. */
	private evidence(signals: FramingSignal[], text: string): Node[] {
		const {lang} = this.options;
		const items: HTMLElement[] = [];
		const seen = new Set<string>();
		for (const signal of [...signals].sort((a, b) => a.span.start - b.span.start)) {
			const range = spanToUtf16(text, signal.span);
			if (!range || items.length >= MAX_EVIDENCE) continue;
			const words = text.slice(range.start, range.end).trim();
			const key = words.toLowerCase();
			if (!words || seen.has(key)) continue;
			seen.add(key);
			const kindKey = `signal_${signal.kind}`;
			const kind = kindKey in KNOWN_SIGNALS ? t(lang, kindKey as MessageKey) : signal.kind.toLowerCase();
			items.push(el(this.doc, 'li', {}, el(this.doc, 'mark', {}, words), ' ', el(this.doc, 'span', {class: 'kind'}, kind)));
		}

		if (items.length === 0) return [];
		return [el(this.doc, 'div', {class: 'row'}, el(this.doc, 'span', {class: 'label'}, t(lang, 'why_label')), el(this.doc, 'ul', {class: 'evidence'}, ...items))];
	}

	/** Each person once, with their role; then what the reader or the author can do about it. */
	private people(analysis: Analysis): Node[] {
		const {lang} = this.options;
		if (analysis.degraded || analysis.credit.length === 0) return [];
		const people = uniquePeople(analysis.credit);
		const names = el(
			this.doc,
			'ul',
			{class: 'people'},
			...people.map(suggestion => {
				const role = roleOf(suggestion);
				return el(this.doc, 'li', {}, el(this.doc, 'strong', {class: 'name'}, suggestion.person.name), role ? ` (${role})` : '');
			}),
		);
		const label = t(lang, this.mode === 'reader' ? 'left_out_label' : 'not_credited_label');
		const row = el(this.doc, 'div', {class: 'row'}, el(this.doc, 'span', {class: 'label'}, label), names);
		return [row, this.mode === 'reader' ? this.readerActions(analysis) : this.authorActions(analysis)];
	}

	private readerActions(analysis: Analysis): HTMLElement {
		const {lang, insertComment} = this.options;
		const comment = congratulation(lang, analysis.credit);
		const status = this.actionStatus();
		const buttons: HTMLElement[] = [];
		if (insertComment) {
			buttons.push(
				this.button(t(lang, 'insert_comment'), 'primary insert-comment', () => {
					if (insertComment(comment)) {
						status.textContent = t(lang, 'comment_inserted');
					} else {
						this.copyThen(comment, status, 'comment_no_box');
					}
				}),
			);
		}

		buttons.push(this.button(t(lang, 'copy'), 'copy', () => this.copyThen(comment, status, 'copied')));
		return this.suggestion(t(lang, 'comment_label'), comment, buttons, status);
	}

	private authorActions(analysis: Analysis): HTMLElement {
		const {lang, addToDraft} = this.options;
		const credit = suggestedCredit(lang, analysis);
		const status = this.actionStatus();
		const buttons: HTMLElement[] = [];
		if (addToDraft) {
			buttons.push(
				this.button(t(lang, 'add_to_post'), 'primary add-to-post', () => {
					if (addToDraft(credit)) {
						status.textContent = t(lang, 'added_to_post');
					} else {
						this.copyThen(credit, status, 'add_failed');
					}
				}),
			);
		}

		buttons.push(this.button(t(lang, 'copy'), 'copy', () => this.copyThen(credit, status, 'copied')));
		return this.suggestion(t(lang, 'credit_label'), credit, buttons, status);
	}

	private suggestion(label: string, text: string, buttons: HTMLElement[], status: HTMLElement): HTMLElement {
		return el(
			this.doc,
			'div',
			{class: 'suggestion'},
			el(this.doc, 'p', {class: 'label'}, label),
			el(this.doc, 'blockquote', {}, text),
			el(this.doc, 'div', {class: 'actions'}, ...buttons, status),
		);
	}

	private actionStatus(): HTMLElement {
		return el(this.doc, 'span', {class: 'done', role: 'status', 'aria-live': 'polite'});
	}

	private button(label: string, className: string, onClick: () => void): HTMLButtonElement {
		const button = el(this.doc, 'button', {type: 'button', class: className}, label);
		button.addEventListener('click', onClick);
		return button;
	}

	private copyThen(text: string, status: HTMLElement, success: MessageKey): void {
		const {lang} = this.options;
		const copy = this.options.copy ?? (async (value: string) => navigator.clipboard.writeText(value));
		copy(text).then(
			() => {
				status.textContent = t(lang, success);
			},
			() => {
				status.textContent = t(lang, 'copy_failed');
			},
		);
	}

	/** One plain sentence, for readers only (your own reader country is not your audience). */
	private culture(culture: CulturalContext): Node[] {
		const {lang} = this.options;
		const gap = cultureGap(culture);
		if (this.mode !== 'reader' || gap === null || !culture.author || !culture.reader) return [];
		if (gap < NOTABLE_CULTURE_GAP) return []; // Closer than the index can tell apart: nothing to say.
		const authorIdv = culture.author.individualism ?? 0;
		const readerIdv = culture.reader.individualism ?? 0;
		const sentence = t(
			lang,
			authorIdv > readerIdv ? 'culture_more_individual' : 'culture_less_individual',
			culture.author.name,
			culture.reader.name,
			readerIdv,
			authorIdv,
		);
		return [el(this.doc, 'p', {class: 'culture'}, sentence, ' ', this.source(culture.sources))];
	}

	/** The sources behind one "source" link (to the data file when the service names one). */
	private source(sources: readonly string[]): HTMLElement {
		const {lang} = this.options;
		const full = sources.join(' ');
		const url = /https?:\/\/\S+/.exec(full)?.[0];
		if (url && URL.canParse(url)) {
			return el(this.doc, 'a', {class: 'source', href: url, target: '_blank', rel: 'noopener noreferrer', title: full}, t(lang, 'source'));
		}

		return el(this.doc, 'details', {class: 'source'}, el(this.doc, 'summary', {}, t(lang, 'source')), full);
	}
}
