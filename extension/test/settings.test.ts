import {describe, expect, test} from 'vitest';
import {
	checkApiUrl,
	countryFromLocale,
	defaultSettings,
	graphqlEndpoint,
	keyId,
	loadSettings,
	mergeSettings,
	originPattern,
	type Settings,
} from '../src/shared/settings';
import {readyState} from '../src/shared/status';

describe('API URL', () => {
	test.each([
		['https://teamcredit.example.com', 'https://teamcredit.example.com'],
		['https://teamcredit.example.com/api/', 'https://teamcredit.example.com/api'],
		['https://teamcredit.example.com/graphql', 'https://teamcredit.example.com'],
		['http://127.0.0.1:8000', 'http://127.0.0.1:8000'],
		['http://localhost:8000/graphql/', 'http://localhost:8000'],
	])('accepts %s', (input, url) => {
		expect(checkApiUrl(input)).toEqual({ok: true, url});
	});

	test.each([
		['', 'empty'],
		['not a url', 'invalid'],
		['http://teamcredit.example.com', 'insecure'],
		['http://192.168.1.10:8000', 'insecure'],
		['ftp://teamcredit.example.com', 'invalid'],
		['https://user:pass@teamcredit.example.com', 'invalid'],
		['https://teamcredit.example.com/?q=1', 'invalid'],
	])('rejects %s (%s)', (input, reason) => {
		expect(checkApiUrl(input)).toEqual({ok: false, reason});
	});

	test('endpoint and permission pattern', () => {
		expect(graphqlEndpoint('http://127.0.0.1:8000')).toBe('http://127.0.0.1:8000/graphql');
		expect(originPattern('http://127.0.0.1:8000')).toBe('http://127.0.0.1/*');
		expect(originPattern('https://api.teamcredit.example/v1')).toBe('https://api.teamcredit.example/*');
	});
});

describe('settings', () => {
	test('defaults follow the browser locale', () => {
		expect(countryFromLocale('fr-FR')).toBe('FR');
		expect(countryFromLocale('en-GB')).toBe('GB');
		expect(countryFromLocale('ja')).toBe('JP');
		expect(countryFromLocale('xx')).toBe('');
		expect(defaultSettings('fr-CA')).toMatchObject({readerCountry: 'CA', uiLanguage: 'fr', feed: true, composer: true, sponsored: false, showAll: false});
	});

	test('policy fields win and are reported as managed; junk is dropped', () => {
		const {settings, managed} = mergeSettings(
			defaultSettings('en-US'),
			{apiUrl: 'http://127.0.0.1:8000', apiKey: 'local', handle: 'https://www.linkedin.com/in/Alice-Martin/', feed: 'yes', showAll: true, extra: 1},
			{apiKey: 'org-key', sponsored: true, uiLanguage: 'de', readerCountry: 'jp', showAll: 'always'},
		);
		expect(settings).toEqual({
			apiUrl: 'http://127.0.0.1:8000',
			apiKey: 'org-key',
			handle: 'alice-martin',
			readerCountry: 'JP',
			uiLanguage: 'en',
			feed: true,
			composer: true,
			sponsored: true,
			showAll: true,
		});
		expect(managed.sort()).toEqual(['apiKey', 'readerCountry', 'sponsored']);
	});

	test('a missing managed storage (Firefox without policy) is not an error', async () => {
		const local = {get: async () => ({settings: {apiKey: 'k'}})};
		const managed = {get: async () => Promise.reject(new Error('Managed storage manifest not found'))};
		expect((await loadSettings(local, managed, 'en-US')).settings.apiKey).toBe('k');
	});
});

describe('readiness: nothing leaves the browser before a passed test for this URL and key', () => {
	const base: Settings = {...defaultSettings('en-US'), apiUrl: 'http://127.0.0.1:8000', apiKey: 'key-1'};

	test('walks through each reason', async () => {
		const id = await keyId('key-1');
		const passed = {ok: true, apiUrl: 'http://127.0.0.1:8000', keyId: id, testedAt: 1, code: 'ok'};
		expect(readyState({...base, apiUrl: ''}, passed, id)).toEqual({ready: false, reason: 'no_url'});
		expect(readyState({...base, apiUrl: 'http://example.com'}, passed, id)).toEqual({ready: false, reason: 'bad_url'});
		expect(readyState({...base, apiKey: ''}, passed, '')).toEqual({ready: false, reason: 'no_key'});
		expect(readyState(base, undefined, id)).toEqual({ready: false, reason: 'not_tested'});
		expect(readyState(base, passed, await keyId('key-2'))).toEqual({ready: false, reason: 'not_tested'});
		expect(readyState(base, {...passed, ok: false, code: 'auth'}, id)).toEqual({ready: false, reason: 'test_failed'});
		expect(readyState(base, passed, id)).toEqual({ready: true, apiUrl: 'http://127.0.0.1:8000'});
	});

	test('the key fingerprint is not the key', async () => {
		const id = await keyId('secret-key');
		expect(id).toMatch(/^[0-9a-f]{16}$/);
		expect(id).not.toContain('secret');
	});
});
