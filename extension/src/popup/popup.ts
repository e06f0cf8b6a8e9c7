/** Popup: are hints on, and if not, why not. Plus the feature toggles and a connection test. */
import {localizePage, t} from '../shared/i18n';
import {CONNECTION_KEY, type EffectiveSettings, SETTINGS_KEY} from '../shared/settings';
import {loadEffective, requestOrigin, requestStatus, requestTest, saveSettings, testMessage} from '../options/store';
import {hintsOn, reasons} from './status-text';

const FLAGS = ['feed', 'composer', 'sponsored'] as const;
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let current: EffectiveSettings | undefined;

async function render(): Promise<void> {
	const [status, effective] = await Promise.all([requestStatus(), loadEffective()]);
	current = effective;
	const lang = effective.settings.uiLanguage;
	localizePage(document, lang);
	const line = byId<HTMLParagraphElement>('hintsStatus');
	line.textContent = t(lang, hintsOn(status) ? 'popup_on' : 'popup_off');
	line.dataset.on = String(hintsOn(status));
	byId<HTMLUListElement>('reasons').replaceChildren(
		...reasons(lang, status).map(text => {
			const item = document.createElement('li');
			item.textContent = text;
			return item;
		}),
	);
	for (const flag of FLAGS) {
		const box = byId<HTMLInputElement>(flag);
		box.checked = effective.settings[flag];
		box.disabled = effective.managed.includes(flag);
	}

	byId<HTMLFieldSetElement>('controls').disabled = false; // Only now do the toggles show stored values.
	document.body.dataset.ready = 'true';
}

for (const flag of FLAGS) {
	byId<HTMLInputElement>(flag).addEventListener('change', event => {
		void saveSettings({[flag]: (event.target as HTMLInputElement).checked});
	});
}

byId<HTMLButtonElement>('test').addEventListener('click', () => {
	if (!current) return;
	const {settings} = current;
	if (settings.apiUrl) void requestOrigin(settings.apiUrl); // Synchronously, inside the click.
	void (async () => {
		const line = byId<HTMLParagraphElement>('status');
		line.textContent = t(settings.uiLanguage, 'testing');
		const response = await requestTest();
		line.textContent = testMessage(settings.uiLanguage, response);
		line.dataset.result = response.ok ? 'ok' : 'error';
	})();
});

byId<HTMLButtonElement>('openOptions').addEventListener('click', () => {
	void chrome.runtime.openOptionsPage();
	window.close();
});

chrome.storage.onChanged.addListener((changes, area) => {
	if (area === 'managed' || SETTINGS_KEY in changes || CONNECTION_KEY in changes) void render();
});

void render();
