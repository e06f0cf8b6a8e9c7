/**
 * The personal mirror: the user's own last drafts and posts as TeamCredit saw them (framing,
 * how many people they credited). Kept ONLY in chrome.storage.local on this device; nothing of
 * it is ever sent. The popup draws it and can forget it.
 */
import type {ShownOrientation} from './verdict';

export const MIRROR_KEY = 'mirror';
export const MIRROR_SIZE = 30;

export interface MirrorEntry {
	/** `draft:<time the draft was started>` or the post's id: a draft revised ten times is one entry. */
	id: string;
	at: number;
	kind: 'draft' | 'post';
	framing: ShownOrientation;
	/** People the text credits by name. */
	credited: number;
}

export interface MirrorSummary {
	total: number;
	/** Framed around the author (a confident individual verdict). */
	spotlight: number;
	credited: number;
}

const FRAMINGS: readonly ShownOrientation[] = ['INDIVIDUAL', 'BALANCED', 'COLLECTIVE', 'MIXED'];

/** Storage is outside our control: keep well-formed entries only, newest first, at most 30. */
export function parseMirror(raw: unknown): MirrorEntry[] {
	if (!Array.isArray(raw)) return [];
	const out: MirrorEntry[] = [];
	for (const item of raw) {
		if (typeof item !== 'object' || item === null) continue;
		const r = item as Record<string, unknown>;
		const framing = FRAMINGS.find(value => value === r.framing);
		if (typeof r.id !== 'string' || typeof r.at !== 'number' || !framing) continue;
		if (typeof r.credited !== 'number' || !Number.isInteger(r.credited) || r.credited < 0) continue;
		out.push({id: r.id.slice(0, 200), at: r.at, kind: r.kind === 'post' ? 'post' : 'draft', framing, credited: r.credited});
	}

	return out.sort((a, b) => b.at - a.at).slice(0, MIRROR_SIZE);
}

/** The entry replaces any earlier one with its id, and goes first. */
export function upsert(entries: readonly MirrorEntry[], entry: MirrorEntry): MirrorEntry[] {
	return [entry, ...entries.filter(existing => existing.id !== entry.id)].slice(0, MIRROR_SIZE);
}

export function summarise(entries: readonly MirrorEntry[]): MirrorSummary {
	return {
		total: entries.length,
		spotlight: entries.filter(entry => entry.framing === 'INDIVIDUAL').length,
		credited: entries.filter(entry => entry.credited > 0).length,
	};
}

export interface LocalArea {
	get(keys: string): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string): Promise<void>;
}

// Writes from one tab are chained so two quick answers do not overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

export async function remember(area: LocalArea, entry: MirrorEntry): Promise<void> {
	const write = queue.then(async () => {
		const entries = parseMirror((await area.get(MIRROR_KEY))[MIRROR_KEY]);
		await area.set({[MIRROR_KEY]: upsert(entries, entry)});
	});
	queue = write.catch(() => undefined);
	return write;
}

export async function forget(area: LocalArea): Promise<void> {
	await area.remove(MIRROR_KEY);
}
