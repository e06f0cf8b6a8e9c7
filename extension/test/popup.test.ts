import {expect, test} from 'vitest';
import type {StatusResponse} from '../src/shared/messages';
import {hintsOn, reasons} from '../src/popup/status-text';

const on: StatusResponse = {ready: true, connection: {ok: true, code: 'ok', testedAt: 1}, blocked: null, feed: true, composer: true, uiLanguage: 'en'};

test('says hints are on when ready, unblocked and a feature is enabled', () => {
	expect(hintsOn(on)).toBe(true);
	expect(reasons('en', on)).toEqual([]);
});

test('says why hints are off', () => {
	expect(reasons('en', {...on, ready: false, reason: 'no_url', connection: null})).toEqual(['No API URL is set.']);
	const failed = {...on, ready: false, reason: 'test_failed', connection: {ok: false, code: 'auth', testedAt: 1}};
	expect(hintsOn(failed)).toBe(false);
	expect(reasons('en', failed)).toEqual([
		'The last connection test failed.',
		'The API refused the key (UNAUTHENTICATED). Check it, or create a new one.',
	]);
	const limited = {...on, blocked: {kind: 'rate_limited', until: Date.parse('2026-05-01T10:00:30Z')}};
	expect(hintsOn(limited)).toBe(false);
	expect(reasons('en', limited)[0]).toMatch(/^Rate limited: hints are paused until /);
	expect(reasons('fr', {...on, feed: false})).toEqual(['Les annotations du fil sont désactivées.']);
});
