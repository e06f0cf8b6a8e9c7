import {describe, expect, it} from 'vitest';
import {messages, translate} from '../src/i18n';

describe('messages', () => {
	it('has every English key in French, none empty', () => {
		expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
		for (const text of Object.values(messages.fr)) expect(text.trim()).not.toBe('');
	});

	it('fills placeholders', () => {
		expect(translate('fr', 'floor', {n: 5})).toContain('moins de 5 personnes');
	});
});
