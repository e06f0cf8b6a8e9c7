/**
 * Trailing debounce with a max wait: LinkedIn mutates the DOM constantly while scrolling, and a
 * plain debounce could postpone a scan forever.
 */
export function debounce(fn: () => void, waitMs: number, maxWaitMs: number): {(): void; cancel(): void} {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let firstCall: number | undefined;
	const run = (): void => {
		timer = undefined;
		firstCall = undefined;
		fn();
	};

	const debounced = (): void => {
		const now = Date.now();
		firstCall ??= now;
		if (timer !== undefined) clearTimeout(timer);
		timer = setTimeout(run, Math.max(0, Math.min(waitMs, firstCall + maxWaitMs - now)));
	};

	debounced.cancel = (): void => {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
		firstCall = undefined;
	};

	return debounced;
}
