import {describe, expect, it} from 'vitest';
import {parseCsv, toCsv} from '../src/csv';

describe('toCsv', () => {
	it('writes a header and rows with CRLF line ends', () => {
		expect(toCsv(['month', 'posts'], [['2026-01', 4], ['2026-02', 0]])).toBe(
			'month,posts\r\n2026-01,4\r\n2026-02,0\r\n',
		);
	});

	it('quotes commas, quotes and line breaks', () => {
		expect(toCsv(['name'], [['Rossi, Carla'], ['say "hi"'], ['two\nlines']])).toBe(
			'name\r\n"Rossi, Carla"\r\n"say ""hi"""\r\n"two\nlines"\r\n',
		);
	});

	it('leaves withheld (null) figures empty and writes booleans', () => {
		expect(toCsv(['a', 'b', 'c'], [[null, undefined, true]])).toBe('a,b,c\r\n,,true\r\n');
	});

	it('defuses spreadsheet formulas but not negative numbers', () => {
		expect(toCsv(['x'], [['=HYPERLINK("x")'], ['@SUM(A1)'], [-3]])).toBe(
			'x\r\n"\'=HYPERLINK(""x"")"\r\n\'@SUM(A1)\r\n-3\r\n',
		);
	});

	it('round-trips through parseCsv', () => {
		const rows = [['Équipe, données', 'a "b"', 'x\r\ny'], ['é', '', '3']];
		expect(parseCsv(toCsv(['h1', 'h2', 'h3'], rows))).toEqual([['h1', 'h2', 'h3'], ...rows]);
	});
});
