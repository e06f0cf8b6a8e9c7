import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {Batcher} from '../src/background/batcher';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recorder() {
	const calls: number[][] = [];
	const batcher = new Batcher<number, string>(async items => {
		calls.push(items);
		return items.map(item => `answer ${item}`);
	});
	return {calls, batcher};
}

test('items arriving within 150 ms share one request; answers keep their order', async () => {
	const {calls, batcher} = recorder();
	const first = batcher.enqueue(1);
	await vi.advanceTimersByTimeAsync(100);
	const second = batcher.enqueue(2);
	expect(calls).toHaveLength(0);
	await vi.advanceTimersByTimeAsync(50);
	expect(calls).toEqual([[1, 2]]);
	expect(await first).toBe('answer 1');
	expect(await second).toBe('answer 2');
});

test('ten posts → one request', async () => {
	const {calls, batcher} = recorder();
	const answers = Promise.all(Array.from({length: 10}, (_, i) => batcher.enqueue(i)));
	await vi.advanceTimersByTimeAsync(150);
	expect(calls).toHaveLength(1);
	expect(calls[0]).toHaveLength(10);
	expect(await answers).toHaveLength(10);
});

test('after the window a new batch starts', async () => {
	const {calls, batcher} = recorder();
	void batcher.enqueue(1);
	await vi.advanceTimersByTimeAsync(200);
	void batcher.enqueue(2);
	await vi.advanceTimersByTimeAsync(200);
	expect(calls).toEqual([[1], [2]]);
});

test('never more than 50 per request; a full batch goes at once', async () => {
	const {calls, batcher} = recorder();
	const answers = Promise.all(Array.from({length: 120}, (_, i) => batcher.enqueue(i)));
	await vi.advanceTimersByTimeAsync(150);
	expect(calls.map(call => call.length)).toEqual([50, 50, 20]);
	expect((await answers)[119]).toBe('answer 119');
});

test('a failing send rejects its own items only', async () => {
	const batcher = new Batcher<number, number>(async () => {
		throw new Error('boom');
	});
	const pending = batcher.enqueue(1);
	const check = expect(pending).rejects.toThrow('boom');
	await vi.advanceTimersByTimeAsync(150);
	await check;
});
