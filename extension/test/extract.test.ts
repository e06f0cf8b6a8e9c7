import {describe, expect, test} from 'vitest';
import {
	composerAnchor,
	decodeTrackingScope,
	extractDraft,
	extractPost,
	findComposerEditors,
	findPosts,
	readText,
} from '../src/linkedin/extract';
import {queryAll} from '../src/linkedin/selectors';
import {fixturePosts, loadFixture, type FixtureName} from './helpers';

const FIXTURES: FixtureName[] = ['feed-g1.html', 'feed-g3.html'];

describe.each(FIXTURES)('%s', fixture => {
	const doc = loadFixture(fixture);
	const expected = fixturePosts.filter(post => post.file === fixture);
	const posts = findPosts(doc);
	const extracted = posts.map(post => extractPost(post));

	test('finds every post once: no comment, no nested repost, no suggestion module', () => {
		expect(posts).toHaveLength(expected.length);
		for (const post of posts) {
			expect(queryAll(doc, 'comment').some(comment => comment.contains(post) || post === comment)).toBe(false);
			expect(posts.some(other => other !== post && other.contains(post))).toBe(false);
		}
	});

	test('reads text, author, handle and mentions as the fixture data says', () => {
		expect(extracted.map(post => post?.text)).toEqual(expected.map(post => post.text));
		expect(extracted.map(post => post?.authorName)).toEqual(expected.map(post => post.authorName));
		expect(extracted.map(post => post?.authorHandle)).toEqual(expected.map(post => post.authorHandle ?? undefined));
		expect(extracted.map(post => post?.mentions.map(mention => mention.name))).toEqual(expected.map(post => post.mentions));
	});

	test('flags sponsored posts, reposts and truncated text', () => {
		expect(extracted.map(post => post?.sponsored)).toEqual(expected.map(post => post.sponsored));
		expect(extracted.map(post => post?.repost)).toEqual(expected.map(post => post.repostOf !== null));
		expect(extracted.map(post => post?.truncated)).toEqual(expected.map(post => post.truncated));
	});

	test('uses the URN when the DOM has one, else a stable hash', () => {
		for (const [index, post] of extracted.entries()) {
			const urn = expected[index]!.urn;
			expect(post?.id).toBe(urn ?? post?.id);
			if (urn) expect(post?.url).toBe(`https://www.linkedin.com/feed/update/${urn}/`);
			else expect(post?.id).toMatch(/^h:[0-9a-f]{14}$/);
		}

		expect(new Set(extracted.map(post => post?.id)).size).toBe(extracted.length);
	});

	test('never reads comment text or the reshared text as the post text', () => {
		const allText = extracted.map(post => post?.text).join('\n');
		for (const post of expected) {
			for (const comment of post.comments) expect(allText).not.toContain(comment.text);
			if (post.repostOf) expect(allText).not.toContain(post.repostOf.text);
		}
	});

	test('finds the composer editor inside the dialog, not the comment editor with the same label', () => {
		expect(queryAll(doc, 'composerEditor')).toHaveLength(2);
		const editors = findComposerEditors(doc);
		expect(editors).toHaveLength(1);
		expect(composerAnchor(editors[0]!)?.getAttribute('role')).toBe('dialog');
	});
});

