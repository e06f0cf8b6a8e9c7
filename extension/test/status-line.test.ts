import {afterEach, describe, expect, test} from 'vitest';
import {STATUS_TAG, StatusLine} from '../src/ui/status-line';

afterEach(() => document.body.replaceChildren());

const text = () => document.querySelector(STATUS_TAG)?.shadowRoot?.querySelector('[role="status"] p')?.textContent ?? '';

describe('the one status line', () => {
	test('one line however many posts fail, in words with what to do, gone on the next answer', () => {
		const line = new StatusLine(document, 'en', () => Date.UTC(2026, 0, 1, 9, 30));
		for (let i = 0; i < 10; i++) line.failed('network', Date.UTC(2026, 0, 1, 9, 31));
		expect(document.querySelectorAll(STATUS_TAG)).toHaveLength(1);
		expect(text()).toContain('cannot reach its server');
		expect(text()).toContain('check that the server is running');
		line.failed('auth');
		expect(document.querySelectorAll(STATUS_TAG)).toHaveLength(1);
		expect(text()).toContain('API key was refused');
		expect(text()).toContain("Open TeamCredit's settings");
		expect(text()).not.toMatch(/\b40[13]\b|HTTP|UNAUTHENTICATED/);
		line.succeeded();
		expect(document.querySelector(STATUS_TAG)).toBeNull();
	});

	test('one-post problems and restarts are not worth a line; dismiss holds until something changes', () => {
		const line = new StatusLine(document, 'fr');
		line.failed('bad_input');
		line.failed('internal');
		line.failed('not_configured');
		expect(document.querySelector(STATUS_TAG)).toBeNull();
		line.failed('forbidden');
		expect(text()).toContain('ne permet pas');
		document.querySelector(STATUS_TAG)!.shadowRoot!.querySelector('button')!.click();
		expect(document.querySelector(STATUS_TAG)).toBeNull();
		line.failed('forbidden');
		expect(document.querySelector(STATUS_TAG)).toBeNull();
		line.failed('unavailable');
		expect(document.querySelector(STATUS_TAG)).not.toBeNull();
	});
});
