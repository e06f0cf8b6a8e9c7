import {describe, expect, it} from 'vitest';
import {csvHeaders, TABLES} from '../src/columns';
import {messages} from '../src/i18n';

// The CSV headers analysts script against (docs/dashboard.md): changing one is a breaking change.
const CSV_HEADERS: Record<keyof typeof TABLES, string[]> = {
	overview: ['month', 'posts', 'individual', 'balanced', 'collective', 'mixedSignals', 'notJudged', 'postsCrediting', 'shareCrediting', 'peopleCredited', 'authors'],
	teams: ['team', 'members', 'posts', 'individual', 'balanced', 'collective', 'mixedSignals', 'notJudged', 'postsCrediting', 'creditsGiven', 'timesCredited', 'membersCredited', 'withheldReason'],
	unsung: ['team', 'person', 'project', 'role', 'missedCount', 'missedPosts'],
	projects: ['project', 'team', 'contributors', 'posts', 'withheldReason'],
	'project-contributors': ['person', 'role', 'credited', 'creditedIn', 'authored'],
	'project-posts': ['post', 'month', 'author', 'framing', 'credited'],
	cultures: ['country', 'name', 'individualism', 'people', 'posts', 'individual', 'balanced', 'collective', 'withheldReason'],
};

describe('table columns', () => {
	it('keep the machine names as CSV headers', () => {
		for (const [table, columns] of Object.entries(TABLES)) expect([table, csvHeaders(columns)]).toEqual([table, CSV_HEADERS[table as keyof typeof TABLES]]);
	});

	it('show a label of their own in English and French, never the machine name', () => {
		for (const lang of ['en', 'fr'] as const) {
			for (const [table, columns] of Object.entries(TABLES)) {
				const labels = columns.map(c => messages[lang][c.label]);
				for (const [i, label] of labels.entries()) {
					expect(label.trim(), `${lang} ${table}`).not.toBe('');
					expect(label, `${lang} ${table}`).not.toBe(columns[i]?.csv);
				}
				expect(new Set(labels).size, `${lang} ${table}: two columns with one label`).toBe(labels.length);
			}
		}
	});

	it('label the overview and Teams no-verdict columns as the figures above the charts', () => {
		for (const table of ['overview', 'teams'] as const) {
			const label = (csv: string) => TABLES[table].find(c => c.csv === csv)?.label;
			expect([label('mixedSignals'), label('notJudged')]).toEqual(['mixedSignals', 'notJudged']);
		}
	});
});
