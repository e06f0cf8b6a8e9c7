/**
 * Popup: are hints on, and if not, why not; the feature toggles and a connection test; and the
 * personal mirror of the user's own last posts (chrome.storage.local only), with "forget".
 */
import {localizePage, t} from '../shared/i18n';
import {forget, MIRROR_KEY, parseMirror} from '../lib/mirror';
import {CONNECTION_KEY, type EffectiveSettings, SETTINGS_KEY} from '../shared/settings';
import {loadEffective, requestOrigin, requestStatus, requestTest, saveSettings, testMessage} from '../options/store';
import {drawMirror, mirrorSentence} from './mirror-view';
import {hintsOn, reasons} from './status-text';

const FLAGS = ['feed', 'composer', 'sponsored', 'showAll'] as const;
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
	await renderMirror();
	document.body.dataset.ready = 'true';
}

async function renderMirror(): Promise<void> {
	const lang = current?.settings.uiLanguage ?? 'en';
	const entries = parseMirror((await chrome.storage.local.get(MIRROR_KEY))[MIRROR_KEY]);
	byId<HTMLParagraphElement>('mirrorSentence').textContent = mirrorSentence(lang, entries);
	drawMirror(document.getElementById('mirrorChart') as unknown as SVGSVGElement, lang, entries);
	byId<HTMLDivElement>('mirrorGraph').hidden = entries.length === 0;
	byId<HTMLButtonElement>('forget').disabled = entries.length === 0;
	document.body.dataset.mirror = String(entries.length);
}

byId<HTMLButtonElement>('forget').addEventListener('click', () => {
	void (async () => {
		await forget(chrome.storage.local);
		await renderMirror();
		byId<HTMLParagraphElement>('status').textContent = t(current?.settings.uiLanguage ?? 'en', 'mirror_forgotten');
	})();
});

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
	else if (area === 'local' && MIRROR_KEY in changes) void renderMirror();
});

void render();
