/**
 * The ONLY module that knows LinkedIn's markup. Everything else asks for a concern by name.
 *
 * LinkedIn serves several markup generations at once (docs/extension.md, and the fixtures in test/fixtures):
 * G1 = legacy Ember/BEM classes, G3 = 2026 SDUI with hashed classes, where only data-testid,
 * componentkey prefixes, roles, aria-labels and href patterns are stable. Each concern is an
 * ordered list of candidates; `queryFirst` honours the order, `queryAll` takes the union.
 *
 * Each selector export `foo` has a sibling `foo_` listing how many elements it matches in each
 * committed fixture (test/fixtures). test/selectors.test.ts checks them, refined-github style:
 * when LinkedIn changes, update the fixture from a real page first, then the candidates.
 */

export type Fixture = 'feed-g1.html' | 'feed-g3.html';
export type Expectation = ReadonlyArray<readonly [count: number, fixture: Fixture]>;

/** Feed posts (outer cards). Suggestion modules, comments and nested cards are filtered in extract.ts. */
export const post = [
	// G3: feed rows; the "expanded" componentkey prefix separates posts from other rows.
	'[data-testid="mainFeed"] [role="listitem"][componentkey^="expanded"]',
	// G1: the card itself, which carries the URN.
	'div.feed-shared-update-v2[data-urn^="urn:li:"]',
	// G1 profile activity pages (/in/<handle>/recent-activity/), still legacy in 2026-04.
	'div[role="article"]',
] as const;
export const post_: Expectation = [[12, 'feed-g1.html'], [9, 'feed-g3.html']];

/** Something only a real post has (suggestion modules lack a control menu and an actor block). */
export const postConfirmation = [
	'button[aria-label^="Open control menu for post"]',
	'.update-components-actor',
	'[data-view-name="feed-actor-image"]',
] as const;
// G1: 12 actor blocks (10 posts, sponsored, reshared card) + 11 control menus. G3: 8 control menus.
export const postConfirmation_: Expectation = [[12 + 11, 'feed-g1.html'], [8, 'feed-g3.html']];

/** A post element that is a post by its own key, whatever the UI language of its aria-labels. */
export const postSelfConfirmation = ['[componentkey*="FeedType_"]'] as const;
export const postSelfConfirmation_: Expectation = [[0, 'feed-g1.html'], [8, 'feed-g3.html']];

/** Elements carrying the activity URN (G1): on the card (data-urn) or its occludable wrapper (data-id). */
export const postUrnHolder = [
	'[data-urn^="urn:li:activity:"]',
	'[data-urn^="urn:li:ugcPost:"]',
	'[data-urn^="urn:li:share:"]',
	'[data-urn^="urn:li:aggregate:"]',
	'[data-id^="urn:li:activity:"]',
	'[data-id^="urn:li:aggregate:"]',
] as const;
// G1: 12 cards (data-urn) + their 12 wrappers (data-id); suggestion modules carry aggregate URNs.
export const postUrnHolder_: Expectation = [[12 + 12, 'feed-g1.html'], [0, 'feed-g3.html']];

/** G2/G3: JSON whose breadcrumb byte arrays decode to JSON holding `updateUrn`. */
export const trackingScope = ['[data-view-tracking-scope]'] as const;
export const trackingScope_: Expectation = [[0, 'feed-g1.html'], [1, 'feed-g3.html']];
/** Attribute names (not selectors). */
export const attributes = {
	urn: ['data-urn', 'data-id'],
	trackingScope: 'data-view-tracking-scope',
} as const;
export const updateUrnPattern = /"updateUrn"\s*:\s*"(urn:li:(?:activity|ugcPost|share):\d+)"/;
export const sponsoredTrackingPattern = /SponsoredUpdateServed|"transporterKeys"\s*:\s*\[[^\]]*"sponsored"/;

/** Anything inside these is a comment or a comment box, never a post or a post's text. */
export const commentArea = [
	'.feed-shared-update-v2__comments-container',
	'.comments-comments-list',
	'.comments-comment-entity',
	'.comments-comment-box',
	'[data-testid*="commentList"]',
	'[componentkey^="replaceableComment_"]',
	'[componentkey^="comment-commentary_"]',
	'[componentkey^="commentBox-"]',
] as const;
// G1: container + list + 2 comments + comment box. G3: list + 2 comments + 2 commentaries + comment box.
export const commentArea_: Expectation = [[1 + 1 + 2 + 1, 'feed-g1.html'], [1 + 2 + 2 + 1, 'feed-g3.html']];

/** One element per comment (for tests and diagnostics). */
export const comment = ['article.comments-comment-entity', '[componentkey^="replaceableComment_"]'] as const;
export const comment_: Expectation = [[2, 'feed-g1.html'], [2, 'feed-g3.html']];

