import {describe, expect, test} from 'vitest';
import {Backoff, parseRetryAfter, UNTIL_SETTINGS_CHANGE} from '../src/background/backoff';

describe('Retry-After', () => {
	const now = Date.parse('2026-05-01T10:00:00Z');
	test.each([
		['120', 120_000],
		['0', 1000], // At least a second: never a tight loop.
		['Fri, 01 May 2026 10:00:30 GMT', 30_000],
		['999999', 3_600_000], // Capped at an hour.
		[null, 30_000],
		['soon', 30_000],
	])('%s → %d ms', (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});
});

describe('Backoff', () => {
	test('exponential for network errors, reset by success', () => {
		let now = 0;
		const changes: unknown[] = [];
		const backoff = new Backoff(() => now, () => 0, state => changes.push(state));
		expect(backoff.blocked()).toBeNull();
		backoff.onFailure('network');
		expect(backoff.blocked()).toEqual({kind: 'network', until: 5000});
		now = 5000;
		expect(backoff.blocked()).toBeNull(); // Gate opens for one try...
		backoff.onFailure('network');
		expect(backoff.blocked()?.until).toBe(5000 + 10_000); // ...which doubled the wait.
		for (let i = 0; i < 20; i++) backoff.onFailure('network');
		expect(backoff.blocked()!.until - now).toBe(300_000); // Capped at 5 minutes.
		backoff.onSuccess();
		expect(backoff.blocked()).toBeNull();
		expect(changes.at(-1)).toBeNull();
	});

	test('honours Retry-After on 429', () => {
		const backoff = new Backoff(() => 1000);
		backoff.onRateLimited('42');
		expect(backoff.blocked()).toEqual({kind: 'rate_limited', until: 43_000});
	});

	test('a refused key blocks until the settings change', () => {
		const backoff = new Backoff(() => 0);
		backoff.onAuth('auth');
		expect(backoff.blocked()).toEqual({kind: 'auth', until: UNTIL_SETTINGS_CHANGE});
		backoff.reset();
		expect(backoff.blocked()).toBeNull();
	});

	test('state survives a worker restart through snapshot/restore', () => {
		const first = new Backoff(() => 0);
		first.onRateLimited('60');
		const second = new Backoff(() => 1000);
		second.restore(JSON.parse(JSON.stringify(first.snapshot())));
		expect(second.blocked()).toEqual({kind: 'rate_limited', until: 60_000});
	});
});
