import {expect, test} from 'vitest';
import {AnalyzeClient, requestKey} from '../src/lib/analyze-client';
import type {AnalyzeRequest} from '../src/shared/messages';
import {analysis} from './helpers';

function client(degraded = false) {
	const messages: AnalyzeRequest[] = [];
	const instance = new AnalyzeClient(async message => {
		messages.push(message);
		return {results: message.posts.map(() => ({status: 'ok', analysis: analysis({degraded})}))};
	});
	return {messages, instance};
}

test('posts asked for in one scan go out as one message; 120 posts as three', async () => {
	const {messages, instance} = client();
	await Promise.all(Array.from({length: 120}, (_, i) => instance.analyze({text: `post ${i}`})));
	expect(messages.map(message => message.posts.length)).toEqual([50, 50, 20]);
});

test('answers are remembered; identical requests in flight are shared', async () => {
	const {messages, instance} = client();
	await Promise.all([instance.analyze({text: 'a'}), instance.analyze({text: 'a'})]);
	await instance.analyze({text: 'a'});
	expect(messages).toHaveLength(1);
	expect(messages[0]!.posts).toHaveLength(1);
});

test('degraded answers are not remembered (full hints may come back)', async () => {
	const {messages, instance} = client(true);
	await instance.analyze({text: 'a'});
	await instance.analyze({text: 'a'});
	expect(messages).toHaveLength(2);
});

test('a malformed or missing answer becomes an internal error with a retry time', async () => {
	const instance = new AnalyzeClient(async () => ({results: []}), () => 1000);
	expect(await instance.analyze({text: 'a'})).toEqual({status: 'error', error: 'internal', retryAt: 6000});
});

test('the request key covers text, author and mentions', () => {
	const base = requestKey({text: 't', authorHandle: 'a'});
	expect(requestKey({text: 't', authorHandle: 'a'})).toBe(base);
	expect(requestKey({text: 't', authorHandle: 'b'})).not.toBe(base);
	expect(requestKey({text: 't', authorHandle: 'a', mentions: [{name: 'B'}]})).not.toBe(base);
});
