/**
 * UI strings. The _locales files are the single source: the browser uses them for the manifest,
 * and we bundle them here because hints follow the user's chosen language (settings.uiLanguage),
 * which chrome.i18n cannot do (it always follows the browser's language).
 */
import en from '../../static/_locales/en/messages.json';
import fr from '../../static/_locales/fr/messages.json';
import type {UiLanguage} from './settings';

interface Entry {
	message: string;
	placeholders?: Record<string, {content: string}>;
}

export type MessageKey = keyof typeof en;
const catalogs: Record<UiLanguage, Record<string, Entry | undefined>> = {en, fr};

/** chrome.i18n semantics: `$NAME$` → its placeholder's `$n` → the n-th substitution; `$$` → `$`. */
export function t(lang: UiLanguage, key: MessageKey, ...subs: Array<string | number>): string {
	const entry = catalogs[lang][key] ?? catalogs.en[key];
	if (!entry) return key;
	return entry.message
		.replace(/\$([\w@]+)\$/g, (whole, name: string) => {
			const content = entry.placeholders?.[name.toLowerCase()]?.content;
			return content === undefined ? whole : content.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
		})
		.replaceAll('$$', '$');
}

export function isMessageKey(key: string): key is MessageKey {
	return key in en;
}

/** Plural choice per language rules (French treats 0 and 1 as singular). */
export function plural(lang: UiLanguage, count: number, one: MessageKey, other: MessageKey): string {
	return t(lang, new Intl.PluralRules(lang).select(count) === 'one' ? one : other, count);
}

export function formatTime(lang: UiLanguage, timestamp: number): string {
	return new Date(timestamp).toLocaleTimeString(lang, {hour: '2-digit', minute: '2-digit', second: '2-digit'});
}

/** Fills `[data-i18n]` elements of an extension page (options, popup). */
export function localizePage(root: ParentNode, lang: UiLanguage): void {
	for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
		const key = element.dataset.i18n ?? '';
		if (isMessageKey(key)) element.textContent = t(lang, key);
	}

	document.documentElement.lang = lang;
}
