/** Options page. Element ids are stable: the end-to-end test fills them through this real UI. */
import {t, localizePage, type MessageKey} from '../shared/i18n';
import type {TestResponse} from '../shared/messages';
import {checkApiUrl, CONNECTION_KEY, SETTING_KEYS, type Settings, type SettingKey, type UiLanguage} from '../shared/settings';
import {normaliseHandle} from '../linkedin/handles';
import {COUNTRIES} from './countries';
import {loadEffective, requestOrigin, requestStatus, requestTest, saveSettings, testMessage} from './store';

const TEXT_FIELDS = ['apiUrl', 'apiKey', 'handle', 'readerCountry'] as const;
const FLAGS = ['feed', 'composer', 'sponsored', 'showAll'] as const;
/** How long a test waits for the permission prompt before trying anyway (CORS may allow it). */
const PERMISSION_WAIT_MS = 2000;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const input = (id: SettingKey): HTMLInputElement => byId<HTMLInputElement>(id);
const statusLine = byId<HTMLParagraphElement>('status');

let lang: UiLanguage = 'en';
let managed: SettingKey[] = [];
/** Set by the first click on "Test": the stored result shown at load is then out of date. */
let testStarted = false;

function show(message: string, result: 'ok' | 'error' | 'pending' | 'saved'): void {
	statusLine.textContent = message;
	statusLine.dataset.result = result;
}

function showTest(response: Pick<TestResponse, 'ok' | 'code' | 'params'>): void {
	show(testMessage(lang, response), response.ok ? 'ok' : 'error');
}

function fill(settings: Settings): void {
	for (const key of TEXT_FIELDS) input(key).value = settings[key];
	byId<HTMLSelectElement>('uiLanguage').value = settings.uiLanguage;
	for (const key of FLAGS) input(key).checked = settings[key];
	for (const key of managed) {
		const field = byId<HTMLInputElement | HTMLSelectElement>(key);
		field.disabled = true;
		const label = document.querySelector(`label[for="${key}"]`);
		if (label && !label.querySelector('.managed')) {
			const note = document.createElement('span');
			note.className = 'managed';
			note.textContent = t(lang, 'managed_note');
			label.append(note);
		}
	}
}

function readForm(): Settings {
	return {
		apiUrl: input('apiUrl').value.trim(),
		apiKey: input('apiKey').value.trim(),
		handle: input('handle').value.trim(),
		readerCountry: input('readerCountry').value.trim().toUpperCase(),
		uiLanguage: byId<HTMLSelectElement>('uiLanguage').value === 'fr' ? 'fr' : 'en',
		feed: input('feed').checked,
		composer: input('composer').checked,
		sponsored: input('sponsored').checked,
		showAll: input('showAll').checked,
	};
}

/** Returns the values to store, or the message key of the first problem. */
function validate(values: Settings): {values: Settings} | {error: MessageKey; field: SettingKey} {
	if (values.apiUrl) {
		const url = checkApiUrl(values.apiUrl);
		if (!url.ok) return {error: `invalid_url_${url.reason}`, field: 'apiUrl'};
		values = {...values, apiUrl: url.url};
	}

	if (values.readerCountry && !/^[A-Z]{2}$/.test(values.readerCountry)) return {error: 'invalid_country', field: 'readerCountry'};
	if (values.handle) {
		const handle = normaliseHandle(values.handle);
		if (!handle) return {error: 'invalid_handle', field: 'handle'};
		values = {...values, handle};
	}

	return {values};
}

/** Saves what the user may change (policy fields stay out of local storage). */
async function persist(values: Settings): Promise<void> {
	const own = Object.fromEntries(SETTING_KEYS.filter(key => !managed.includes(key)).map(key => [key, values[key]]));
	await saveSettings(own);
	lang = values.uiLanguage;
	localizePage(document, lang);
	fill(values);
}

/** Validation + permission request; the request must start synchronously, inside the click. */
function prepare(): {values: Settings; permission: Promise<boolean> | undefined} | undefined {
	const checked = validate(readForm());
	if ('error' in checked) {
		show(t(lang, checked.error), 'error');
		byId(checked.field).focus();
		return undefined;
	}

	const permission = checked.values.apiUrl ? requestOrigin(checked.values.apiUrl) : undefined;
	return {values: checked.values, permission};
}

async function runTest(): Promise<void> {
	show(t(lang, 'testing'), 'pending');
	showTest(await requestTest());
}

byId<HTMLFormElement>('form').addEventListener('submit', event => {
	event.preventDefault();
	const prepared = prepare();
	if (!prepared) return;
	void (async () => {
		await persist(prepared.values);
		show(t(lang, 'saved'), 'saved');
		// The worker tests new URL + key pairs by itself; the result arrives via storage.onChanged.
	})();
});

byId<HTMLButtonElement>('test').addEventListener('click', () => {
	const prepared = prepare();
	if (!prepared) return;
	// At once, not after the save: until then the line could still say the previous key worked.
	testStarted = true;
	show(t(lang, 'testing'), 'pending');
	void (async () => {
		await persist(prepared.values);
		if (!prepared.values.apiUrl) {
			show(t(lang, 'test_bad_url'), 'error');
			return;
		}

		const granted = prepared.permission
			? await Promise.race([prepared.permission, new Promise<undefined>(resolve => setTimeout(resolve, PERMISSION_WAIT_MS))])
			: undefined;
		await runTest();
		// The prompt was still open: test again once the user has answered it.
		if (granted === undefined && prepared.permission && (await prepared.permission)) await runTest();
	})();
});

chrome.storage.onChanged.addListener((changes, area) => {
	if (area !== 'local' || !(CONNECTION_KEY in changes)) return;
	const record = changes[CONNECTION_KEY]?.newValue as TestResponse | undefined;
	if (record && typeof record.code === 'string') showTest(record);
});

async function init(): Promise<void> {
	const effective = await loadEffective();
	lang = effective.settings.uiLanguage;
	managed = effective.managed;
	localizePage(document, lang);
	document.title = t(lang, 'options_title');
	const names = new Intl.DisplayNames([lang], {type: 'region'});
	const list = byId<HTMLDataListElement>('countries');
	for (const code of COUNTRIES) {
		const option = document.createElement('option');
		option.value = code;
		option.label = names.of(code) ?? code;
		list.append(option);
	}

	fill(effective.settings);
	byId<HTMLFieldSetElement>('controls').disabled = false;
	document.body.dataset.ready = 'true';
	const status = await requestStatus().catch(() => undefined);
	// A slow worker can answer after a test was started: its stored result is for the old key.
	if (status?.connection && !testStarted) showTest(status.connection);
}

void init();
