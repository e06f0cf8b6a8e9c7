import {beforeEach, describe, expect, test, vi} from 'vitest';
import {ANALYZE_QUERY, analyzePosts, ApiError, graphql, PING_QUERY} from '../src/background/api';
import {Backoff} from '../src/background/backoff';
import {AnswerCache, cacheKey, memoryArea} from '../src/background/cache';
import {testConnection} from '../src/background/connection';
import {AnalyzeService, type Config} from '../src/background/service';
import type {PostPayload} from '../src/shared/messages';
import {defaultSettings} from '../src/shared/settings';
import {analysis} from './helpers';

const settings = {...defaultSettings('en-US'), apiUrl: 'http://127.0.0.1:8000', apiKey: 'demo-key', readerCountry: 'FR'};
const config: Config = {ready: true, apiUrl: 'http://127.0.0.1:8000', settings};

interface Call {
	url: string;
	body: {query: string; variables?: {inputs?: Array<Record<string, unknown>>}};
	headers: Record<string, string>;
}

/** A fake API: answers each analyzePosts input in order, or whatever `reply` returns. */
function fakeApi(reply?: (call: Call) => Response | Promise<Response>) {
	const calls: Call[] = [];
	const fetch = vi.fn(async (url: string, init: RequestInit) => {
		const call = {url, body: JSON.parse(String(init.body)) as Call['body'], headers: init.headers as Record<string, string>};
		calls.push(call);
		if (reply) return reply(call);
		const inputs = call.body.variables?.inputs ?? [];
		return Response.json({data: {analyzePosts: inputs.map(() => analysis())}});
	});
	return {calls, fetch};
}

const posts = (n: number, prefix = 'Post'): PostPayload[] =>
	Array.from({length: n}, (_, i) => ({text: `${prefix} ${i}: we shipped it together.`, authorHandle: `person-${i}`}));

/** The service's clock (backoff, cache expiry); the 150 ms batch window runs on real timers. */
const clock = {t: 1_000_000};
const now = () => clock.t;
const advance = (ms: number) => {
	clock.t += ms;
};

function service(fetch: ReturnType<typeof fakeApi>['fetch'], overrides: {ready?: boolean} = {}) {
	const backoff = new Backoff(now, () => 0);
	const cache = new AnswerCache(memoryArea(), now);
	const analyze = new AnalyzeService({
		fetch,
		cache,
		backoff,
		now,
		config: async () => ({...config, ready: overrides.ready ?? true}),
	});
	return {analyze, backoff, cache};
}

beforeEach(() => {
	clock.t = 1_000_000;
});

const settle = async <T>(promise: Promise<T>): Promise<T> => promise;

