/**
 * Collects items for a short window and hands them over in chunks: posts found in one feed
 * scroll (from any tab) become one analyzePosts request instead of one each.
 */
export interface BatcherOptions {
	windowMs: number;
	maxBatch: number;
}

export class Batcher<I, O> {
	private pending: Array<{item: I; resolve: (value: O) => void; reject: (error: unknown) => void}> = [];
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly send: (items: I[]) => Promise<O[]>,
		private readonly options: BatcherOptions = {windowMs: 150, maxBatch: 50},
	) {}

	enqueue(item: I): Promise<O> {
		return new Promise<O>((resolve, reject) => {
			this.pending.push({item, resolve, reject});
			if (this.pending.length >= this.options.maxBatch) {
				this.flush(); // A full batch gains nothing by waiting.
			} else {
				this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
			}
		});
	}

	flush(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		const batch = this.pending;
		this.pending = [];
		void this.sendInChunks(batch);
	}

	// Sequential on purpose: a burst of chunks is exactly what a rate limiter punishes.
	private async sendInChunks(batch: typeof this.pending): Promise<void> {
		for (let i = 0; i < batch.length; i += this.options.maxBatch) {
			const chunk = batch.slice(i, i + this.options.maxBatch);
			try {
				const results = await this.send(chunk.map(entry => entry.item));
				for (const [index, entry] of chunk.entries()) entry.resolve(results[index]!);
			} catch (error) {
				for (const entry of chunk) entry.reject(error);
			}
		}
	}
}
