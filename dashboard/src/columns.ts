// Every table's columns, in order: the CSV header, which stays the machine name (GraphQL's
// where there is one: analysts script against it, docs/dashboard.md), and the i18n key of
// the label the page shows in its place (a test checks each has one in English and French).
import type {Key} from './i18n';
import {POST_COUNTS, TEAM_COLUMNS} from './teams';

export interface Column {
	readonly csv: string;
	readonly label: Key;
}

// A column whose machine name is also its label's key.
const same = (names: readonly Key[]): Column[] => names.map(csv => ({csv, label: csv}));

export const OVERVIEW_COLUMNS = same(['month', ...POST_COUNTS, 'shareCrediting', 'peopleCredited', 'authors']);

export const TEAMS_COLUMNS = same(TEAM_COLUMNS);

export const UNSUNG_COLUMNS: Column[] = [
	...same(['team', 'person', 'project', 'role']),
	{csv: 'missedCount', label: 'missedCount'},
	{csv: 'missedPosts', label: 'missedPosts'},
];

export const PROJECTS_COLUMNS = same(['project', 'team', 'contributors', 'posts', 'withheldReason']);

export const PROJECT_CONTRIBUTORS_COLUMNS = same(['person', 'role', 'credited', 'creditedIn', 'authored']);

// `credited` here lists the people a post named, not a yes/no.
export const PROJECT_POSTS_COLUMNS: Column[] = [...same(['post', 'month', 'author', 'framing']), {csv: 'credited', label: 'peopleCredited'}];

// `country` is the ISO code and `name` the country's name.
export const CULTURES_COLUMNS: Column[] = [
	{csv: 'country', label: 'countryCode'},
	{csv: 'name', label: 'country'},
	...same(['individualism', 'people', 'posts', 'individual', 'balanced', 'collective', 'withheldReason']),
];

export const TABLES = {
	overview: OVERVIEW_COLUMNS,
	teams: TEAMS_COLUMNS,
	unsung: UNSUNG_COLUMNS,
	projects: PROJECTS_COLUMNS,
	'project-contributors': PROJECT_CONTRIBUTORS_COLUMNS,
	'project-posts': PROJECT_POSTS_COLUMNS,
	cultures: CULTURES_COLUMNS,
} as const;

export const csvHeaders = (columns: readonly Column[]): string[] => columns.map(c => c.csv);