describe('AnalyzeService', () => {
	test('a page of 10 posts costs one analyzePosts request, with the key and reader settings', async () => {
		const api = fakeApi();
		const {analyze} = service(api.fetch);
		const results = await settle(analyze.analyze(posts(10)));
		expect(results.every(result => result.status === 'ok')).toBe(true);
		expect(api.calls).toHaveLength(1);
		const [call] = api.calls;
		expect(call!.url).toBe('http://127.0.0.1:8000/graphql');
		expect(call!.headers.Authorization).toBe('Bearer demo-key');
		expect(call!.body.query).toBe(ANALYZE_QUERY);
		expect(call!.body.variables!.inputs).toHaveLength(10);
		// Inputs are enqueued as their cache keys resolve, so find ours by text.
		expect(call!.body.variables!.inputs!.find(input => input.authorHandle === 'person-0')).toEqual({
			text: 'Post 0: we shipped it together.',
			authorHandle: 'person-0',
			readerCountry: 'FR',
			uiLanguage: 'en',
		});
	});

	test('requests from several tabs within the window are batched together', async () => {
		const api = fakeApi();
		const {analyze} = service(api.fetch);
		const tabA = analyze.analyze(posts(3, 'A'));
		await new Promise(resolve => setTimeout(resolve, 50));
		const tabB = analyze.analyze(posts(4, 'B'));
		await settle(Promise.all([tabA, tabB]));
		expect(api.calls).toHaveLength(1);
		expect(api.calls[0]!.body.variables!.inputs).toHaveLength(7);
	});

	test('120 posts → 3 requests of at most 50', async () => {
		const api = fakeApi();
		const {analyze} = service(api.fetch);
		await settle(analyze.analyze([...posts(50, 'A'), ...posts(50, 'B'), ...posts(20, 'C')]));
		expect(api.calls.map(call => call.body.variables!.inputs!.length)).toEqual([50, 50, 20]);
	});

	test('answers are cached: the same post again costs nothing; identical posts in flight share a request', async () => {
		const api = fakeApi();
		const {analyze} = service(api.fetch);
		const twice = [...posts(2), ...posts(2)];
		await settle(analyze.analyze(twice));
		expect(api.calls[0]!.body.variables!.inputs).toHaveLength(2);
		const again = await settle(analyze.analyze(posts(2)));
		expect(again.every(result => result.status === 'ok')).toBe(true);
		expect(api.calls).toHaveLength(1);
	});

	test('nothing is sent before the connection test passed', async () => {
		const api = fakeApi();
		const {analyze} = service(api.fetch, {ready: false});
		expect(await settle(analyze.analyze(posts(2)))).toEqual([
			{status: 'error', error: 'not_configured'},
			{status: 'error', error: 'not_configured'},
		]);
		expect(api.calls).toHaveLength(0);
	});

	test('429 honours Retry-After: no request until then, one after', async () => {
		let limited = true;
		const api = fakeApi(call =>
			limited
				? Response.json({errors: [{message: 'slow down', extensions: {code: 'RATE_LIMITED'}}]}, {status: 429, headers: {'Retry-After': '30'}})
				: Response.json({data: {analyzePosts: call.body.variables!.inputs!.map(() => analysis())}}),
		);
		const {analyze} = service(api.fetch);
		const start = now();
		const [first] = await settle(analyze.analyze(posts(1)));
		expect(first).toEqual({status: 'error', error: 'rate_limited', retryAt: start + 30_000});

		// Ten more scans during the pause: zero requests.
		for (let i = 0; i < 10; i++) await settle(analyze.analyze(posts(3, `retry ${i}`)));
		expect(api.calls).toHaveLength(1);

		limited = false;
		advance(30_000);
		const [later] = await settle(analyze.analyze(posts(1)));
		expect(later!.status).toBe('ok');
		expect(api.calls).toHaveLength(2);
	});

	test('401 blocks until the settings change, without retrying', async () => {
		const api = fakeApi(() => Response.json({errors: [{message: 'bad key', extensions: {code: 'UNAUTHENTICATED'}}]}, {status: 401}));
		const {analyze, backoff} = service(api.fetch);
		expect(await settle(analyze.analyze(posts(1)))).toEqual([{status: 'error', error: 'auth'}]);
		advance(3_600_000);
		expect(await settle(analyze.analyze(posts(1, 'other')))).toEqual([{status: 'error', error: 'auth'}]);
		expect(api.calls).toHaveLength(1);
		backoff.reset(); // What a settings change does.
		await settle(analyze.analyze(posts(1, 'third')));
		expect(api.calls).toHaveLength(2);
	});

	test('403 maps to forbidden', async () => {
		const api = fakeApi(() => new Response('Forbidden', {status: 403}));
		const {analyze} = service(api.fetch);
		expect(await settle(analyze.analyze(posts(1)))).toEqual([{status: 'error', error: 'forbidden'}]);
	});

	test('network errors back off exponentially', async () => {
		const api = fakeApi(() => Promise.reject(new TypeError('Failed to fetch')));
		const {analyze} = service(api.fetch);
		const start = now();
		expect(await settle(analyze.analyze(posts(1)))).toEqual([{status: 'error', error: 'network', retryAt: start + 5000}]);
		advance(5000);
		const [second] = await settle(analyze.analyze(posts(1)));
		expect(second).toMatchObject({status: 'error', error: 'network'});
		expect((second as {retryAt: number}).retryAt - now()).toBe(10_000);
		expect(api.calls).toHaveLength(2);
	});

	test('degraded answers are shown, cached briefly and carry a retry time', async () => {
		const api = fakeApi(call => Response.json({data: {analyzePosts: call.body.variables!.inputs!.map(() => analysis({degraded: true, credit: []}))}}));
		const {analyze} = service(api.fetch);
		const start = now();
		const [result] = await settle(analyze.analyze(posts(1)));
		expect(result).toMatchObject({status: 'ok', retryAt: start + 120_000});
		await settle(analyze.analyze(posts(1)));
		expect(api.calls).toHaveLength(1);
		advance(120_000);
		await settle(analyze.analyze(posts(1)));
		expect(api.calls).toHaveLength(2);
	});

	test('a malformed answer is a server error, not a crash', async () => {
		const api = fakeApi(() => Response.json({data: {analyzePosts: [{framing: {orientation: 'WEIRD'}}]}}));
		const {analyze} = service(api.fetch);
		expect((await settle(analyze.analyze(posts(1))))[0]).toMatchObject({status: 'error', error: 'server'});
	});
});

