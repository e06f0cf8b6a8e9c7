/** The popup's personal mirror: a sentence and a small chart of the user's own last posts. */
import {t} from '../shared/i18n';
import {type MirrorEntry, summarise} from '../lib/mirror';
import type {UiLanguage} from '../shared/settings';

const SVG = 'http://www.w3.org/2000/svg';
const SLOT = 10;

export function mirrorSentence(lang: UiLanguage, entries: readonly MirrorEntry[]): string {
	if (entries.length === 0) return t(lang, 'mirror_empty');
	const {total, spotlight, credited} = summarise(entries);
	if (total === 1) {
		const key = `mirror_one_${spotlight ? 'spotlight' : 'shared'}${credited ? '_credited' : ''}` as const;
		return t(lang, key);
	}

	return t(lang, 'mirror_sentence', spotlight, total, credited);
}

/**
 * One column per post, oldest on the left: a tall bar coloured by framing (spotlight on you,
 * shared/balanced, mixed), and a dot under it when the post credited someone. The chart is one
 * image for screen readers, named by the same counts as the sentence.
 */
export function drawMirror(svg: SVGSVGElement, lang: UiLanguage, entries: readonly MirrorEntry[]): void {
	const doc = svg.ownerDocument;
	const shape = (tag: string, attributes: Record<string, string | number>): SVGElement => {
		const node = doc.createElementNS(SVG, tag) as SVGElement;
		for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
		return node;
	};

	const {total, spotlight, credited} = summarise(entries);
	svg.setAttribute('aria-label', t(lang, 'mirror_chart_label', total, spotlight, credited));
	const columns = [...entries].reverse().map((entry, index) => {
		const x = index * SLOT;
		const framing = entry.framing === 'INDIVIDUAL' ? 'spotlight' : entry.framing === 'MIXED' ? 'mixed' : 'shared';
		const group = shape('g', {});
		group.append(shape('rect', {x, y: 0, width: SLOT - 2, height: 30, rx: 2, class: framing}));
		if (entry.credited > 0) group.append(shape('circle', {cx: x + (SLOT - 2) / 2, cy: 38, r: 3, class: 'credited'}));
		return group;
	});
	svg.replaceChildren(...columns);
}
