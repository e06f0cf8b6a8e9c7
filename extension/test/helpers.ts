import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Analysis} from '../src/shared/analysis';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export type FixtureName = 'feed-g1.html' | 'feed-g3.html';

/** Parses a committed fixture into a fresh Document (scripts never run). */
export function loadFixture(name: FixtureName): Document {
	const html = readFileSync(join(FIXTURES, name), 'utf8');
	return new DOMParser().parseFromString(html, 'text/html');
}

/** Replaces the global test document's content with a fixture (for code that uses `document`). */
export function mountFixture(name: FixtureName): Document {
	const parsed = loadFixture(name);
	document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
	return document;
}

export interface FixturePost {
	file: FixtureName;
	authorHandle: string | null;
	authorName: string;
	text: string;
	expectedOrientation: 'INDIVIDUAL' | 'BALANCED' | 'COLLECTIVE' | null;
	annotated: boolean;
	sponsored: boolean;
	truncated: boolean;
	urn: string | null;
	mentions: string[];
	repostOf: {authorHandle: string; text: string} | null;
	comments: Array<{authorHandle: string; text: string}>;
}

export const fixturePosts = JSON.parse(
	readFileSync(join(FIXTURES, 'posts.json'), 'utf8'),
) as FixturePost[];

/** A well-formed analysis, tweakable per test. */
export function analysis(overrides: Partial<Analysis> = {}): Analysis {
	return {
		framing: {
			orientation: 'INDIVIDUAL',
			score: 0.6,
			confidence: 0.8,
			mixedSignals: false,
			language: 'en',
			selfReferences: 3,
			collectiveReferences: 0,
			signals: [{kind: 'SELF_PROMOTION', weight: 1, span: {start: 0, end: 8, text: 'Thrilled'}}],
		},
		credit: [
			{
				person: {id: 'p-bob', name: 'Bob Nguyen', handle: 'bob-nguyen'},
				team: {id: 't-search', name: 'Search'},
				project: {id: 'pr-atlas', name: 'Atlas'},
				reason: 'PROJECT_CONTRIBUTOR',
				evidence: 'Contributed to Atlas as backend lead.',
				score: 0.9,
			},
		],
		suggestedPhrasing: 'Thanks to Bob Nguyen, who built the Atlas backend with me.',
		culture: {
			author: {country: 'US', name: 'United States', individualism: 91, orientation: 'INDIVIDUALIST'},
			reader: {country: 'FR', name: 'France', individualism: 71, orientation: 'INDIVIDUALIST'},
			summary: 'Self-promotion reads as less modest in France than in the United States.',
			notes: ['French readers tend to expect the team to be named.'],
			sources: ['Hofstede, Hofstede & Minkov, Cultures and Organizations, 3rd ed., 2010'],
		},
		author: {id: 'p-alice', name: 'Alice Martin', handle: 'alice-martin'},
		degraded: false,
		...overrides,
	};
}
