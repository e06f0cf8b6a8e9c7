// The recognition dashboard: five views over the `dashboard` GraphQL field, charts with
// Chart.js (bundled), every table as CSV and every chart as PNG.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	Tooltip,
} from 'chart.js';
import {
	CULTURES,
	type CulturesData,
	type Figures,
	gql,
	OPTIONS,
	type Options,
	OVERVIEW,
	type OverviewData,
	PROJECT,
	type ProjectData,
	PROJECTS,
	type ProjectsData,
	TEAMS,
	type TeamsData,
} from './api';
import {
	type Column,
	CULTURES_COLUMNS,
	csvHeaders,
	OVERVIEW_COLUMNS,
	PROJECT_CONTRIBUTORS_COLUMNS,
	PROJECT_POSTS_COLUMNS,
	PROJECTS_COLUMNS,
	TEAMS_COLUMNS,
	UNSUNG_COLUMNS,
} from './columns';
import {type Cell, toCsv} from './csv';
import {type Key, type Lang, translate} from './i18n';
import {teamRow} from './teams';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	ScatterController,
	Tooltip,
);
Chart.defaults.animation = false;

type View = 'overview' | 'teams' | 'projects' | 'cultures' | 'export';
const VIEWS: View[] = ['overview', 'teams', 'projects', 'cultures', 'export'];

interface Filter {
	organizationId?: string;
	teamId?: string;
	country?: string;
	from?: string;
	to?: string;
}

const state = {
	lang: (localStorage.getItem('tc-lang') as Lang | null) ?? (navigator.language.startsWith('fr') ? 'fr' : 'en'),
	dark: localStorage.getItem('tc-theme') ? localStorage.getItem('tc-theme') === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches,
	key: sessionStorage.getItem('tc-report-key') ?? '',
	view: 'overview' as View,
	filter: {} as Filter,
	projectId: '',
	options: null as Options['dashboard'] | null,
};
const charts: {destroy(): void}[] = [];
const makers = new WeakMap<HTMLCanvasElement, () => void>();

const t = (key: Key, vars?: Record<string, string | number>): string => translate(state.lang as Lang, key, vars);
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, string> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

function num(value: number | null | undefined, percent = false): string {
	if (value === null || value === undefined) return t('withheld');
	return new Intl.NumberFormat(state.lang, percent ? {style: 'percent', maximumFractionDigits: 1} : {}).format(value);
}

function download(name: string, blob: Blob): void {
	const a = el('a', {href: URL.createObjectURL(blob), download: name});
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// --- tables and charts, each with its export button ------------------------------------

// The page shows each column's label in the chosen language, described by the element `help`
// names for it (by CSV header), if any; the CSV keeps the machine headers (columns.ts).
function table(
	id: string,
	caption: string,
	columns: readonly Column[],
	rows: Cell[][],
	display?: (string | Node)[][],
	help: Partial<Record<string, string>> = {},
): HTMLElement {
	const headers = csvHeaders(columns);
	const head = el('tr', {}, ...columns.map(c => el('th', {scope: 'col', ...(help[c.csv] ? {'aria-describedby': help[c.csv]} : {})}, t(c.label))));
	const body = (display ?? rows.map(r => r.map(c => (typeof c === 'number' || c === null ? num(c) : String(c ?? '')))))
		.map((r, i) => el('tr', {'data-row': String(i)}, ...r.map(c => el('td', {}, c))));
	const button = el('button', {type: 'button', 'data-export': `${id}.csv`, class: 'export'}, `${t('csv')} ↓`);
	button.addEventListener('click', () => download(`${id}.csv`, new Blob([toCsv(headers, rows)], {type: 'text/csv'})));
	const tbl = el('table', {'data-table': id}, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body));
	return el('div', {class: 'table-wrap'}, el('div', {class: 'tools'}, button), tbl);
}

