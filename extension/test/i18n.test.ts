import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {plural, t} from '../src/shared/i18n';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
type Catalog = Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
const load = (lang: string): Catalog => JSON.parse(readFileSync(join(ROOT, 'static/_locales', lang, 'messages.json'), 'utf8')) as Catalog;
const en = load('en');
const fr = load('fr');

/** Every source file, to find the message keys the code and pages use. */
function sources(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|html)$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
}

describe('locales', () => {
	test('en and fr define the same keys', () => {
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
	});

	test('placeholders match between languages and are all defined', () => {
		for (const [key, entry] of Object.entries(en)) {
			const used = (catalog: Catalog) => [...catalog[key]!.message.matchAll(/\$([A-Z_]+)\$/g)].map(m => m[1]!.toLowerCase()).sort();
			expect(used(fr), key).toEqual(used(en));
			for (const name of used(en)) expect(entry.placeholders?.[name], `${key}.${name}`).toBeDefined();
		}
	});

	test('messages are not empty and names fit the stores (name ≤ 45, description ≤ 132)', () => {
		for (const catalog of [en, fr]) {
			for (const [key, entry] of Object.entries(catalog)) expect(entry.message.trim(), key).not.toBe('');
			expect(catalog.extName!.message.length).toBeLessThanOrEqual(45);
			expect(catalog.extDescription!.message.length).toBeLessThanOrEqual(132);
		}
	});

	test('every key used by pages (data-i18n) and the manifest exists', () => {
		const used = new Set<string>();
		for (const file of sources(join(ROOT, 'src'))) {
			for (const match of readFileSync(file, 'utf8').matchAll(/data-i18n="([^"]+)"/g)) used.add(match[1]!);
		}

		for (const match of readFileSync(join(ROOT, 'static/manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(match[1]!);
		expect([...used].filter(key => !(key in en))).toEqual([]);
	});

	test('t() substitutes placeholders like chrome.i18n', () => {
		expect(t('en', 'headline_credit_author_other', 3)).toBe('3 people you could credit');
		expect(t('fr', 'test_http', 404, 'http://x/graphql')).toBe('Le serveur a répondu HTTP 404 à http://x/graphql. Est-ce bien l’URL de l’API TeamCredit ?');
		expect(t('en', 'culture_more_individual', 'United States', 'Japan', 46, 91)).toMatch(
			/^Individualism scores 91\/100 where the author is \(United States\) and 46\/100 where you are \(Japan\)/,
		);
	});

	test('plurals follow each language (French: 0 and 1 are singular)', () => {
		const [one, other] = ['headline_credit_author_one', 'headline_credit_author_other'] as const;
		expect(plural('en', 1, one, other)).toBe('1 person you could credit');
		expect(plural('en', 0, one, other)).toBe('0 people you could credit');
		expect(plural('fr', 0, one, other)).toBe('0 personne à créditer');
		expect(plural('fr', 2, one, other)).toBe('2 personnes à créditer');
	});
});
