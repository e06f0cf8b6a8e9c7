import {describe, expect, test} from 'vitest';
import {parseContentMessage, parsePageMessage, type SenderLike} from '../src/shared/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = {url: 'https://www.linkedin.com/feed/'};
const content: SenderLike = {id: ID, url: 'https://www.linkedin.com/feed/', origin: 'https://www.linkedin.com', tab};
const post = {text: 'We shipped Atlas together.', authorHandle: 'alice-martin', authorName: 'Alice Martin', mentions: [{name: 'Bob Nguyen', handle: 'bob-nguyen'}], urn: 'urn:li:activity:7390000000000000101', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000101/'};
const message = {type: 'tc:analyze', posts: [post]};

describe('content-script messages', () => {
	test('accepts a well-formed request from our content script on LinkedIn', () => {
		expect(parseContentMessage(message, content, ID)).toEqual(message);
		// A feed frame (all_frames) on LinkedIn is fine too.
		expect(parseContentMessage(message, {...content, url: 'https://www.linkedin.com/preload/'}, ID)).not.toBeNull();
	});

	test.each<[string, SenderLike]>([
		['another extension', {...content, id: 'someone-else'}],
		['no tab (an extension page)', {id: ID, url: ORIGIN}],
		['a frame of another site', {...content, url: 'https://evil.example/', origin: 'https://evil.example'}],
		['a LinkedIn frame in another site', {...content, tab: {url: 'https://evil.example/'}}],
		['a look-alike host', {...content, url: 'https://www.linkedin.com.evil.example/feed/', origin: undefined}],
		['plain http', {...content, url: 'http://www.linkedin.com/feed/', origin: 'http://www.linkedin.com'}],
		['a tab without a known URL', {...content, tab: {}}],
	])('rejects %s', (_, sender) => {
		expect(parseContentMessage(message, sender, ID)).toBeNull();
	});

	test.each<[string, unknown]>([
		['not an object', 'tc:analyze'],
		['an unknown type', {type: 'tc:other', posts: [post]}],
		['extra top-level keys', {...message, apiUrl: 'https://evil.example'}],
		['no posts', {type: 'tc:analyze', posts: []}],
		['more than 50 posts', {type: 'tc:analyze', posts: Array.from({length: 51}, () => post)}],
		['empty text', {type: 'tc:analyze', posts: [{text: '  '}]}],
		['text over 3000 code points', {type: 'tc:analyze', posts: [{text: 'x'.repeat(3001)}]}],
		['an extra post field', {type: 'tc:analyze', posts: [{...post, readerCountry: 'US'}]}],
		['a bad handle', {type: 'tc:analyze', posts: [{...post, authorHandle: 'a b'}]}],
		['a non-LinkedIn url', {type: 'tc:analyze', posts: [{...post, url: 'https://evil.example/x'}]}],
		['a bad urn', {type: 'tc:analyze', posts: [{...post, urn: 'javascript:alert(1)'}]}],
		['a bad mention', {type: 'tc:analyze', posts: [{...post, mentions: [{name: ''}]}]}],
		['too many mentions', {type: 'tc:analyze', posts: [{...post, mentions: Array.from({length: 51}, () => ({name: 'x'}))}]}],
	])('rejects %s', (_, bad) => {
		expect(parseContentMessage(bad, content, ID)).toBeNull();
	});

	test('3000 emoji are 3000 code points: accepted', () => {
		expect(parseContentMessage({type: 'tc:analyze', posts: [{text: '😀'.repeat(3000)}]}, content, ID)).not.toBeNull();
	});
});

describe('extension-page messages', () => {
	const page: SenderLike = {id: ID, url: `${ORIGIN}options/options.html`};

	test('accepts test and status from our own pages only', () => {
		expect(parsePageMessage({type: 'tc:test'}, page, ID, ORIGIN)).toEqual({type: 'tc:test'});
		expect(parsePageMessage({type: 'tc:status'}, page, ID, ORIGIN)).toEqual({type: 'tc:status'});
		expect(parsePageMessage({type: 'tc:test'}, content, ID, ORIGIN)).toBeNull();
		expect(parsePageMessage({type: 'tc:test'}, {...page, id: 'other'}, ID, ORIGIN)).toBeNull();
		expect(parsePageMessage({type: 'tc:test', apiUrl: 'x'}, page, ID, ORIGIN)).toBeNull();
		expect(parsePageMessage({type: 'tc:analyze', posts: [post]}, page, ID, ORIGIN)).toBeNull();
	});
});