function css(name: string): string {
	return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function chart(id: string, title: string, config: ConstructorParameters<typeof Chart>[1]): HTMLElement {
	const canvas = el('canvas', {'data-chart': id, role: 'img', 'aria-label': title});
	const button = el('button', {type: 'button', 'data-export': `${id}.png`, class: 'export'}, `${t('png')} ↓`);
	const figure = el('figure', {class: 'chart'}, el('figcaption', {}, title, ' ', button), el('div', {class: 'canvas'}, canvas));
	// Drawn once the canvas is in the page (a detached canvas has no size): see render().
	makers.set(canvas, () => {
		Chart.defaults.color = css('--fg');
		Chart.defaults.borderColor = css('--grid');
		const made = new Chart(canvas, {...config, options: {responsive: true, maintainAspectRatio: false, ...config.options}});
		charts.push(made);
		button.addEventListener('click', () => {
			canvas.toBlob(blob => blob && download(`${id}.png`, blob), 'image/png');
		});
	});
	return figure;
}

// Posts with no verdict shown get bars of their own, in muted colours: counted in no framing,
// but not hidden either, and apart by reason (judged unsure, or not judged yet: docs/dashboard.md).
const COLORS = {individual: '--individual', balanced: '--balanced', collective: '--collective', mixedSignals: '--muted', notJudged: '--unjudged'} as const;

function framingDatasets(rows: (Figures | null)[]): {label: string; data: (number | null)[]; backgroundColor: string}[] {
	return (['individual', 'balanced', 'collective', 'mixedSignals', 'notJudged'] as const).map(k => ({
		label: t(k),
		data: rows.map(f => (f ? f[k] : null)),
		backgroundColor: css(COLORS[k]),
	}));
}

// A post's framing as the product shows it: the verdict, or why there is none.
function framing(post: {orientation: string | null; mixedSignals: boolean | null}): string {
	if (post.orientation) return post.orientation;
	return post.mixedSignals === false ? '' : t(post.mixedSignals ? 'postMixedSignals' : 'postNotJudged');
}

function withheld(reason: string | null): HTMLElement {
	return el('p', {class: 'withheld', role: 'status'}, el('strong', {}, t('withheld')), ` — ${reason ?? ''}`);
}

// --- views -------------------------------------------------------------------------------

function variables(): {f: Filter} {
	const f: Filter = {};
	for (const [k, v] of Object.entries(state.filter)) if (v) f[k as keyof Filter] = v;
	return {f};
}

async function overview(): Promise<HTMLElement> {
	const {overview: o} = (await gql<OverviewData>(state.key, OVERVIEW, variables())).dashboard;
	const section = el('section', {'data-view': 'overview'}, el('h2', {}, t('overview')));
	if (o.withheld) {
		section.append(withheld(o.withheldReason));
		return section;
	}
	const months = o.months.map(m => m.month);
	if (o.total) {
		// The two reasons a post has no verdict, each a term and its value: the figure is read
		// with its label, and the help (what it means, what to do) after it.
		const total = o.total;
		const figure = (key: 'mixedSignals' | 'notJudged', help: string): HTMLElement =>
			el('div', {},
				el('dt', {}, t(key)),
				el('dd', {'data-figure': key, 'aria-describedby': help}, t('ofPosts', {n: num(total[key]), total: num(total.posts)})),
			);
		section.append(
			el('dl', {class: 'figures'}, figure('mixedSignals', 'mixed-signals-help'), figure('notJudged', 'not-judged-help')),
			el('p', {class: 'help', id: 'mixed-signals-help'}, t('mixedSignalsHelp')),
			el('p', {class: 'help', id: 'not-judged-help'}, t('notJudgedHelp'), ' ', el('code', {}, 'teamcredit reframe')),
		);
	}
	section.append(
		el('div', {class: 'grid'},
			chart('posts-by-framing', t('postsByFraming'), {
				type: 'bar',
				data: {labels: months, datasets: framingDatasets(o.months.map(m => m.figures))},
				options: {scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}},
			}),
			chart('share-crediting', t('shareChart'), {
				type: 'line',
				data: {labels: months, datasets: [{label: t('shareCrediting'), data: o.months.map(m => m.figures.shareCrediting), borderColor: css('--accent'), backgroundColor: css('--accent')}]},
				options: {scales: {y: {min: 0, max: 1}}},
			}),
			chart('people-credited', t('creditedChart'), {
				type: 'bar',
				data: {labels: months, datasets: [{label: t('peopleCredited'), data: o.months.map(m => m.figures.peopleCredited), backgroundColor: css('--accent')}]},
				options: {scales: {y: {beginAtZero: true}}},
			}),
		),
	);
	const headers = csvHeaders(OVERVIEW_COLUMNS);
	const share = headers.indexOf('shareCrediting');
	const rows: Cell[][] = o.months.map(m => [m.month, ...headers.slice(1).map(h => m.figures[h as keyof Figures])]);
	const display = rows.map(r => r.map((c, i) => (i === share ? num(c as number | null, true) : typeof c === 'number' ? num(c) : String(c))));
	// The no-verdict columns point to the figures' help above, when it is there.
	const help = o.total ? {mixedSignals: 'mixed-signals-help', notJudged: 'not-judged-help'} : {};
	section.append(table('overview', t('postsByFraming'), OVERVIEW_COLUMNS, rows, display, help));
	return section;
}

