import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {SETTING_KEYS} from '../src/shared/settings';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = (path: string): Record<string, any> => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, any>;
const manifest = json('static/manifest.json');

test('minimal permissions: storage, the LinkedIn host, the API origin only at run time', () => {
	expect(manifest.manifest_version).toBe(3);
	expect(manifest.permissions).toEqual(['storage']);
	expect(manifest.host_permissions).toEqual(['https://www.linkedin.com/*']);
	expect(manifest.optional_host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*']);
	expect(manifest.content_security_policy).toBeUndefined(); // Default CSP: no remote code, no eval.
	expect(manifest.externally_connectable).toBeUndefined();
	expect(manifest.web_accessible_resources).toBeUndefined();
});

test('one manifest for Chromium and Firefox', () => {
	expect(manifest.background).toEqual({service_worker: 'background.js', scripts: ['background.js']});
	expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
	expect(manifest.content_scripts).toEqual([
		{matches: ['https://www.linkedin.com/*'], js: ['content.js'], all_frames: true, run_at: 'document_idle'},
	]);
});

test('the managed schema describes exactly the settings fields', () => {
	expect(manifest.storage.managed_schema).toBe('managed_schema.json');
	const schema = json('static/managed_schema.json');
	expect(Object.keys(schema.properties).sort()).toEqual([...SETTING_KEYS].sort());
});

test('pages referenced by the manifest exist in the sources', () => {
	expect(existsSync(join(ROOT, 'src', manifest.options_ui.page))).toBe(true);
	expect(existsSync(join(ROOT, 'src', manifest.action.default_popup))).toBe(true);
	expect(existsSync(join(ROOT, 'static/_locales', manifest.default_locale, 'messages.json'))).toBe(true);
});