describe('details', () => {
	test('G1: "…more" label, screen-reader copies and hashtag prefixes stay out of the text', () => {
		const doc = loadFixture('feed-g1.html');
		const paula = extractPost(findPosts(doc)[2]!)!;
		expect(paula.text).not.toContain('…more');
		expect(paula.text).toContain('#teamwork #comet');
		expect(paula.text).not.toContain('hashtag');
		expect(paula.text.split('\n\n')).toHaveLength(4); // <br><br> paragraphs survive.
		expect(paula.authorName).toBe('Paula Moreno'); // Not "Paula MorenoPaula Moreno".
	});

	test('G1: mention links are normalised (case, query, percent-encoding) and lose their "@"', () => {
		const doc = loadFixture('feed-g1.html');
		const posts = findPosts(doc).map(post => extractPost(post)!);
		expect(posts[1]!.mentions).toEqual([
			{name: 'Sam Taylor', handle: 'sam-taylor'},
			{name: 'Diego Santos', handle: 'diego-santos'},
		]);
		expect(posts.at(-1)!.mentions).toEqual([
			{name: 'Emma Dubois', handle: 'emma-dubois'},
			{name: 'Omar Benali', handle: 'omar-benali'},
		]);
	});

	test('G1: a "likes this" header is not the author', () => {
		const doc = loadFixture('feed-g1.html');
		const sam = findPosts(doc).map(post => extractPost(post)!).find(post => post.text.startsWith('I cut our cloud bill'))!;
		expect(sam.authorHandle).toBe('sam-taylor');
	});

	test('G3: text grows when "…more" expands, and the id stays the same', () => {
		const doc = loadFixture('feed-g3.html');
		const element = findPosts(doc)[1]!;
		const before = extractPost(element)!;
		expect(before.truncated).toBe(true);
		const box = queryAll(element, 'textBox')[0]!;
		box.textContent = `${before.text.slice(0, -1)} led every migration. I am proud of what I built.`;
		const after = extractPost(element)!;
		expect(after.truncated).toBe(false);
		expect(after.text.length).toBeGreaterThan(before.text.length);
		expect(after.id).toBe(before.id);
	});

	test('G3: sponsored is detected by the visible label in other languages too', () => {
		const doc = loadFixture('feed-g3.html');
		const element = findPosts(doc)[3]!;
		expect(extractPost(element)!.sponsored).toBe(true);
		const label = [...element.querySelectorAll('p')].find(p => p.textContent === 'Promoted')!;
		label.textContent = 'Sponsorisé';
		expect(extractPost(element)!.sponsored).toBe(true);
		label.textContent = '3h •';
		expect(extractPost(element)!.sponsored).toBe(false);
	});

	test('G3: a tracking scope that says sponsored marks the post sponsored', () => {
		const doc = loadFixture('feed-g3.html');
		const element = findPosts(doc)[0]!;
		const data = [...new TextEncoder().encode('{"updateUrn":"urn:li:activity:1","event":"SponsoredUpdateServed"}')];
		element.firstElementChild!.setAttribute('data-view-tracking-scope', JSON.stringify([{breadcrumb: {content: {data}}}]));
		expect(extractPost(element)!.sponsored).toBe(true);
	});

	test('a post without text is not annotated', () => {
		const doc = loadFixture('feed-g3.html');
		const element = findPosts(doc)[0]!;
		for (const box of queryAll(element, 'textBox')) box.textContent = '   ';
		expect(extractPost(element)).toBeNull();
	});

	test('the text is capped at 3000 code points without splitting an emoji', () => {
		const doc = loadFixture('feed-g3.html');
		const element = findPosts(doc)[0]!;
		queryAll(element, 'textBox')[0]!.textContent = '😀'.repeat(3100);
		const text = extractPost(element)!.text;
		expect([...text]).toHaveLength(3000);
		expect(text.endsWith('😀')).toBe(true);
	});

	test('readText keeps line breaks and block boundaries', () => {
		const div = document.createElement('div');
		div.append('a', document.createElement('br'), 'b');
		const p = document.createElement('p');
		p.textContent = 'c';
		div.append(p, 'd');
		expect(readText(div)).toBe('a\nb\nc\nd');
	});

	test('decodeTrackingScope decodes breadcrumb byte arrays and tolerates junk', () => {
		const data = [...new TextEncoder().encode('{"updateUrn":"urn:li:activity:42"}')];
		expect(decodeTrackingScope(JSON.stringify([{breadcrumb: {content: {data}}}]))).toBe('{"updateUrn":"urn:li:activity:42"}');
		expect(decodeTrackingScope('not json')).toBe('not json');
		expect(decodeTrackingScope('[{"breadcrumb":{"content":{"data":[999]}}}]')).toContain('999');
	});

	test('extractDraft reads the composer text and its mention chips without touching the editor', () => {
		const doc = loadFixture('feed-g1.html');
		const editor = findComposerEditors(doc)[0]!;
		editor.innerHTML = '<p>We shipped Atlas with <a href="https://www.linkedin.com/in/Bob-Nguyen/">Bob Nguyen</a>.</p><p>Thanks all!</p>'; // Test scaffolding only.
		const before = editor.outerHTML;
		expect(extractDraft(editor)).toEqual({
			text: 'We shipped Atlas with Bob Nguyen.\n\nThanks all!',
			mentions: [{name: 'Bob Nguyen', handle: 'bob-nguyen'}],
		});
		expect(editor.outerHTML).toBe(before);
	});
});
