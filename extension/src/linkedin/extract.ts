/** Reads posts and drafts out of LinkedIn's DOM, through selectors.ts only. */
import {cyrb53} from '../shared/hash';
import {truncateCodePoints} from '../shared/spans';
import {handleFromHref} from './handles';
import {
	closestMatch,
	controlMenuLabelPattern,
	hashtagTextPattern,
	matchesAny,
	promotedLabelPattern,
	queryAll,
	queryFirst,
	sponsoredTrackingPattern,
	updateUrnPattern,
	attributes,
} from './selectors';

export interface Mention {
	name: string;
	handle?: string;
}

export interface ExtractedPost {
	/** URN when the DOM has one, else `h:<hash of author + first 100 code points>` (stable when "…more" expands). */
	id: string;
	idSource: 'urn' | 'tracking' | 'hash';
	urn?: string;
	url?: string;
	text: string;
	/** G3 shows a prefix until "…more" is clicked; the text grows then. */
	truncated: boolean;
	authorName?: string;
	authorHandle?: string;
	mentions: Mention[];
	sponsored: boolean;
	/** The post reshares another one (which is not annotated on its own). */
	repost: boolean;
}

export const MAX_TEXT_CODE_POINTS = 3000;
/** Short enough that a collapsed G3 post (about three lines) already shows all of it. */
const HASH_PREFIX_CODE_POINTS = 100;
const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE']);

const isInside = (element: Element, containers: readonly Element[]): boolean =>
	containers.some(container => container.contains(element));

/** Drops elements nested in another element of the list (nested wrappers of the same thing). */
function outermost(elements: readonly Element[]): Element[] {
	return elements.filter(element => !elements.some(other => other !== element && other.contains(element)));
}

const inComments = (element: Element): boolean => closestMatch(element, 'commentArea') !== null;

/** Posts to annotate: outer cards only, never comments, never a card nested in another card. */
export function findPosts(root: ParentNode): Element[] {
	const candidates = queryAll(root, 'post').filter(element => !inComments(element));
	return outermost(candidates).filter(
		element => matchesAny(element, 'postSelfConfirmation') || queryFirst(element, 'postConfirmation') !== null,
	);
}

/**
 * Visible text of an element: drops "…more" buttons and screen-reader duplicates, keeps line
 * breaks. (jsdom has no innerText, and innerText would also depend on CSS we do not control.)
 */
export function readText(element: Element): string {
	const clone = element.cloneNode(true) as Element;
	for (const junk of [...queryAll(clone, 'seeMore'), ...queryAll(clone, 'hiddenText')]) junk.remove();
	for (const ours of clone.querySelectorAll('teamcredit-annotation')) ours.remove();

	let out = '';
	const walk = (node: Node): void => {
		for (const child of node.childNodes) {
			if (child.nodeType === Node.TEXT_NODE) {
				out += child.nodeValue ?? '';
			} else if (child.nodeType === Node.ELEMENT_NODE) {
				const tag = (child as Element).tagName;
				if (tag === 'BR') {
					out += '\n';
				} else if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'TEMPLATE') {
					const block = BLOCK_TAGS.has(tag);
					if (block) out += '\n';
					walk(child);
					if (block) out += '\n';
				}
			}
		}
	};

	walk(clone);
	return out
		.replaceAll('\u00A0', ' ')
		.replace(hashtagTextPattern, '#')
		.replace(/[ \t\f\v]+/g, ' ')
		.split('\n')
		.map(line => line.trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Decodes G2/G3 `data-view-tracking-scope` (JSON, breadcrumb data as UTF-8 byte arrays) to text. */
export function decodeTrackingScope(value: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(value);
	} catch {
		return value;
	}

	const parts: string[] = [];
	for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
		const data: unknown = (entry as {breadcrumb?: {content?: {data?: unknown}}} | null)?.breadcrumb?.content?.data;
		if (Array.isArray(data) && data.every(byte => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
			parts.push(new TextDecoder().decode(Uint8Array.from(data as number[])));
		} else if (typeof data === 'string') {
			parts.push(data);
		}
	}

	return parts.length > 0 ? parts.join('\n') : value;
}

interface TextBoxes {
	own: Element | null;
	/** Roots of reshared cards (G1 class hook, or in G3 the nested block around a later text box). */
	nested: Element[];
}

function findTextBoxes(post: Element): TextBoxes {
	const boxes = outermost(queryAll(post, 'textBox').filter(box => !inComments(box)));
	const g1Cards = outermost(queryAll(post, 'repostCard'));
	const outside = boxes.filter(box => !isInside(box, g1Cards));
	const own = outside[0] ?? null;
	const nested = [...g1Cards];
	if (own) {
		// G3 has no hook for the reshared card: it is the largest block around a later text box
		// that does not also contain the post's own text box.
		for (const box of outside.slice(1)) {
			let card: Element = box;
			while (card.parentElement && card.parentElement !== post && !card.parentElement.contains(own)) {
				card = card.parentElement;
			}

			nested.push(card);
		}
	}

	// A repost without commentary has no text of its own: analyse the reshared text instead.
	return {own: own ?? boxes[0] ?? null, nested};
}

function linkName(link: Element): string {
	const paragraph = link.querySelector('p');
	const label = readText(paragraph ?? link);
	return label.split('\n')[0]?.trim() ?? '';
}

