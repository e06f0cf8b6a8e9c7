/** Settings: chrome.storage.local `settings`, overridden field by field by chrome.storage.managed (policy). */
import {normaliseHandle} from '../linkedin/handles';
import {sha256Hex} from './hash';

export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface Settings {
	apiUrl: string;
	apiKey: string;
	handle: string;
	readerCountry: string;
	uiLanguage: UiLanguage;
	feed: boolean;
	composer: boolean;
	sponsored: boolean;
	/** Show a badge under every post, not only when there is something worth saying. */
	showAll: boolean;
}

export type SettingKey = keyof Settings;
export const SETTING_KEYS: readonly SettingKey[] = [
	'apiUrl',
	'apiKey',
	'handle',
	'readerCountry',
	'uiLanguage',
	'feed',
	'composer',
	'sponsored',
	'showAll',
];

export const SETTINGS_KEY = 'settings';
/** Result of the last connection test, in chrome.storage.local (holds no secret). */
export const CONNECTION_KEY = 'connection';

export interface ConnectionRecord {
	ok: boolean;
	apiUrl: string;
	/** Fingerprint of the key that was tested, so a new key needs a new test. */
	keyId: string;
	testedAt: number;
	/** Outcome: "ok", "degraded", "network", "auth", ... (message key `test_<code>`). */
	code: string;
	/** Substitutions for that message (URL, HTTP status, seconds). */
	params?: string[];
}

/** Browser locale → ISO country, for the reader-country default ("fr-FR" → FR, "ja" → JP). */
const LANGUAGE_COUNTRY: Record<string, string> = {
	da: 'DK', de: 'DE', el: 'GR', en: 'US', es: 'ES', fi: 'FI', fr: 'FR', he: 'IL', hi: 'IN', it: 'IT',
	ja: 'JP', ko: 'KR', nl: 'NL', nb: 'NO', no: 'NO', pl: 'PL', pt: 'PT', ru: 'RU', sv: 'SE', th: 'TH',
	tr: 'TR', vi: 'VN', zh: 'CN',
};

export function countryFromLocale(locale: string): string {
	const [language = '', ...rest] = locale.replace('_', '-').split('-');
	const region = rest.find(part => /^[A-Za-z]{2}$/.test(part));
	return region ? region.toUpperCase() : LANGUAGE_COUNTRY[language.toLowerCase()] ?? '';
}

export function defaultSettings(locale: string): Settings {
	return {
		apiUrl: '',
		apiKey: '',
		handle: '',
		readerCountry: countryFromLocale(locale),
		uiLanguage: locale.toLowerCase().startsWith('fr') ? 'fr' : 'en',
		feed: true,
		composer: true,
		sponsored: false,
		showAll: false,
	};
}

/** Keeps only known fields with the right type (storage and policy are outside our control). */
export function sanitizeSettings(raw: unknown): Partial<Settings> {
	if (typeof raw !== 'object' || raw === null) return {};
	const r = raw as Record<string, unknown>;
	const out: Partial<Settings> = {};
	if (typeof r.apiUrl === 'string') out.apiUrl = r.apiUrl.trim();
	if (typeof r.apiKey === 'string') out.apiKey = r.apiKey.trim();
	if (typeof r.handle === 'string') out.handle = r.handle.trim() === '' ? '' : normaliseHandle(r.handle) ?? '';
	if (typeof r.readerCountry === 'string' && /^(?:[A-Za-z]{2})?$/.test(r.readerCountry.trim())) {
		out.readerCountry = r.readerCountry.trim().toUpperCase();
	}

	if (r.uiLanguage === 'en' || r.uiLanguage === 'fr') out.uiLanguage = r.uiLanguage;
	for (const flag of ['feed', 'composer', 'sponsored', 'showAll'] as const) {
		if (typeof r[flag] === 'boolean') out[flag] = r[flag];
	}

	return out;
}

export interface EffectiveSettings {
	settings: Settings;
	/** Fields fixed by the organisation's policy; the options page shows them read-only. */
	managed: SettingKey[];
}

export function mergeSettings(defaults: Settings, local: unknown, managed: unknown): EffectiveSettings {
	const fromPolicy = sanitizeSettings(managed);
	return {
		settings: {...defaults, ...sanitizeSettings(local), ...fromPolicy},
		managed: SETTING_KEYS.filter(key => key in fromPolicy),
	};
}

export type ApiUrlCheck = {ok: true; url: string} | {ok: false; reason: 'empty' | 'invalid' | 'insecure'};

/** https anywhere; plain http only for this machine (a local demo server). */
export function checkApiUrl(raw: string): ApiUrlCheck {
	const input = raw.trim();
	if (!input) return {ok: false, reason: 'empty'};
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return {ok: false, reason: 'invalid'};
	}

	if (url.username || url.password || url.search || url.hash) return {ok: false, reason: 'invalid'};
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		return {ok: false, reason: url.protocol === 'http:' ? 'insecure' : 'invalid'};
	}

	// People paste the GraphQL endpoint itself: keep the base URL.
	const path = url.pathname.replace(/\/+$/, '').replace(/\/graphql$/, '');
	return {ok: true, url: `${url.origin}${path}`};
}

export function graphqlEndpoint(apiUrl: string): string {
	return `${apiUrl.replace(/\/+$/, '')}/graphql`;
}

/** Host permission pattern for the API origin (match patterns ignore the port). */
export function originPattern(apiUrl: string): string {
	const url = new URL(apiUrl);
	return `${url.protocol}//${url.hostname}/*`;
}

export async function keyId(apiKey: string): Promise<string> {
	return apiKey ? (await sha256Hex(`teamcredit-key:${apiKey}`)).slice(0, 16) : '';
}

export interface StorageAreaLike {
	get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

/** Reads local + managed settings. Managed storage throws where no policy schema exists (Firefox). */
export async function loadSettings(
	local: StorageAreaLike,
	managed: StorageAreaLike | undefined,
	locale: string,
): Promise<EffectiveSettings> {
	const stored = await local.get(SETTINGS_KEY);
	let policy: unknown = {};
	try {
		policy = managed ? await managed.get(null) : {};
	} catch {
		policy = {};
	}

	return mergeSettings(defaultSettings(locale), stored[SETTINGS_KEY], policy);
}
