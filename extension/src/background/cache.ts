/**
 * Answers cached in chrome.storage.session (memory-only, cleared when the browser closes, not
 * readable by content scripts), keyed by a hash of what determines an answer.
 */
import {type Analysis, parseAnalysis} from '../shared/analysis';
import {sha256Hex} from '../shared/hash';

export interface KeyValueArea {
	get(keys: string | string[]): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
}

export interface CacheOptions {
	ttlMs: number;
	/** Degraded answers expire fast so full hints come back once the graph does. */
	degradedTtlMs: number;
	maxEntries: number;
}

const PREFIX = 'tc:a:';
const INDEX_KEY = 'tc:a-index';

export async function cacheKey(text: string, author: string, readerCountry: string, uiLanguage: string): Promise<string> {
	return PREFIX + (await sha256Hex(JSON.stringify([text, author, readerCountry, uiLanguage])));
}

/** A Map behind the same interface, where storage.session is missing (older browsers, tests). */
export function memoryArea(): KeyValueArea {
	const map = new Map<string, unknown>();
	return {
		async get(keys) {
			return Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter(k => map.has(k)).map(k => [k, map.get(k)]));
		},
		async set(items) {
			for (const [key, value] of Object.entries(items)) map.set(key, value);
		},
		async remove(keys) {
			for (const key of Array.isArray(keys) ? keys : [keys]) map.delete(key);
		},
	};
}

export class AnswerCache {
	private index: string[] | undefined;
	// Serialises index updates: concurrent read-modify-write would lose entries.
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly area: KeyValueArea,
		private readonly now: () => number = Date.now,
		private readonly options: CacheOptions = {ttlMs: 60 * 60_000, degradedTtlMs: 2 * 60_000, maxEntries: 400},
	) {}

	async get(key: string): Promise<{analysis: Analysis; expiresAt: number} | null> {
		const entry = (await this.area.get(key))[key] as {expiresAt?: unknown; analysis?: unknown} | undefined;
		if (!entry || typeof entry.expiresAt !== 'number' || entry.expiresAt <= this.now()) return null;
		const analysis = parseAnalysis(entry.analysis);
		return analysis ? {analysis, expiresAt: entry.expiresAt} : null;
	}

	/** Returns the expiry time it stored. */
	async set(key: string, analysis: Analysis): Promise<number> {
		const expiresAt = this.now() + (analysis.degraded ? this.options.degradedTtlMs : this.options.ttlMs);
		await this.serial(async () => {
			const index = (await this.loadIndex()).filter(existing => existing !== key);
			index.push(key);
			const evicted = index.splice(0, Math.max(0, index.length - this.options.maxEntries));
			this.index = index;
			if (evicted.length > 0) await this.area.remove(evicted);
			await this.area.set({[key]: {expiresAt, analysis}, [INDEX_KEY]: index});
		});
		return expiresAt;
	}

	async clear(): Promise<void> {
		await this.serial(async () => {
			const index = await this.loadIndex();
			this.index = [];
			await this.area.remove([...index, INDEX_KEY]);
		});
	}

	private async loadIndex(): Promise<string[]> {
		if (!this.index) {
			const stored = (await this.area.get(INDEX_KEY))[INDEX_KEY];
			this.index = Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
		}

		return this.index;
	}

	private async serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.queue.then(task, task);
		this.queue = run.catch(() => undefined);
		return run;
	}
}
