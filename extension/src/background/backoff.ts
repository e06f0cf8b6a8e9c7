/**
 * One gate for every request to the API. While closed, analysis answers at once with the
 * reason and the reopening time, and sends nothing: errors never turn into retry storms.
 */
export type BlockKind = 'auth' | 'forbidden' | 'rate_limited' | 'network' | 'unavailable' | 'server';

export interface BackoffState {
	kind: BlockKind;
	until: number;
	failures: number;
}

/** "Until the settings change": JSON-safe, unlike Infinity. */
export const UNTIL_SETTINGS_CHANGE = Number.MAX_SAFE_INTEGER;
const BASE_DELAY_MS = 5000;
const MAX_DELAY_MS = 5 * 60_000;
const DEFAULT_RETRY_AFTER_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number {
	const raw = value?.trim() ?? '';
	let ms = Number.NaN;
	if (/^\d+$/.test(raw)) {
		ms = Number(raw) * 1000;
	} else if (raw) {
		ms = Date.parse(raw) - now;
	}

	if (!Number.isFinite(ms)) ms = DEFAULT_RETRY_AFTER_MS;
	return Math.min(Math.max(ms, 1000), MAX_RETRY_AFTER_MS);
}

export class Backoff {
	private state: BackoffState | null = null;

	constructor(
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random,
		private readonly onChange: (state: BackoffState | null) => void = () => undefined,
	) {}

	/** The current block, or null when requests may go out. */
	blocked(): {kind: BlockKind; until: number} | null {
		return this.state && this.state.until > this.now() ? {kind: this.state.kind, until: this.state.until} : null;
	}

	snapshot(): BackoffState | null {
		return this.state;
	}

	restore(state: BackoffState | null): void {
		this.state = state;
	}

	onSuccess(): void {
		if (this.state) this.set(null);
	}

	onRateLimited(retryAfter: string | null | undefined): void {
		const failures = (this.state?.failures ?? 0) + 1;
		this.set({kind: 'rate_limited', until: this.now() + parseRetryAfter(retryAfter, this.now()), failures});
	}

	/** Exponential backoff with a little jitter, so many browsers do not return in lockstep. */
	onFailure(kind: 'network' | 'unavailable' | 'server'): void {
		const failures = (this.state?.failures ?? 0) + 1;
		const delay = Math.min(BASE_DELAY_MS * 2 ** (failures - 1), MAX_DELAY_MS) * (1 + this.random() * 0.2);
		this.set({kind, until: this.now() + Math.round(delay), failures});
	}

	/** A refused key stays refused: wait for new settings (reset()) instead of hammering. */
	onAuth(kind: 'auth' | 'forbidden'): void {
		this.set({kind, until: UNTIL_SETTINGS_CHANGE, failures: (this.state?.failures ?? 0) + 1});
	}

	reset(): void {
		this.set(null);
	}

	private set(state: BackoffState | null): void {
		this.state = state;
		this.onChange(state);
	}
}
