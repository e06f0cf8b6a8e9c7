/**
 * Analysis in the service worker: cache → gate (settings, backoff) → 150 ms batch → one
 * analyzePosts request. Kept free of `chrome.*` so the tests can drive it directly.
 */
import type {Analysis} from '../shared/analysis';
import type {ErrorKind, PostPayload, PostResult} from '../shared/messages';
import type {Settings} from '../shared/settings';
import {analyzePosts, ApiError, type FetchLike, type PostInput} from './api';
import {Backoff, type BlockKind, UNTIL_SETTINGS_CHANGE} from './backoff';
import {Batcher, type BatcherOptions} from './batcher';
import {AnswerCache, cacheKey} from './cache';

export interface Config {
	/** URL + key set and a connection test passed for exactly them. */
	ready: boolean;
	apiUrl: string;
	settings: Settings;
}

export interface ServiceDeps {
	fetch: FetchLike;
	cache: AnswerCache;
	backoff: Backoff;
	config: () => Promise<Config>;
	now?: () => number;
	batch?: BatcherOptions;
}

interface Item {
	input: PostInput;
	key: string;
}

export function toInput(payload: PostPayload, settings: Settings): PostInput {
	return {
		...payload,
		...(settings.readerCountry ? {readerCountry: settings.readerCountry} : {}),
		uiLanguage: settings.uiLanguage,
	};
}

export class AnalyzeService {
	private readonly batcher: Batcher<Item, PostResult>;
	private readonly inflight = new Map<string, Promise<PostResult>>();
	private readonly now: () => number;

	constructor(private readonly deps: ServiceDeps) {
		this.now = deps.now ?? Date.now;
		this.batcher = new Batcher(async items => this.send(items), deps.batch ?? {windowMs: 150, maxBatch: 50});
	}

	async analyze(posts: PostPayload[]): Promise<PostResult[]> {
		const config = await this.deps.config();
		if (!config.ready) return posts.map(() => ({status: 'error', error: 'not_configured'}));
		return Promise.all(posts.map(async post => this.one(post, config)));
	}

	private async one(payload: PostPayload, config: Config): Promise<PostResult> {
		const input = toInput(payload, config.settings);
		const author = payload.authorHandle ?? payload.authorName ?? '';
		const key = await cacheKey(payload.text, author, config.settings.readerCountry, config.settings.uiLanguage);
		const cached = await this.deps.cache.get(key);
		if (cached) return this.ok(cached.analysis, cached.expiresAt);

		const blocked = this.deps.backoff.blocked();
		if (blocked) return this.blockedResult(blocked.kind, blocked.until);

		let pending = this.inflight.get(key);
		if (!pending) {
			pending = this.batcher.enqueue({input, key}).finally(() => this.inflight.delete(key));
			this.inflight.set(key, pending);
		}

		return pending;
	}

	private ok(analysis: Analysis, expiresAt: number): PostResult {
		// A degraded answer carries its expiry so the tab asks again once the graph may be back.
		return analysis.degraded ? {status: 'ok', analysis, retryAt: expiresAt} : {status: 'ok', analysis};
	}

	private blockedResult(kind: BlockKind, until: number): PostResult {
		return until >= UNTIL_SETTINGS_CHANGE ? {status: 'error', error: kind} : {status: 'error', error: kind, retryAt: until};
	}

	private async send(items: Item[]): Promise<PostResult[]> {
		// Re-check at send time: settings or the gate may have changed during the window.
		const config = await this.deps.config();
		if (!config.ready) return items.map(() => ({status: 'error', error: 'not_configured'}));
		const blocked = this.deps.backoff.blocked();
		if (blocked) return items.map(() => this.blockedResult(blocked.kind, blocked.until));

		try {
			const analyses = await analyzePosts(
				this.deps.fetch,
				config.apiUrl,
				config.settings.apiKey,
				items.map(item => item.input),
			);
			this.deps.backoff.onSuccess();
			return await Promise.all(
				analyses.map(async (analysis, index) => this.ok(analysis, await this.deps.cache.set(items[index]!.key, analysis))),
			);
		} catch (error) {
			const result = this.failure(error);
			return items.map(() => result);
		}
	}

	private failure(error: unknown): PostResult {
		const {backoff} = this.deps;
		if (!(error instanceof ApiError)) return {status: 'error', error: 'internal', retryAt: this.now() + 5000};
		let kind: ErrorKind;
		switch (error.kind) {
			case 'auth':
			case 'forbidden': {
				backoff.onAuth(error.kind);
				return {status: 'error', error: error.kind};
			}

			case 'rate_limited': {
				backoff.onRateLimited(error.retryAfter);
				kind = 'rate_limited';
				break;
			}

			case 'bad_input': {
				// Our inputs are validated before sending: retrying the same post would fail again.
				return {status: 'error', error: 'bad_input'};
			}

			case 'network':
			case 'unavailable': {
				backoff.onFailure(error.kind);
				kind = error.kind;
				break;
			}

			default: {
				backoff.onFailure('server');
				kind = 'server';
			}
		}

		const until = backoff.blocked()?.until;
		return until === undefined ? {status: 'error', error: kind} : {status: 'error', error: kind, retryAt: until};
	}
}
