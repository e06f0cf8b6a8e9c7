// refined-github-style selector tests, against committed fixtures instead of live pages.
import {describe, expect, test} from 'vitest';
import * as selectors from '../src/linkedin/selectors';
import {loadFixture, type FixtureName} from './helpers';

const documents: Record<FixtureName, Document> = {
	'feed-g1.html': loadFixture('feed-g1.html'),
	'feed-g3.html': loadFixture('feed-g3.html'),
};

const exported = selectors as unknown as Record<string, unknown>;
const isSelectorList = (value: unknown): value is readonly string[] =>
	Array.isArray(value) && value.length > 0 && value.every(item => typeof item === 'string');
const selectorLists = Object.entries(exported).filter(([, value]) => isSelectorList(value));

describe('selectors', () => {
	test('every selector list has a sibling expectation', () => {
		const missing = selectorLists.map(([name]) => name).filter(name => !Array.isArray(exported[`${name}_`]));
		expect(missing).toEqual([]);
	});

	for (const [name, candidates] of selectorLists) {
		const expectations = (exported[`${name}_`] ?? []) as selectors.Expectation;
		for (const [count, fixture] of expectations) {
			test(`${name} matches ${count} in ${fixture}`, () => {
				const list = candidates as readonly string[];
				const found = new Set(list.flatMap(selector => [...documents[fixture].querySelectorAll(selector)]));
				expect(found.size).toBe(count);
			});
		}
	}

	test('each candidate is valid CSS', () => {
		for (const [, candidates] of selectorLists) {
			for (const selector of candidates as readonly string[]) {
				expect(() => document.querySelector(selector)).not.toThrow();
			}
		}
	});

	test('queryFirst honours the candidate order and reports hits', () => {
		const hits: string[] = [];
		selectors.onSelectorHit((concern, candidate) => hits.push(`${concern}|${candidate}`));
		const g3 = documents['feed-g3.html'];
		expect(selectors.queryFirst(g3, 'textBox')?.getAttribute('data-testid')).toBe('expandable-text-box');
		selectors.onSelectorHit(undefined);
		expect(hits).toEqual(['textBox|[data-testid="expandable-text-box"]']);
		expect(selectors.selectorHits().get('textBox: [data-testid="expandable-text-box"]')).toBeGreaterThan(0);
	});

	test('queryAll returns each element once, in document order', () => {
		const g1 = documents['feed-g1.html'];
		const all = selectors.queryAll(g1, 'postUrnHolder');
		expect(new Set(all).size).toBe(all.length);
		for (let i = 1; i < all.length; i++) {
			expect(all[i - 1]!.compareDocumentPosition(all[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
		}
	});

});