async function teams(): Promise<HTMLElement> {
	const {teams: rows, teamCount} = (await gql<TeamsData>(state.key, TEAMS, variables())).dashboard;
	const section = el('section', {'data-view': 'teams'}, el('h2', {}, t('teams')));
	if (teamCount > rows.length) section.append(el('p', {class: 'help', 'data-showing': 'teams'}, t('showing', {shown: rows.length, total: teamCount})));
	const shown = rows.filter(r => !r.withheld);
	section.append(
		chart('team-balance', t('balanceChart'), {
			type: 'bar',
			data: {labels: shown.map(r => r.name), datasets: framingDatasets(shown.map(r => r.figures))},
			options: {indexAxis: 'y', scales: {x: {stacked: true, beginAtZero: true}, y: {stacked: true}}},
		}),
	);
	// Posts with no verdict shown count in no framing (docs/dashboard.md): their two columns
	// carry the labels and help the overview's figures have, so the row adds up to its posts.
	const help = {mixedSignals: 'teams-mixed-signals-help', notJudged: 'teams-not-judged-help'};
	section.append(
		table('teams', t('teams'), TEAMS_COLUMNS, rows.map(teamRow), undefined, help),
		el('p', {class: 'help', id: 'teams-mixed-signals-help'}, t('mixedSignalsHelp')),
		el('p', {class: 'help', id: 'teams-not-judged-help'}, t('notJudgedHelp'), ' ', el('code', {}, 'teamcredit reframe')),
	);
	const unsung = rows.flatMap(r => r.unsung.map(u => ({team: r.name, ...u})));
	section.append(el('h3', {}, t('unsung')), el('p', {class: 'help'}, t('unsungHelp')));
	section.append(
		table(
			'unsung',
			t('unsung'),
			UNSUNG_COLUMNS,
			unsung.map(u => [u.team, u.person.name, u.project.name, u.role ?? '', u.missedCount, u.missedPosts.map(p => p.id).join(' ')]),
			unsung.map(u => [
				u.team,
				u.person.name,
				u.project.name,
				u.role ?? '',
				num(u.missedCount),
				el('span', {}, ...u.missedPosts.map(p => (p.url ? el('a', {href: p.url, rel: 'noreferrer'}, `${p.month} `) : `${p.month} `))),
			]),
		),
	);
	return section;
}

