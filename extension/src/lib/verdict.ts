/**
 * What is worth saying about an analysed post, and to whom. Pure: the card, the features and
 * the popup's mirror all decide from here, so "quiet" means the same thing everywhere.
 */
import {type Analysis, type CreditSuggestion, type CulturalContext, type Framing, type Orientation} from '../shared/analysis';

/** Reader: someone else's post. Author: your own draft or post. */
export type Mode = 'reader' | 'author';

export type Trigger = 'credit' | 'vulnerability' | 'humblebrag' | 'culture';

export type ShownOrientation = Orientation | 'MIXED';

/**
 * Individualism points between author and reader from which the culture alone is worth a badge.
 * The service calls 20 points "notable" (culture.py); a badge under every post from a country
 * 20 points away would be noise, so the badge waits for a gap half again as large (US 91 → JP 46
 * is 45; FR 71 → JP 46 is 25 and stays quiet unless something else is worth saying).
 */
export const LARGE_CULTURE_GAP = 30;
/** The service's "notable" gap (culture.py): from here the card says how the post may read. */
export const NOTABLE_CULTURE_GAP = 20;

/** English "humbled to announce": the lexicon's humblebrag group is a SELF_PROMOTION signal. */
const HUMBLEBRAG = /\bhumbled?\b/i;

/** Under the service's fitted threshold the verdict is too often wrong: no framing is claimed. */
export function shownOrientation(framing: Framing): ShownOrientation {
	return framing.mixedSignals ? 'MIXED' : framing.orientation;
}

export function cultureGap(culture: CulturalContext): number | null {
	const {author, reader} = culture;
	if (!author || !reader || author.country === reader.country) return null;
	if (author.individualism === null || reader.individualism === null) return null;
	return Math.abs(author.individualism - reader.individualism);
}

/**
 * Reasons to show a badge, most useful first; empty means stay silent. A low-confidence framing
 * alone is never one, and an empty credit list (the post already credits everyone, or is about
 * nothing) never is either.
 */
export function triggers(analysis: Analysis, mode: Mode): Trigger[] {
	const out: Trigger[] = [];
	const orientation = shownOrientation(analysis.framing);
	if (orientation === 'INDIVIDUAL' && !analysis.degraded && analysis.credit.length > 0) out.push('credit');
	// The guide calls both individual framings; under a collective or unsure verdict a "we failed"
	// is mostly a team's setback story, and the badge was wrong nearly one time in five on real
	// posts (docs/extension.md).
	const {signals} = analysis.framing;
	if (orientation === 'INDIVIDUAL') {
		if (signals.some(signal => signal.kind === 'PERFORMATIVE_VULNERABILITY')) out.push('vulnerability');
		if (signals.some(signal => signal.kind === 'SELF_PROMOTION' && HUMBLEBRAG.test(signal.span.text))) out.push('humblebrag');
	}

	// Your own reader country is not your audience: no culture badge on your own posts.
	const gap = cultureGap(analysis.culture);
	if (mode === 'reader' && gap !== null && gap >= LARGE_CULTURE_GAP && orientation !== 'COLLECTIVE') out.push('culture');
	return out;
}

/** The person's role, short: from the evidence when it names one, else what links them to the post. */
export function roleOf(suggestion: CreditSuggestion): string {
	const {evidence} = suggestion;
	if (suggestion.reason === 'PROJECT_CONTRIBUTOR') {
		// The service's evidence sentences: "Contributed to Atlas as backend lead", "A contribué à Atlas (design)".
		const role = / as ([^.;,]+)\.?$/.exec(evidence)?.[1] ?? /\(([^)]+)\)\.?$/.exec(evidence)?.[1];
		if (role) return role.trim();
		if (suggestion.project) return suggestion.project.name;
	}

	if (suggestion.reason === 'TEAMMATE' && suggestion.team) return suggestion.team.name;
	return '';
}

/** Each person once (the service may list a person under several reasons), best score first. */
export function uniquePeople(credit: readonly CreditSuggestion[]): CreditSuggestion[] {
	const seen = new Map<string, CreditSuggestion>();
	for (const suggestion of credit) {
		const known = seen.get(suggestion.person.id);
		if (!known || suggestion.score > known.score) seen.set(suggestion.person.id, suggestion);
	}

	return [...seen.values()].sort((a, b) => b.score - a.score);
}

/** How many people a post credits by name: its mention links, or the names the analyser found. */
export function peopleCredited(analysis: Analysis, mentions: number): number {
	const named = new Set(
		analysis.framing.signals.filter(signal => signal.kind === 'MENTION').map(signal => signal.span.text.toLowerCase()),
	);
	return Math.max(mentions, named.size);
}

/** Whether the post's author is the user (their own post in the feed gets author actions). */
export function isOwn(authorHandle: string | undefined, userHandle: string): boolean {
	return Boolean(userHandle) && authorHandle?.toLowerCase() === userHandle.toLowerCase();
}
