/** Helpers shared by the options page and the popup. */
import {t, type MessageKey, isMessageKey} from '../shared/i18n';
import type {StatusResponse, TestResponse} from '../shared/messages';
import {loadSettings, type EffectiveSettings, originPattern, type Settings, SETTINGS_KEY, type UiLanguage} from '../shared/settings';

export const loadEffective = async (): Promise<EffectiveSettings> =>
	loadSettings(chrome.storage.local, chrome.storage.managed, navigator.language);

/** Writes the given fields into storage.local `settings`, keeping the others. */
export async function saveSettings(values: Partial<Settings>): Promise<void> {
	const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
	const previous = typeof stored === 'object' && stored !== null ? stored : {};
	await chrome.storage.local.set({[SETTINGS_KEY]: {...previous, ...values}});
}

/**
 * Asks for the API origin. Must run synchronously inside the click handler (user gesture).
 * Resolves false when refused or impossible; never rejects.
 */
export function requestOrigin(apiUrl: string): Promise<boolean> {
	try {
		return chrome.permissions.request({origins: [originPattern(apiUrl)]}).catch(() => false);
	} catch {
		return Promise.resolve(false);
	}
}

export function testMessage(lang: UiLanguage, response: Pick<TestResponse, 'code' | 'params'>): string {
	const key = `test_${response.code}`;
	return isMessageKey(key) ? t(lang, key, ...(response.params ?? [])) : t(lang, 'test_error', response.code);
}

export async function requestStatus(): Promise<StatusResponse> {
	return (await chrome.runtime.sendMessage({type: 'tc:status'})) as StatusResponse;
}

export async function requestTest(): Promise<TestResponse> {
	return (await chrome.runtime.sendMessage({type: 'tc:test'})) as TestResponse;
}

export function messageKey(key: string): MessageKey | undefined {
	return isMessageKey(key) ? key : undefined;
}