describe('AnswerCache', () => {
	test('keys depend on text, author, reader country and UI language', async () => {
		const base = await cacheKey('text', 'alice-martin', 'FR', 'en');
		expect(await cacheKey('text', 'alice-martin', 'FR', 'en')).toBe(base);
		for (const other of [
			await cacheKey('text!', 'alice-martin', 'FR', 'en'),
			await cacheKey('text', 'bob-nguyen', 'FR', 'en'),
			await cacheKey('text', 'alice-martin', 'US', 'en'),
			await cacheKey('text', 'alice-martin', 'FR', 'fr'),
		]) {
			expect(other).not.toBe(base);
		}
	});

	test('expires entries and evicts the oldest beyond the cap', async () => {
		let now = 0;
		const area = memoryArea();
		const cache = new AnswerCache(area, () => now, {ttlMs: 1000, degradedTtlMs: 10, maxEntries: 2});
		await Promise.all([cache.set('a', analysis()), cache.set('b', analysis()), cache.set('c', analysis())]);
		expect(await cache.get('a')).toBeNull();
		expect(await cache.get('c')).not.toBeNull();
		now = 1000;
		expect(await cache.get('c')).toBeNull();
		await cache.clear();
		expect(await area.get('tc:a-index')).toEqual({});
	});
});

describe('API client errors', () => {
	const call = async (response: Response | Error) =>
		graphql(async () => (response instanceof Error ? Promise.reject(response) : response), 'http://127.0.0.1:8000', 'k', PING_QUERY).then(
			() => null,
			(error: ApiError) => [error.kind, error.status] as const,
		);

	test.each([
		['GRAPH_UNAVAILABLE', 200, 'unavailable'],
		['QUERY_TOO_COMPLEX', 200, 'too_complex'],
		['BAD_USER_INPUT', 200, 'bad_input'],
		['FORBIDDEN', 200, 'forbidden'],
		['SOMETHING_ELSE', 200, 'graphql'],
	])('extensions.code %s → %s', async (code, status, kind) => {
		expect(await call(Response.json({errors: [{message: 'x', extensions: {code}}]}, {status}))).toEqual([kind, status]);
	});

	test('HTTP-level failures', async () => {
		expect(await call(new TypeError('Failed to fetch'))).toEqual(['network', undefined]);
		expect(await call(new Response('nope', {status: 404}))).toEqual(['http', 404]);
		expect(await call(new Response('oops', {status: 502}))).toEqual(['server', 502]);
		expect(await call(new Response('<html>', {status: 200}))).toEqual(['not_graphql', 200]);
		expect(await call(new Response('', {status: 401}))).toEqual(['auth', 401]);
	});

	test('analyzePosts checks the number of answers', async () => {
		const fetch = async () => Response.json({data: {analyzePosts: [analysis()]}});
		await expect(analyzePosts(fetch, 'http://x.test', 'k', [{text: 'a'}, {text: 'b'}])).rejects.toMatchObject({kind: 'not_graphql'});
	});
});

describe('connection test', () => {
	const run = async (fetch: (url: string, init: RequestInit) => Promise<Response>, permission = true) =>
		testConnection(fetch, 'http://127.0.0.1:8000', settings, async () => permission);
	const ok = async (url: string, init: RequestInit) => {
		const body = JSON.parse(String(init.body)) as {query: string};
		return body.query === PING_QUERY ? Response.json({data: {__typename: 'Query'}}) : Response.json({data: {analyzePosts: [analysis()]}});
	};

	test('pings, then analyses one post with the key', async () => {
		const api = fakeApi(call => ok(call.url, {body: JSON.stringify(call.body)}));
		expect(await run(api.fetch)).toEqual({ok: true, code: 'ok'});
		expect(api.calls.map(call => call.body.query)).toEqual([PING_QUERY, ANALYZE_QUERY]);
		expect(api.calls.every(call => call.headers.Authorization === 'Bearer demo-key')).toBe(true);
	});

	test('says what is wrong', async () => {
		expect(await run(async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({
			ok: false,
			code: 'network',
			params: ['http://127.0.0.1:8000/graphql'],
		});
		expect(await run(async () => Promise.reject(new TypeError('Failed to fetch')), false)).toEqual({
			ok: false,
			code: 'permission',
			params: ['http://127.0.0.1'],
		});
		expect(await run(async () => new Response('Not Found', {status: 404}))).toEqual({
			ok: false,
			code: 'http',
			params: ['404', 'http://127.0.0.1:8000/graphql'],
		});
		expect(await run(async () => Response.json({errors: [{message: 'no', extensions: {code: 'UNAUTHENTICATED'}}]}, {status: 401}))).toEqual({
			ok: false,
			code: 'auth',
		});
		expect(await run(async () => new Response('', {status: 429, headers: {'Retry-After': '12'}}))).toEqual({
			ok: false,
			code: 'rate_limited',
			params: ['12'],
		});
		expect(await run(async () => Response.json({data: {__typename: 'Query', analyzePosts: [analysis({degraded: true})]}}))).toEqual({
			ok: true,
			code: 'degraded',
		});
	});
});
