import {describe, expect, it} from 'vitest';
import type {Figures, TeamRow} from '../src/api';
import {parseCsv, toCsv} from '../src/csv';
import {messages} from '../src/i18n';
import {TEAM_COLUMNS, teamRow} from '../src/teams';

const figures: Figures = {
	posts: 20,
	individual: 5,
	balanced: 4,
	collective: 3,
	mixedSignals: 6,
	notJudged: 2,
	postsCrediting: 9,
	shareCrediting: 0.45,
	peopleCredited: 7,
	authors: 8,
};
const team = (over: Partial<TeamRow>): TeamRow => ({
	id: 't1',
	name: 'Platform',
	members: 12,
	withheld: false,
	withheldReason: null,
	figures,
	creditsGiven: 9,
	timesCredited: 11,
	membersCredited: 6,
	unsungCount: 0,
	unsung: [],
	...over,
});

describe('Teams table', () => {
	it('has both no-verdict columns after the three framings, adding up to the posts', () => {
		const row = teamRow(team({}));
		const cell = (c: string) => row[TEAM_COLUMNS.indexOf(c as (typeof TEAM_COLUMNS)[number])];
		expect(TEAM_COLUMNS.slice(2, 8)).toEqual(['posts', 'individual', 'balanced', 'collective', 'mixedSignals', 'notJudged']);
		expect([cell('mixedSignals'), cell('notJudged')]).toEqual([6, 2]);
		expect(row.slice(3, 8).reduce((a, b) => Number(a) + Number(b), 0)).toBe(cell('posts'));
		expect(row).toEqual(['Platform', 12, 20, 5, 4, 3, 6, 2, 9, 9, 11, 6, '']);
	});

	it('leaves every figure of a withheld team empty in the CSV, with the reason', () => {
		const reason = 'withheld: this team has 2 people';
		const row = teamRow(team({withheld: true, withheldReason: reason, figures: null, creditsGiven: null, timesCredited: null, membersCredited: null}));
		const [header, line] = parseCsv(toCsv([...TEAM_COLUMNS], [row]));
		expect(header).toEqual([...TEAM_COLUMNS]);
		expect(line).toEqual(['Platform', '12', ...Array<string>(10).fill(''), reason]);
	});

	it('labels every column in English and French, the no-verdict ones as the overview does', () => {
		for (const lang of ['en', 'fr'] as const) for (const c of TEAM_COLUMNS) expect(messages[lang][c].trim()).not.toBe('');
		expect([messages.en.mixedSignals, messages.en.notJudged]).toEqual(['Mixed signals (no verdict shown)', 'Not yet judged']);
		expect([messages.fr.mixedSignals, messages.fr.notJudged]).toEqual(['Signaux mitigés (sans verdict affiché)', 'Pas encore jugées']);
	});
});
