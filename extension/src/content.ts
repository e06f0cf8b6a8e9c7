/**
 * Content script entry (every frame of https://www.linkedin.com/*: after in-app navigation the
 * feed can be re-rendered inside a new iframe). Starts the enabled features once settings allow
 * it, and drives them with ONE debounced MutationObserver.
 */
import {draftCoaching} from './features/draft-coaching';
import {feedAnnotations} from './features/feed-annotations';
import {AnalyzeClient} from './lib/analyze-client';
import {debounce} from './lib/debounce';
import type {Feature, RunningFeature} from './lib/feature';
import {remember} from './lib/mirror';
import {CONNECTION_KEY, keyId, loadSettings, SETTINGS_KEY} from './shared/settings';
import {parseConnection, readyState} from './shared/status';
import {StatusLine} from './ui/status-line';

const FEATURES: readonly Feature[] = [feedAnnotations, draftCoaching];
const MARKER = 'data-teamcredit';

function main(): void {
	// Refuse to run twice in one document (e.g. the extension was reloaded and re-injected).
	if (document.documentElement.hasAttribute(MARKER)) return;
	document.documentElement.setAttribute(MARKER, '');

	let running: RunningFeature[] = [];
	let status: StatusLine | undefined;
	let generation = 0;

	const scanAll = (): void => {
		for (const feature of running) feature.scan();
	};

	// In-app navigation swaps the DOM (or the frame), so the observer also covers it: every scan is
	// a full, idempotent pass over the current document.
	const scheduleScan = debounce(scanAll, 120, 600);

	async function apply(): Promise<void> {
		const current = ++generation;
		const {settings} = await loadSettings(chrome.storage.local, chrome.storage.managed, navigator.language);
		const stored = await chrome.storage.local.get(CONNECTION_KEY);
		const state = readyState(settings, parseConnection(stored[CONNECTION_KEY]), await keyId(settings.apiKey));
		if (current !== generation) return; // A newer change won the race.

		for (const feature of running) feature.stop();
		running = [];
		status?.remove();
		if (!state.ready) return; // Nothing leaves the browser before a passed connection test.

		// A fresh client per settings: its memo assumes fixed reader country and UI language.
		const client = new AnalyzeClient(async message => chrome.runtime.sendMessage(message));
		// One status line per document that runs the features (the feed may live in an iframe).
		status = new StatusLine(document, settings.uiLanguage);
		const context = {
			document,
			settings,
			client,
			status,
			remember(entry: Parameters<typeof remember>[1]) {
				void remember(chrome.storage.local, entry).catch(() => undefined);
			},
		};
		running = FEATURES.filter(feature => feature.enabled(settings)).map(feature => feature.start(context));
		scanAll();
	}

	new MutationObserver(scheduleScan).observe(document.documentElement, {
		childList: true,
		subtree: true,
		characterData: true, // Typing in the composer edits text nodes in place.
	});
	window.addEventListener('popstate', scheduleScan);

	chrome.storage.onChanged.addListener((changes, area) => {
		if (area === 'managed' || (area === 'local' && (SETTINGS_KEY in changes || CONNECTION_KEY in changes))) {
			void apply();
		}
	});

	void apply();
}

main();
