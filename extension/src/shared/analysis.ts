/** The PostAnalysis answer, as the extension uses it, plus a defensive parser. */

export const ORIENTATIONS = ['INDIVIDUAL', 'BALANCED', 'COLLECTIVE'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const CREDIT_REASONS = ['PROJECT_CONTRIBUTOR', 'TEAMMATE', 'FREQUENT_COLLABORATOR'] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

export interface TextSpan {
	start: number;
	end: number;
	text: string;
}

export interface FramingSignal {
	kind: string;
	weight: number;
	span: TextSpan;
}

export interface Framing {
	orientation: Orientation;
	score: number;
	confidence: number;
	/**
	 * The service says its confidence is under the threshold fitted with its model
	 * (docs/framing.md, Mixed signals): the card says "mixed signals" instead of a verdict.
	 */
	mixedSignals: boolean;
	language: string;
	selfReferences: number;
	collectiveReferences: number;
	signals: FramingSignal[];
}

export interface PersonRef {
	id: string;
	name: string;
	handle: string | null;
}

export interface NamedRef {
	id: string;
	name: string;
}

export interface CreditSuggestion {
	person: PersonRef;
	team: NamedRef | null;
	project: NamedRef | null;
	reason: CreditReason;
	evidence: string;
	score: number;
}

export interface CultureInfo {
	country: string;
	name: string;
	individualism: number | null;
	orientation: string;
}

export interface CulturalContext {
	author: CultureInfo | null;
	reader: CultureInfo | null;
	summary: string;
	notes: string[];
	sources: string[];
}

export interface Analysis {
	framing: Framing;
	credit: CreditSuggestion[];
	suggestedPhrasing: string | null;
	culture: CulturalContext;
	author: PersonRef | null;
	degraded: boolean;
}

// The server is trusted to be ours, but its answer still ends up in a page we do not control:
// keep only the fields we render, with bounded sizes, so a bad answer cannot bloat storage or UI.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 2000): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown, max: number): unknown[] => (Array.isArray(v) ? v.slice(0, max) : []);

function parsePerson(v: unknown): PersonRef | null {
	if (!isObj(v)) return null;
	const id = str(v.id, 200);
	const name = str(v.name, 200);
	return id === null || name === null ? null : {id, name, handle: str(v.handle, 200)};
}

function parseNamed(v: unknown): NamedRef | null {
	if (!isObj(v)) return null;
	const id = str(v.id, 200);
	const name = str(v.name, 200);
	return id === null || name === null ? null : {id, name};
}

function parseCulture(v: unknown): CultureInfo | null {
	if (!isObj(v)) return null;
	const country = str(v.country, 8);
	const name = str(v.name, 100);
	if (country === null || name === null) return null;
	return {country, name, individualism: num(v.individualism), orientation: str(v.orientation, 40) ?? ''};
}

function parseSignal(v: unknown): FramingSignal | null {
	if (!isObj(v) || !isObj(v.span)) return null;
	const kind = str(v.kind, 60);
	const start = num(v.span.start);
	const end = num(v.span.end);
	if (kind === null || start === null || end === null) return null;
	return {kind, weight: num(v.weight) ?? 0, span: {start, end, text: str(v.span.text, 500) ?? ''}};
}

function parseCredit(v: unknown): CreditSuggestion | null {
	if (!isObj(v)) return null;
	const person = parsePerson(v.person);
	const reason = CREDIT_REASONS.find(r => r === v.reason);
	if (!person || !reason) return null;
	return {
		person,
		team: parseNamed(v.team),
		project: parseNamed(v.project),
		reason,
		evidence: str(v.evidence) ?? '',
		score: num(v.score) ?? 0,
	};
}

const present = <T>(v: T | null): v is T => v !== null;

export function parseAnalysis(v: unknown): Analysis | null {
	if (!isObj(v) || !isObj(v.framing) || !isObj(v.culture)) return null;
	const f = v.framing;
	const orientation = ORIENTATIONS.find(o => o === f.orientation);
	if (!orientation) return null;
	const c = v.culture;
	return {
		framing: {
			orientation,
			score: num(f.score) ?? 0,
			confidence: num(f.confidence) ?? 0,
			// A missing flag shows no verdict: an unsure hint is worse than none.
			mixedSignals: f.mixedSignals !== false,
			language: str(f.language, 20) ?? '',
			selfReferences: num(f.selfReferences) ?? 0,
			collectiveReferences: num(f.collectiveReferences) ?? 0,
			signals: list(f.signals, 100).map(parseSignal).filter(present),
		},
		credit: list(v.credit, 20).map(parseCredit).filter(present),
		suggestedPhrasing: str(v.suggestedPhrasing, 3000),
		culture: {
			author: parseCulture(c.author),
			reader: parseCulture(c.reader),
			summary: str(c.summary) ?? '',
			notes: list(c.notes, 10).map(n => str(n)).filter(present),
			sources: list(c.sources, 10).map(s => str(s, 500)).filter(present),
		},
		author: parsePerson(v.author),
		degraded: v.degraded === true,
	};
}