async function projects(): Promise<HTMLElement> {
	const {projects: rows, projectCount} = (await gql<ProjectsData>(state.key, PROJECTS, variables())).dashboard;
	const section = el('section', {'data-view': 'projects'}, el('h2', {}, t('projects')));
	if (projectCount > rows.length) section.append(el('p', {class: 'help', 'data-showing': 'projects'}, t('showing', {shown: rows.length, total: projectCount})));
	const select = el('select', {id: 'project', 'aria-label': t('project')}, el('option', {value: ''}, t('choose')));
	for (const p of rows) {
		const option = el('option', {value: p.id}, p.name);
		if (p.id === state.projectId) option.selected = true;
		select.append(option);
	}
	select.addEventListener('change', () => {
		state.projectId = select.value;
		void render();
	});
	section.append(el('label', {}, `${t('project')} `, select));
	section.append(
		table(
			'projects',
			t('projects'),
			PROJECTS_COLUMNS,
			rows.map(p => [p.name, p.team?.name ?? '', p.contributors, p.posts, p.withheldReason ?? '']),
		),
	);
	if (state.projectId) {
		const {project} = (await gql<ProjectData>(state.key, PROJECT, {...variables(), id: state.projectId})).dashboard;
		const detail = el('div', {'data-project': project.summary.id}, el('h3', {}, project.summary.name));
		if (project.summary.withheld) detail.append(withheld(project.summary.withheldReason));
		else {
			const c = project.contributors;
			detail.append(
				table(
					'project-contributors',
					t('contributors'),
					PROJECT_CONTRIBUTORS_COLUMNS,
					c.map(x => [x.person.name, x.role ?? '', x.credited, x.creditedIn, x.authored]),
					c.map(x => [x.person.name, x.role ?? '', x.credited ? t('credited') : t('notCredited'), num(x.creditedIn), num(x.authored)]),
				),
				table(
					'project-posts',
					t('posts'),
					PROJECT_POSTS_COLUMNS,
					project.posts.map(p => [p.post.id, p.post.month, p.author?.name ?? '', framing(p.post), p.credited.map(x => x.name).join('; ')]),
				),
			);
		}
		section.append(detail);
	}
	return section;
}

async function cultures(): Promise<HTMLElement> {
	const c = (await gql<CulturesData>(state.key, CULTURES, variables())).dashboard.cultures;
	const section = el('section', {'data-view': 'cultures'}, el('h2', {}, t('cultures')));
	const shown = c.rows.filter(r => !r.withheld && r.individualism !== null && r.figures && r.figures.posts > 0);
	section.append(
		chart('cultures', t('culturesChart'), {
			type: 'scatter',
			data: {
				datasets: [{
					label: t('shareIndividual'),
					data: shown.map(r => ({x: r.individualism ?? 0, y: (r.figures?.individual ?? 0) / (r.figures?.posts || 1)})),
					backgroundColor: css('--individual'),
					pointRadius: 6,
				}],
			},
			options: {
				scales: {x: {min: 0, max: 100, title: {display: true, text: t('individualism')}}, y: {min: 0, max: 1, title: {display: true, text: t('shareIndividual')}}},
				plugins: {tooltip: {callbacks: {label: ctx => `${shown[ctx.dataIndex]?.name ?? ''}: ${num(ctx.parsed.y, true)}`}}},
			},
		}),
	);
	section.append(
		table(
			'cultures',
			t('cultures'),
			CULTURES_COLUMNS,
			c.rows.map(r => [r.country, r.name, r.individualism ?? '', r.people, r.figures?.posts ?? null, r.figures?.individual ?? null, r.figures?.balanced ?? null, r.figures?.collective ?? null, r.withheldReason ?? '']),
		),
		el('p', {class: 'caveat', role: 'note'}, t('caveat')),
		el('h3', {}, t('sources')),
		el('ul', {class: 'sources'}, ...c.sources.map(s => el('li', {}, s))),
	);
	return section;
}

async function exportView(): Promise<HTMLElement> {
	const section = el('section', {'data-view': 'export'}, el('h2', {}, t('export')), el('p', {class: 'help'}, t('exportHelp')));
	for (const part of await Promise.all([overview(), teams(), projects(), cultures()])) section.append(part);
	return section;
}

const RENDER: Record<View, () => Promise<HTMLElement>> = {overview, teams, projects, cultures, export: exportView};

// --- the frame: sign-in, language, theme, navigation, filters ----------------------------

function applyChrome(): void {
	document.documentElement.lang = state.lang;
	document.documentElement.dataset.theme = state.dark ? 'dark' : 'light';
	document.title = t('title');
	for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as Key);
	for (const button of document.querySelectorAll<HTMLButtonElement>('nav button')) {
		button.textContent = t(button.dataset.view as Key);
		button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
	}
	$<HTMLInputElement>('dark').checked = state.dark;
	$<HTMLSelectElement>('lang').value = state.lang;
}

