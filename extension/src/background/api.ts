/** The TeamCredit GraphQL API, as the service worker calls it. */
import {type Analysis, parseAnalysis} from '../shared/analysis';
import {graphqlEndpoint} from '../shared/settings';

export const ANALYZE_QUERY = `query Analyze($inputs: [PostInput!]!) { analyzePosts(inputs: $inputs) {
  framing { orientation score confidence mixedSignals language selfReferences collectiveReferences signals { kind weight span { start end text } } }
  credit { person { id name handle } team { id name } project { id name } reason evidence score }
  suggestedPhrasing
  culture { author { country name individualism orientation } reader { country name individualism orientation } summary notes sources }
  author { id name handle }
  degraded } }`;

export const PING_QUERY = 'query { __typename }';

/** PostInput as the API takes it (see docs/schema.graphql). */
export interface PostInput {
	text: string;
	authorId?: string;
	authorHandle?: string;
	authorName?: string;
	mentions?: Array<{name: string; handle?: string}>;
	urn?: string;
	url?: string;
	language?: string;
	readerCountry?: string;
	uiLanguage?: string;
}

export type ApiErrorKind =
	| 'network'
	| 'http'
	| 'not_graphql'
	| 'auth'
	| 'forbidden'
	| 'rate_limited'
	| 'bad_input'
	| 'too_complex'
	| 'unavailable'
	| 'server'
	/** A GraphQL error without a known extensions.code (e.g. a schema mismatch). */
	| 'graphql';

export class ApiError extends Error {
	constructor(
		readonly kind: ApiErrorKind,
		message: string,
		readonly status?: number,
		readonly retryAfter?: string | null,
	) {
		super(message);
		this.name = 'ApiError';
	}
}

const CODE_KINDS: Record<string, ApiErrorKind> = {
	UNAUTHENTICATED: 'auth',
	FORBIDDEN: 'forbidden',
	RATE_LIMITED: 'rate_limited',
	BAD_USER_INPUT: 'bad_input',
	QUERY_TOO_COMPLEX: 'too_complex',
	GRAPH_UNAVAILABLE: 'unavailable',
};

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 20_000;

/** POSTs one operation; returns `data`, or throws an ApiError saying what went wrong. */
export async function graphql(
	fetchImpl: FetchLike,
	apiUrl: string,
	apiKey: string,
	query: string,
	variables?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
	const endpoint = graphqlEndpoint(apiUrl);
	let response: Response;
	try {
		response = await fetchImpl(endpoint, {
			method: 'POST',
			headers: {'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}`},
			body: JSON.stringify(variables ? {query, variables} : {query}),
			credentials: 'omit', // The key is the only credential; never send LinkedIn or API cookies.
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
	} catch (error) {
		throw new ApiError('network', error instanceof Error ? error.message : String(error));
	}

	if (response.status === 429) {
		throw new ApiError('rate_limited', 'HTTP 429', 429, response.headers.get('Retry-After'));
	}

	let body: {data?: unknown; errors?: Array<{message?: unknown; extensions?: {code?: unknown}}>} | undefined;
	try {
		body = (await response.json()) as typeof body;
	} catch {
		body = undefined;
	}

	const firstError = Array.isArray(body?.errors) ? body.errors[0] : undefined;
	if (firstError) {
		const code = typeof firstError.extensions?.code === 'string' ? firstError.extensions.code : '';
		const message = typeof firstError.message === 'string' ? firstError.message.slice(0, 300) : code;
		const kind = CODE_KINDS[code] ?? 'graphql';
		throw new ApiError(kind, message || `HTTP ${response.status}`, response.status, response.headers.get('Retry-After'));
	}

	if (response.status === 401) throw new ApiError('auth', 'HTTP 401', 401);
	if (response.status === 403) throw new ApiError('forbidden', 'HTTP 403', 403);
	if (response.status >= 500) throw new ApiError('server', `HTTP ${response.status}`, response.status);
	if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
	if (typeof body?.data !== 'object' || body.data === null) {
		throw new ApiError('not_graphql', 'The answer is not a GraphQL response', response.status);
	}

	return body.data as Record<string, unknown>;
}

/** One analyzePosts request; answers come back in input order. */
export async function analyzePosts(
	fetchImpl: FetchLike,
	apiUrl: string,
	apiKey: string,
	inputs: PostInput[],
): Promise<Analysis[]> {
	const data = await graphql(fetchImpl, apiUrl, apiKey, ANALYZE_QUERY, {inputs});
	const raw = data.analyzePosts;
	if (!Array.isArray(raw) || raw.length !== inputs.length) {
		throw new ApiError('not_graphql', 'analyzePosts returned the wrong number of answers');
	}

	return raw.map(item => {
		const analysis = parseAnalysis(item);
		if (!analysis) throw new ApiError('not_graphql', 'analyzePosts returned an answer of an unexpected shape');
		return analysis;
	});
}