/** Post (and comment, and reshared post) text boxes. */
export const textBox = [
	'[data-testid="expandable-text-box"]',
	'[data-view-name="feed-commentary"]',
	'.update-components-text',
] as const;
// G1: 10 posts + 1 sponsored + 1 reshared + 2 comments. G3: 7 posts + 1 sponsored + 1 reshared + 2 comments.
export const textBox_: Expectation = [[14, 'feed-g1.html'], [11, 'feed-g3.html']];

/** The "…more" control; its label must never reach the analysed text. */
export const seeMore = [
	'[data-testid="expandable-text-button"]',
	'button.feed-shared-inline-show-more-text__see-more-less-toggle',
] as const;
export const seeMore_: Expectation = [[1, 'feed-g1.html'], [1, 'feed-g3.html']];

/** G1 renders screen-reader duplicates; reading them too would double every name. */
export const hiddenText = ['.visually-hidden'] as const;
// Three per G1 actor block (name, headline, sub-description) × 12.
export const hiddenText_: Expectation = [[36, 'feed-g1.html'], [0, 'feed-g3.html']];

/** A reshared post inside a post (G1). G3 has no hook: extract.ts finds the nested card structurally. */
export const repostCard = [
	'.feed-shared-update-v2__update-content-wrapper',
	'.update-components-mini-update-v2',
	'.feed-shared-mini-update-v2',
] as const;
export const repostCard_: Expectation = [[2, 'feed-g1.html'], [0, 'feed-g3.html']];

/** "X likes this" / "X reposted this" headers: their links are not the author. */
export const socialHeader = ['.update-components-header', '[data-view-name="feed-header-text"]'] as const;
export const socialHeader_: Expectation = [[1, 'feed-g1.html'], [0, 'feed-g3.html']];

/** G1 actor name: the aria-hidden copy (the visually-hidden copy would double it). */
export const actorName = [
	'.update-components-actor__name span[aria-hidden="true"]',
	'.update-components-actor__title span[aria-hidden="true"]',
] as const;
// 10 posts + sponsored + the reshared card's own actor.
export const actorName_: Expectation = [[12, 'feed-g1.html'], [0, 'feed-g3.html']];

/** G1 actor profile link. */
export const actorLink = [
	'a.update-components-actor__meta-link',
	'a.update-components-actor__container-link',
] as const;
export const actorLink_: Expectation = [[12, 'feed-g1.html'], [0, 'feed-g3.html']];

/** G3 actor: the control menu names the author; English-only, hence the link fallback. */
export const controlMenu = [
	'button[aria-label^="Open control menu for post by "]',
	'button[aria-label^="Hide post by "]',
] as const;
// Posts + sponsored (G1 cards have one too).
export const controlMenu_: Expectation = [[10 + 1, 'feed-g1.html'], [7 + 1, 'feed-g3.html']];
export const controlMenuLabelPattern = /^(?:Open control menu for post by|Hide post by)\s+(.+?)\s*$/;

