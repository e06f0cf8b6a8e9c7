// The Teams table's columns, in order: each is the CSV header (GraphQL's name where there is
// one) and an i18n key for the label the page shows (a test checks every key has a label).
import type {TeamRow} from './api';
import type {Cell} from './csv';

// A scope's post counts, in the order the overview's and the Teams tables show them.
export const POST_COUNTS = ['posts', 'individual', 'balanced', 'collective', 'mixedSignals', 'notJudged', 'postsCrediting'] as const;

export const TEAM_COLUMNS = [
	'team',
	'members',
	...POST_COUNTS,
	'creditsGiven',
	'timesCredited',
	'membersCredited',
	'withheldReason',
] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

// A withheld team's figures are null: empty in the CSV, "withheld" on the page.
export function teamRow(r: TeamRow): Cell[] {
	const f = r.figures;
	const cells: Record<TeamColumn, Cell> = {
		team: r.name,
		members: r.members,
		posts: f?.posts ?? null,
		individual: f?.individual ?? null,
		balanced: f?.balanced ?? null,
		collective: f?.collective ?? null,
		mixedSignals: f?.mixedSignals ?? null,
		notJudged: f?.notJudged ?? null,
		postsCrediting: f?.postsCrediting ?? null,
		creditsGiven: r.creditsGiven,
		timesCredited: r.timesCredited,
		membersCredited: r.membersCredited,
		withheldReason: r.withheldReason ?? '',
	};
	return TEAM_COLUMNS.map(c => cells[c]);
}