function fillSelect(id: string, items: {value: string; label: string}[], current: string | undefined): void {
	const select = $<HTMLSelectElement>(id);
	select.replaceChildren(el('option', {value: ''}, t('all')), ...items.map(i => el('option', {value: i.value}, i.label)));
	select.value = current ?? '';
}

async function loadOptions(): Promise<void> {
	const data = await gql<Options>(state.key, OPTIONS, {f: state.filter.organizationId ? {organizationId: state.filter.organizationId} : {}});
	state.options = data.dashboard;
	const o = data.dashboard.options;
	fillSelect('f-org', o.organizations.map(x => ({value: x.id, label: x.name})), state.filter.organizationId);
	fillSelect('f-team', o.teams.map(x => ({value: x.id, label: x.name})), state.filter.teamId);
	fillSelect('f-country', o.countries.map(c => ({value: c, label: c})), state.filter.country);
	fillSelect('f-from', o.months.map(m => ({value: m, label: m})), state.filter.from);
	fillSelect('f-to', o.months.map(m => ({value: m, label: m})), state.filter.to);
	$('status').textContent = `${t('asOf')} ${new Date(data.dashboard.asOf).toLocaleString(state.lang)} · ${t('floor', {n: data.dashboard.minGroupSize})}`;
}

let generation = 0;

async function render(): Promise<void> {
	const mine = ++generation;
	applyChrome();
	const main = $('content');
	main.setAttribute('aria-busy', 'true');
	try {
		const section = await RENDER[state.view]();
		if (mine !== generation) return;
		for (const c of charts.splice(0)) c.destroy();
		main.replaceChildren(section);
		for (const canvas of main.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) makers.get(canvas)?.();
		$('error').textContent = '';
	} catch (error) {
		if (mine !== generation) return;
		$('error').textContent = `${t('error')}: ${(error as Error).message}`;
	} finally {
		if (mine === generation) main.setAttribute('aria-busy', 'false');
	}
}

async function start(): Promise<void> {
	$('signin').hidden = Boolean(state.key);
	$('app').hidden = !state.key;
	applyChrome();
	if (!state.key) return;
	try {
		await loadOptions();
	} catch (error) {
		$('error').textContent = `${t('error')}: ${(error as Error).message}`;
		return;
	}
	await render();
}

function wire(): void {
	$<HTMLFormElement>('signin').addEventListener('submit', event => {
		event.preventDefault();
		state.key = $<HTMLInputElement>('key').value.trim();
		sessionStorage.setItem('tc-report-key', state.key);
		void start();
	});
	$('signout').addEventListener('click', () => {
		sessionStorage.removeItem('tc-report-key');
		state.key = '';
		void start();
	});
	$<HTMLSelectElement>('lang').addEventListener('change', event => {
		state.lang = (event.target as HTMLSelectElement).value as Lang;
		localStorage.setItem('tc-lang', state.lang);
		void start();
	});
	$<HTMLInputElement>('dark').addEventListener('change', event => {
		state.dark = (event.target as HTMLInputElement).checked;
		localStorage.setItem('tc-theme', state.dark ? 'dark' : 'light');
		void render();
	});
	for (const view of VIEWS) {
		const button = el('button', {type: 'button', 'data-view': view});
		button.addEventListener('click', () => {
			state.view = view;
			void render();
		});
		$('views').append(button);
	}
	$<HTMLFormElement>('filters').addEventListener('submit', event => {
		event.preventDefault();
		const value = (id: string): string | undefined => $<HTMLSelectElement>(id).value || undefined;
		const orgChanged = value('f-org') !== state.filter.organizationId;
		state.filter = {organizationId: value('f-org'), teamId: orgChanged ? undefined : value('f-team'), country: value('f-country'), from: value('f-from'), to: value('f-to')};
		void (orgChanged ? loadOptions() : Promise.resolve()).then(render);
	});
}

wire();
void start();
