import {describe, expect, test} from 'vitest';
import {codePointLength, codePointToUtf16, spanToUtf16, truncateCodePoints} from '../src/shared/spans';

describe('code-point spans → UTF-16', () => {
	// "🚀 " is 2 code points but 3 UTF-16 units: Python offsets are 1 less than JS offsets per emoji.
	const text = '🚀🎉 Thrilled to announce I shipped Atlas 👩‍💻 with the team';

	test('shifts offsets after astral characters', () => {
		const start = [...text].indexOf('T'); // Code points, as the API counts.
		expect(start).toBe(3);
		expect(codePointToUtf16(text, start)).toBe(5);
		const range = spanToUtf16(text, {start, end: start + 8, text: 'Thrilled'})!;
		expect(text.slice(range.start, range.end)).toBe('Thrilled');
	});

	test('handles ZWJ sequences before the span (each code point counts)', () => {
		const points = [...text];
		const start = points.indexOf('w', points.indexOf('👩'));
		const range = spanToUtf16(text, {start, end: start + 4, text: 'with'})!;
		expect(text.slice(range.start, range.end)).toBe('with');
	});

	test('falls back to the span text when offsets disagree, and gives up cleanly', () => {
		expect(spanToUtf16(text, {start: 0, end: 2, text: 'team'})).toEqual({start: text.indexOf('team'), end: text.indexOf('team') + 4});
		expect(spanToUtf16(text, {start: 0, end: 2, text: 'absent'})).toBeNull();
		expect(spanToUtf16(text, {start: 5, end: 2, text: ''})).toBeNull();
		expect(spanToUtf16(text, {start: -1, end: 2})).toBeNull();
	});

	test('clamps offsets past the end', () => {
		expect(codePointToUtf16('ab', 10)).toBe(2);
	});

	test('truncates by code points without splitting a surrogate pair', () => {
		expect(truncateCodePoints('a😀b', 2)).toBe('a😀');
		expect(truncateCodePoints('short', 10)).toBe('short');
		expect(codePointLength('a😀b')).toBe(3);
	});
});
