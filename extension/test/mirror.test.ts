import {describe, expect, test} from 'vitest';
import {forget, MIRROR_KEY, MIRROR_SIZE, type MirrorEntry, parseMirror, remember, summarise, upsert} from '../src/lib/mirror';
import {drawMirror, mirrorSentence} from '../src/popup/mirror-view';

const entry = (id: string, at: number, framing: MirrorEntry['framing'] = 'INDIVIDUAL', credited = 0): MirrorEntry => ({
	id,
	at,
	kind: 'draft',
	framing,
	credited,
});

/** chrome.storage.local's shape, in memory. */
function area() {
	const data: Record<string, unknown> = {};
	return {
		data,
		get: async (key: string) => (key in data ? {[key]: structuredClone(data[key])} : {}),
		set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
		remove: async (key: string) => void delete data[key],
	};
}

describe('the personal mirror', () => {
	test('keeps well-formed entries only, newest first, at most 30', () => {
		const many = Array.from({length: 40}, (_, i) => entry(`d${i}`, i));
		const parsed = parseMirror([...many, {id: 'x', at: 1, framing: 'HEROIC', credited: 0}, {id: 'y'}, null, 'z']);
		expect(parsed).toHaveLength(MIRROR_SIZE);
		expect(parsed[0]!.id).toBe('d39');
		expect(parseMirror({not: 'a list'})).toEqual([]);
	});

	test('a revised draft is one entry, moved to the front', () => {
		const list = upsert(upsert([entry('a', 1)], entry('b', 2)), entry('a', 3, 'BALANCED', 2));
		expect(list.map(e => [e.id, e.framing])).toEqual([
			['a', 'BALANCED'],
			['b', 'INDIVIDUAL'],
		]);
	});

	test('the sentence and the chart say the same counts', () => {
		const entries = [
			...Array.from({length: 7}, (_, i) => entry(`i${i}`, i, 'INDIVIDUAL', i < 1 ? 1 : 0)),
			entry('c1', 10, 'COLLECTIVE', 3),
			entry('c2', 11, 'BALANCED', 1),
			entry('m', 12, 'MIXED', 0),
		];
		expect(summarise(entries)).toEqual({total: 10, spotlight: 7, credited: 3});
		expect(mirrorSentence('en', parseMirror(entries))).toBe('7 of your last 10 posts put the spotlight on you; 3 credited someone.');
		expect(mirrorSentence('en', [entry('a', 1, 'INDIVIDUAL', 0)])).toBe('Your last post put the spotlight on you and credited no one.');
		expect(mirrorSentence('en', [])).toContain('Nothing yet');
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		drawMirror(svg, 'en', parseMirror(entries));
		expect(svg.querySelectorAll('rect')).toHaveLength(10);
		expect(svg.querySelectorAll('rect.spotlight')).toHaveLength(7);
		expect(svg.querySelectorAll('circle.credited')).toHaveLength(3);
		expect(svg.getAttribute('aria-label')).toContain('7 put the spotlight on you, 3 credited someone');
	});

	test('remember writes to local storage only, and forget removes it', async () => {
		const local = area();
		await Promise.all([remember(local, entry('a', 1)), remember(local, entry('b', 2)), remember(local, entry('a', 3))]);
		expect(parseMirror(local.data[MIRROR_KEY]).map(e => e.id)).toEqual(['a', 'b']);
		await forget(local);
		expect(MIRROR_KEY in local.data).toBe(false);
	});
});
