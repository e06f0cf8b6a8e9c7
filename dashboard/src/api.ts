// The public GraphQL API, with a `report` key: the dashboard's only data source.

export class ApiError extends Error {
	constructor(
		message: string,
		readonly code: string | undefined,
	) {
		super(message);
	}
}

// The API reads its figures in the background on first use (a minute on a very large
// organisation) and answers GRAPH_UNAVAILABLE meanwhile: wait and ask again.
export async function gql<T>(key: string, query: string, variables: Record<string, unknown> = {}, retries = 40): Promise<T> {
	try {
		return await once<T>(key, query, variables);
	} catch (error) {
		if (retries > 0 && error instanceof ApiError && error.code === 'GRAPH_UNAVAILABLE') {
			await new Promise(resolve => setTimeout(resolve, 3000));
			return gql<T>(key, query, variables, retries - 1);
		}
		throw error;
	}
}

async function once<T>(key: string, query: string, variables: Record<string, unknown>): Promise<T> {
	const response = await fetch(new URL('../graphql', window.location.href), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/graphql-response+json, application/json',
			authorization: `Bearer ${key}`,
		},
		body: JSON.stringify({query, variables}),
	});
	let body: {data?: T | null; errors?: {message: string; extensions?: {code?: string}}[]};
	try {
		body = (await response.json()) as typeof body;
	} catch {
		throw new ApiError(`HTTP ${response.status}`, undefined);
	}
	const first = body.errors?.[0];
	if (first) throw new ApiError(first.message, first.extensions?.code);
	if (!body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
	return body.data;
}

const FIGURES = 'posts individual balanced collective mixedSignals notJudged postsCrediting shareCrediting peopleCredited authors';

export const OPTIONS = `query Options($f: DashboardFilter) { dashboard(filter: $f) { asOf minGroupSize
  options { organizations { id name } teams { id name } countries months } } }`;
export const OVERVIEW = `query Overview($f: DashboardFilter) { dashboard(filter: $f) { overview {
  groupSize withheld withheldReason months { month figures { ${FIGURES} } } total { ${FIGURES} } } } }`;
export const TEAMS = `query Teams($f: DashboardFilter) { dashboard(filter: $f) { teamCount teams(first: 50) {
  id name members withheld withheldReason figures { ${FIGURES} } creditsGiven timesCredited membersCredited
  unsungCount unsung(first: 10) { person { id name } project { id name } role missedCount missedPosts { id month url } } } } }`;
export const PROJECTS = `query Projects($f: DashboardFilter) { dashboard(filter: $f) { projectCount projects(first: 100) {
  id name team { id name } contributors posts withheld withheldReason } } }`;
export const PROJECT = `query Project($f: DashboardFilter, $id: ID!) { dashboard(filter: $f) { project(id: $id) {
  summary { id name contributors posts withheld withheldReason }
  contributors { person { id name } role creditedIn authored credited }
  posts { post { id month url orientation mixedSignals } author { id name } credited { id name } } } } }`;
export const CULTURES = `query Cultures($f: DashboardFilter) { dashboard(filter: $f) { cultures {
  rows { country name individualism people withheld withheldReason figures { ${FIGURES} } } sources caveat } } }`;

export interface Figures {
	posts: number;
	individual: number;
	balanced: number;
	collective: number;
	mixedSignals: number;
	notJudged: number;
	postsCrediting: number;
	shareCrediting: number | null;
	peopleCredited: number;
	authors: number;
}
export interface Ref {
	id: string;
	name: string;
}
export interface Options {
	dashboard: {
		asOf: string;
		minGroupSize: number;
		options: {organizations: Ref[]; teams: Ref[]; countries: string[]; months: string[]};
	};
}
export interface OverviewData {
	dashboard: {
		overview: {
			groupSize: number;
			withheld: boolean;
			withheldReason: string | null;
			months: {month: string; figures: Figures}[];
			total: Figures | null;
		};
	};
}
export interface TeamRow {
	id: string;
	name: string;
	members: number;
	withheld: boolean;
	withheldReason: string | null;
	figures: Figures | null;
	creditsGiven: number | null;
	timesCredited: number | null;
	membersCredited: number | null;
	unsungCount: number;
	unsung: {person: Ref; project: Ref; role: string | null; missedCount: number; missedPosts: {id: string; month: string; url: string | null}[]}[];
}
export interface TeamsData {
	dashboard: {teamCount: number; teams: TeamRow[]};
}
export interface ProjectSummary {
	id: string;
	name: string;
	team?: Ref | null;
	contributors: number;
	posts: number;
	withheld: boolean;
	withheldReason: string | null;
}
export interface ProjectsData {
	dashboard: {projectCount: number; projects: ProjectSummary[]};
}
export interface ProjectData {
	dashboard: {
		project: {
			summary: ProjectSummary;
			contributors: {person: Ref; role: string | null; creditedIn: number; authored: number; credited: boolean}[];
			posts: {post: {id: string; month: string; url: string | null; orientation: string | null; mixedSignals: boolean | null}; author: Ref | null; credited: Ref[]}[];
		};
	};
}
export interface CultureRow {
	country: string;
	name: string;
	individualism: number | null;
	people: number;
	withheld: boolean;
	withheldReason: string | null;
	figures: Figures | null;
}
export interface CulturesData {
	dashboard: {cultures: {rows: CultureRow[]; sources: string[]; caveat: string}};
}
