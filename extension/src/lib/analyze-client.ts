/** Content-script side of analysis: coalesces the posts of one scan into one message to the worker. */
import {MAX_POSTS_PER_MESSAGE, type AnalyzeRequest, type PostPayload, type PostResult} from '../shared/messages';

export type SendMessage = (message: AnalyzeRequest) => Promise<unknown>;

const MAX_MEMO = 300;
/** When the worker does not answer (it was restarting), try again after this long. */
export const INTERNAL_RETRY_MS = 5000;

/** Same text, author and mentions → same answer (reader settings are fixed for a client's life). */
export function requestKey(payload: PostPayload): string {
	return JSON.stringify([payload.text, payload.authorHandle ?? payload.authorName ?? '', payload.mentions ?? []]);
}

function isResults(value: unknown, length: number): value is {results: PostResult[]} {
	const results = (value as {results?: unknown} | null)?.results;
	return Array.isArray(results) && results.length === length;
}

export class AnalyzeClient {
	/** Clean answers, so a post LinkedIn re-renders (virtualised list) costs no new request. */
	private readonly memo = new Map<string, PostResult>();
	private readonly inflight = new Map<string, Promise<PostResult>>();
	private queue: Array<{payload: PostPayload; resolve: (result: PostResult) => void}> = [];

	constructor(
		private readonly send: SendMessage,
		private readonly now: () => number = Date.now,
	) {}

	analyze(payload: PostPayload): Promise<PostResult> {
		const key = requestKey(payload);
		const known = this.memo.get(key);
		if (known) return Promise.resolve(known);
		const pending = this.inflight.get(key);
		if (pending) return pending;

		const promise = new Promise<PostResult>(resolve => {
			this.queue.push({payload, resolve});
			if (this.queue.length === 1) queueMicrotask(() => void this.flush());
		}).then(result => {
			this.inflight.delete(key);
			if (result.status === 'ok' && !result.analysis.degraded) this.remember(key, result);
			return result;
		});
		this.inflight.set(key, promise);
		return promise;
	}

	private remember(key: string, result: PostResult): void {
		this.memo.set(key, result);
		if (this.memo.size > MAX_MEMO) this.memo.delete(this.memo.keys().next().value!);
	}

	private async flush(): Promise<void> {
		const batch = this.queue;
		this.queue = [];
		for (let i = 0; i < batch.length; i += MAX_POSTS_PER_MESSAGE) {
			const chunk = batch.slice(i, i + MAX_POSTS_PER_MESSAGE);
			let results: PostResult[];
			try {
				const response = await this.send({type: 'tc:analyze', posts: chunk.map(entry => entry.payload)});
				if (!isResults(response, chunk.length)) throw new Error('Malformed answer from the service worker');
				results = response.results;
			} catch {
				const failed: PostResult = {status: 'error', error: 'internal', retryAt: this.now() + INTERNAL_RETRY_MS};
				results = chunk.map(() => failed);
			}

			for (const [index, entry] of chunk.entries()) entry.resolve(results[index]!);
		}
	}
}