/** Links to a member or a company page: G3 actor candidates, and mentions inside a text box. */
export const profileOrCompanyLink = ['a[href*="/in/"]', 'a[href*="/company/"]'] as const;
// Profile links + the sponsored company's two actor links.
export const profileOrCompanyLink_: Expectation = [[36 + 2, 'feed-g1.html'], [25 + 2, 'feed-g3.html']];
export const profileLink = ['a[href*="/in/"]'] as const;
// G1: 11 person actors × 2 + 7 mentions + header 2 + comments 3 + suggestions 2.
// G3: 8 person actors × 2 + 4 mentions + comments 3 + suggestions 2.
export const profileLink_: Expectation = [[22 + 7 + 2 + 3 + 2, 'feed-g1.html'], [16 + 4 + 3 + 2, 'feed-g3.html']];
export const profilePathPattern = /^\/in\/([^/?#]+)/i;
export const memberIdPattern = /^ACo[A-Za-z0-9_-]{6,}$/;
export const linkedinHost = 'www.linkedin.com';
export const hashtagTextPattern = /\bhashtag#/gi;

/** Explicit sponsored markers. */
export const sponsoredMarker = [
	'[data-view-name="feed-actor-sponsored"]',
	'[data-testid="sponsored-label"]',
	'.update-components-actor__sponsored-label',
] as const;
export const sponsoredMarker_: Expectation = [[0, 'feed-g1.html'], [0, 'feed-g3.html']];

/** Small text holders whose whole text may be the localized "Promoted" label. */
export const sponsoredLabel = [
	'.update-components-actor__sub-description span[aria-hidden="true"]',
	'p',
	'span[aria-hidden="true"]',
] as const;
// Deliberately broad (every <p>); the sponsored tests in extract.test.ts check the real outcome.
export const sponsoredLabel_: Expectation = [[38, 'feed-g1.html'], [53, 'feed-g3.html']];
export const promotedLabelPattern =
	/^(?:promoted|promoted by .+|sponsored|promu|promue|promu\(e\) par .+|sponsoris[ée]|gesponsert|anzeige|promocionado|patrocinado|promosso|gepromoot|promowane)$/i;

/** The "Start a post" dialog. A comment editor can share the composer's aria-label, so require it. */
export const composerDialog = [
	'[role="dialog"][data-test-modal-id="sharebox"]',
	'.share-box-v2__modal',
	'[role="dialog"]',
] as const;
export const composerDialog_: Expectation = [[1, 'feed-g1.html'], [1, 'feed-g3.html']];

/** Rich-text editors that may be the composer (Quill in G1, TipTap/ProseMirror in G3). */
export const composerEditor = [
	'.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
	'[data-test-ql-editor-contenteditable="true"]',
	'[role="textbox"][contenteditable="true"][aria-label^="Text editor for creating content"]',
	'div.tiptap.ProseMirror[contenteditable="true"]',
] as const;
// Each fixture also holds a comment editor that matches: extract.ts must reject it.
export const composerEditor_: Expectation = [[2, 'feed-g1.html'], [2, 'feed-g3.html']];

/** Mention chips inside the composer. */
export const composerMention = ['a[href*="/in/"]', '.ql-mention', '[data-entity-type="MINI_PROFILE"]'] as const;
// Page-wide counts (the code only queries inside the editor, which starts empty).
export const composerMention_: Expectation = [[36, 'feed-g1.html'], [25, 'feed-g3.html']];

/** A post's own comment box editor (reader mode puts the suggested comment there). */
export const commentEditor = [
	'.comments-comment-box [contenteditable="true"][role="textbox"]',
	'[componentkey^="commentBox-"] [contenteditable="true"][role="textbox"]',
] as const;
// One open comment box per fixture (under the post with comments).
export const commentEditor_: Expectation = [[1, 'feed-g1.html'], [1, 'feed-g3.html']];

// --- Query helpers with hit recording -------------------------------------------------------

const concerns = {
	post,
	postConfirmation,
	postSelfConfirmation,
	postUrnHolder,
	trackingScope,
	commentArea,
	comment,
	textBox,
	seeMore,
	hiddenText,
	repostCard,
	socialHeader,
	actorName,
	actorLink,
	controlMenu,
	profileOrCompanyLink,
	profileLink,
	sponsoredMarker,
	sponsoredLabel,
	composerDialog,
	composerEditor,
	composerMention,
	commentEditor,
} as const;

export type Concern = keyof typeof concerns;

/** Diagnostics hook: which candidate of which concern matched, so a broken generation shows up. */
export type HitListener = (concern: Concern, candidate: string, count: number) => void;
let hitListener: HitListener | undefined;
const hits = new Map<string, number>();

export function onSelectorHit(listener: HitListener | undefined): void {
	hitListener = listener;
}

/** Cumulative hit counts, keyed "concern: candidate". */
export function selectorHits(): ReadonlyMap<string, number> {
	return hits;
}

function record(concern: Concern, candidate: string, count: number): void {
	if (count === 0) return;
	const key = `${concern}: ${candidate}`;
	hits.set(key, (hits.get(key) ?? 0) + count);
	hitListener?.(concern, candidate, count);
}

// A candidate the engine cannot parse must not take the others down with it.
function safeAll(root: ParentNode, selector: string): Element[] {
	try {
		return [...root.querySelectorAll(selector)];
	} catch {
		return [];
	}
}

function documentOrder(a: Element, b: Element): number {
	if (a === b) return 0;
	return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Union of every candidate's matches, in document order, without duplicates. */
export function queryAll(root: ParentNode, concern: Concern): Element[] {
	const found = new Set<Element>();
	for (const candidate of concerns[concern]) {
		const matches = safeAll(root, candidate);
		record(concern, candidate, matches.length);
		for (const element of matches) found.add(element);
	}

	return [...found].sort(documentOrder);
}

/** The first match of the first candidate that matches anything (candidates are ordered). */
export function queryFirst(root: ParentNode, concern: Concern): Element | null {
	for (const candidate of concerns[concern]) {
		const element = safeAll(root, candidate)[0];
		if (element) {
			record(concern, candidate, 1);
			return element;
		}
	}

	return null;
}

/** Whether `element` itself matches any candidate. */
export function matchesAny(element: Element, concern: Concern): boolean {
	return concerns[concern].some(candidate => {
		try {
			return element.matches(candidate);
		} catch {
			return false;
		}
	});
}

/** The nearest ancestor-or-self matching any candidate. */
export function closestMatch(element: Element, concern: Concern): Element | null {
	let nearest: Element | null = null;
	for (const candidate of concerns[concern]) {
		let match: Element | null = null;
		try {
			match = element.closest(candidate);
		} catch {
			continue;
		}

		if (match && (!nearest || nearest.contains(match))) nearest = match;
	}

	return nearest;
}
