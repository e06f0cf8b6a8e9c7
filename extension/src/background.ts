/**
 * Service worker (Chromium) / event page (Firefox). Owns every request to the TeamCredit API:
 * content scripts and extension pages only send it validated messages.
 */
import {AnswerCache, memoryArea, type KeyValueArea} from './background/cache';
import {Backoff, type BackoffState} from './background/backoff';
import {testConnection} from './background/connection';
import {AnalyzeService, type Config} from './background/service';
import {
	parseContentMessage,
	parsePageMessage,
	type PostResult,
	type StatusResponse,
	type TestResponse,
} from './shared/messages';
import {
	checkApiUrl,
	CONNECTION_KEY,
	type ConnectionRecord,
	keyId,
	loadSettings,
	originPattern,
	SETTINGS_KEY,
} from './shared/settings';
import {connectionMatches, parseConnection, readyState} from './shared/status';

const BACKOFF_KEY = 'tc:backoff';
const sessionArea: KeyValueArea = chrome.storage.session ?? memoryArea();

// The worker can be stopped at any time: the gate lives in storage.session so a restart does
// not forget a Retry-After or a refused key.
const backoff = new Backoff(Date.now, Math.random, state => void sessionArea.set({[BACKOFF_KEY]: state}));
const restored = sessionArea
	.get(BACKOFF_KEY)
	.then(stored => backoff.restore((stored[BACKOFF_KEY] as BackoffState | null | undefined) ?? null))
	.catch(() => undefined);
const cache = new AnswerCache(sessionArea);

const effectiveSettings = async () => loadSettings(chrome.storage.local, chrome.storage.managed, navigator.language);

async function currentConnection(): Promise<ConnectionRecord | undefined> {
	return parseConnection((await chrome.storage.local.get(CONNECTION_KEY))[CONNECTION_KEY]);
}

let configPromise: Promise<Config> | undefined;
async function loadConfig(): Promise<Config> {
	const {settings} = await effectiveSettings();
	const state = readyState(settings, await currentConnection(), await keyId(settings.apiKey));
	return {ready: state.ready, apiUrl: state.ready ? state.apiUrl : '', settings};
}

const service = new AnalyzeService({
	fetch: async (url, init) => fetch(url, init),
	cache,
	backoff,
	config: async () => (configPromise ??= loadConfig()),
});

const runningTests = new Map<string, Promise<TestResponse>>();

/** Tests the current URL + key and records the outcome (which opens or keeps closed the gate). */
async function runTest(): Promise<TestResponse> {
	const {settings} = await effectiveSettings();
	const url = checkApiUrl(settings.apiUrl);
	if (!url.ok) return {ok: false, code: 'bad_url'};
	if (!settings.apiKey) return {ok: false, code: 'no_key'};
	const id = await keyId(settings.apiKey);
	const slot = `${url.url} ${id}`;
	let running = runningTests.get(slot);
	if (!running) {
		running = (async () => {
			const outcome = await testConnection(
				async (input, init) => fetch(input, init),
				url.url,
				settings,
				async () => chrome.permissions.contains({origins: [originPattern(url.url)]}),
			);
			const record: ConnectionRecord = {ok: outcome.ok, apiUrl: url.url, keyId: id, testedAt: Date.now(), code: outcome.code};
			if (outcome.params) record.params = outcome.params;
			if (outcome.ok) backoff.reset();
			await chrome.storage.local.set({[CONNECTION_KEY]: record});
			return outcome;
		})().finally(() => runningTests.delete(slot));
		runningTests.set(slot, running);
	}

	return running;
}

/** Settings that appear without a test (first save, or pushed by policy) are tested once, automatically. */
async function autoTest(): Promise<void> {
	const {settings} = await effectiveSettings();
	const url = checkApiUrl(settings.apiUrl);
	if (!url.ok || !settings.apiKey) return;
	if (connectionMatches(await currentConnection(), url.url, await keyId(settings.apiKey))) return;
	await runTest();
}

async function status(): Promise<StatusResponse> {
	const {settings} = await effectiveSettings();
	const connection = await currentConnection();
	const id = await keyId(settings.apiKey);
	const state = readyState(settings, connection, id);
	const url = checkApiUrl(settings.apiUrl);
	await restored;
	return {
		ready: state.ready,
		...(state.ready ? {} : {reason: state.reason}),
		connection:
			connection && url.ok && connectionMatches(connection, url.url, id)
				? {ok: connection.ok, code: connection.code, testedAt: connection.testedAt, ...(connection.params ? {params: connection.params} : {})}
				: null,
		blocked: backoff.blocked(),
		feed: settings.feed,
		composer: settings.composer,
		uiLanguage: settings.uiLanguage,
	};
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
	const request = parseContentMessage(message, sender, chrome.runtime.id);
	if (request) {
		const failed: PostResult = {status: 'error', error: 'internal', retryAt: Date.now() + 5000};
		restored
			.then(async () => service.analyze(request.posts))
			.then(
				results => sendResponse({results}),
				() => sendResponse({results: request.posts.map(() => failed)}),
			);
		return true; // Answer asynchronously.
	}

	const page = parsePageMessage(message, sender, chrome.runtime.id, chrome.runtime.getURL(''));
	if (page?.type === 'tc:test') {
		runTest().then(sendResponse, (error: unknown) => sendResponse({ok: false, code: 'error', params: [String(error)]}));
		return true;
	}

	if (page?.type === 'tc:status') {
		void status().then(sendResponse);
		return true;
	}

	return false; // Anything else is ignored: not ours, or malformed.
});

chrome.storage.onChanged.addListener((changes, area) => {
	const settingsChanged = area === 'managed' || (area === 'local' && SETTINGS_KEY in changes);
	if (settingsChanged || (area === 'local' && CONNECTION_KEY in changes)) configPromise = undefined;
	if (settingsChanged) {
		// New URL, key, reader country or language: old answers and old blocks no longer apply.
		void cache.clear();
		backoff.reset();
		void autoTest();
	}
});

void autoTest();