function findAuthor(post: Element, excluded: readonly Element[]): {name?: string; handle?: string} {
	const usable = (element: Element): boolean => !isInside(element, excluded);

	// G1: dedicated actor classes.
	const nameElement = queryAll(post, 'actorName').find(usable);
	const actorLink = queryAll(post, 'actorLink').find(usable);
	if (nameElement ?? actorLink) {
		const name = nameElement ? readText(nameElement) : undefined;
		const handle = actorLink ? handleFromHref(actorLink.getAttribute('href') ?? '') ?? undefined : undefined;
		return {...(name ? {name} : {}), ...(handle ? {handle} : {})};
	}

	// G3: the control menu names the author; pick the profile link that carries that name.
	const menu = queryAll(post, 'controlMenu').find(usable);
	const menuName = controlMenuLabelPattern.exec(menu?.getAttribute('aria-label') ?? '')?.[1];
	const links = queryAll(post, 'profileOrCompanyLink').filter(usable);
	const link =
		(menuName
			? links.find(candidate => {
					const label = `${candidate.textContent ?? ''} ${candidate.querySelector('img')?.getAttribute('alt') ?? ''}`;
					return label.includes(menuName);
				})
			: undefined) ?? links[0];
	const name = menuName ?? (link ? linkName(link) : '');
	const handle = link ? handleFromHref(link.getAttribute('href') ?? '') : null;
	return {...(name ? {name} : {}), ...(handle ? {handle} : {})};
}

function findMentions(textBox: Element): Mention[] {
	const mentions: Mention[] = [];
	const seen = new Set<string>();
	for (const link of queryAll(textBox, 'profileLink')) {
		const name = readText(link).replace(/^@/, '').trim();
		const handle = handleFromHref(link.getAttribute('href') ?? '');
		const key = handle ?? name.toLowerCase();
		if (!name || seen.has(key)) continue;
		seen.add(key);
		mentions.push(handle ? {name, handle} : {name});
	}

	return mentions;
}

function trackingText(post: Element, excluded: readonly Element[]): string {
	const holders = [post, ...queryAll(post, 'trackingScope')].filter(
		element => element === post || !isInside(element, excluded),
	);
	return holders
		.map(element => element.getAttribute(attributes.trackingScope))
		.filter((value): value is string => value !== null)
		.map(decodeTrackingScope)
		.join('\n');
}

function findUrn(post: Element, tracking: string): {urn: string; source: 'urn' | 'tracking'} | null {
	const holder = closestMatch(post, 'postUrnHolder');
	for (const attribute of attributes.urn) {
		const value = holder?.getAttribute(attribute);
		if (value?.startsWith('urn:li:')) return {urn: value, source: 'urn'};
	}

	const decoded = updateUrnPattern.exec(tracking)?.[1];
	return decoded ? {urn: decoded, source: 'tracking'} : null;
}

function isSponsored(post: Element, excluded: readonly Element[], tracking: string): boolean {
	const usable = (element: Element): boolean => !isInside(element, excluded);
	if (queryAll(post, 'sponsoredMarker').some(usable)) return true;
	if (sponsoredTrackingPattern.test(tracking)) return true;
	return queryAll(post, 'sponsoredLabel')
		.filter(usable)
		.some(label => promotedLabelPattern.test(readText(label)));
}

/** Everything the analysis needs from one post element, or null when it has no text to analyse. */
export function extractPost(post: Element): ExtractedPost | null {
	const {own, nested} = findTextBoxes(post);
	if (!own) return null;
	const text = truncateCodePoints(readText(own), MAX_TEXT_CODE_POINTS);
	if (!text) return null;

	const comments = queryAll(post, 'commentArea');
	const headers = queryAll(post, 'socialHeader');
	const notActor = [own, ...nested, ...comments, ...headers];
	const author = findAuthor(post, notActor);
	const tracking = trackingText(post, [...nested, ...comments]);
	const found = findUrn(post, tracking);
	const id =
		found?.urn ??
		`h:${cyrb53(`${author.handle ?? author.name ?? ''}\n${truncateCodePoints(text, HASH_PREFIX_CODE_POINTS)}`)}`;

	return {
		id,
		idSource: found?.source ?? 'hash',
		...(found ? {urn: found.urn, url: `https://www.linkedin.com/feed/update/${found.urn}/`} : {}),
		text,
		truncated: queryFirst(own, 'seeMore') !== null,
		...(author.name ? {authorName: author.name} : {}),
		...(author.handle ? {authorHandle: author.handle} : {}),
		mentions: findMentions(own),
		sponsored: isSponsored(post, [own, ...nested, ...comments], tracking),
		repost: nested.length > 0,
	};
}

// --- Composer -------------------------------------------------------------------------------

/** The post composer's editor(s): inside the share dialog, never a comment editor. */
export function findComposerEditors(root: ParentNode): Element[] {
	return outermost(
		queryAll(root, 'composerEditor').filter(editor => closestMatch(editor, 'composerDialog') && !inComments(editor)),
	);
}

/** Where the draft hints go: the dialog, beside the editor, never inside it. */
export function composerAnchor(editor: Element): Element | null {
	return closestMatch(editor, 'composerDialog');
}

/** The post's open comment box editor, if any (LinkedIn opens it on "Comment"). */
export function findCommentEditor(post: Element): HTMLElement | null {
	const editor = queryFirst(post, 'commentEditor');
	return editor instanceof HTMLElement ? editor : null;
}

export function extractDraft(editor: Element): {text: string; mentions: Mention[]} {
	const mentions: Mention[] = [];
	const seen = new Set<string>();
	for (const chip of queryAll(editor, 'composerMention')) {
		const name = readText(chip).replace(/^@/, '').trim();
		const handle = handleFromHref(chip.getAttribute('href') ?? '');
		const key = handle ?? name.toLowerCase();
		if (!name || seen.has(key)) continue;
		seen.add(key);
		mentions.push(handle ? {name, handle} : {name});
	}

	return {text: truncateCodePoints(readText(editor), MAX_TEXT_CODE_POINTS), mentions};
}
