/** "Test connection": says precisely what is wrong, in terms a user can act on. */
import {analyzePosts, ApiError, type FetchLike, graphql, PING_QUERY} from './api';
import {parseRetryAfter} from './backoff';
import {graphqlEndpoint, originPattern, type Settings} from '../shared/settings';

export interface TestOutcome {
	ok: boolean;
	/** Message key suffix: test_<code>. */
	code: 'ok' | 'degraded' | 'network' | 'permission' | 'http' | 'not_graphql' | 'auth' | 'forbidden' | 'rate_limited' | 'unavailable' | 'error';
	params?: string[];
}

export async function testConnection(
	fetchImpl: FetchLike,
	apiUrl: string,
	settings: Settings,
	hasPermission: () => Promise<boolean>,
	now: () => number = Date.now,
): Promise<TestOutcome> {
	const endpoint = graphqlEndpoint(apiUrl);
	try {
		// 1. Is there a GraphQL server at all? 2. Does the key work for the one operation we use?
		const ping = await graphql(fetchImpl, apiUrl, settings.apiKey, PING_QUERY);
		if (typeof ping.__typename !== 'string') return {ok: false, code: 'not_graphql', params: [endpoint]};
		const [answer] = await analyzePosts(fetchImpl, apiUrl, settings.apiKey, [
			{
				text: 'We shipped the TeamCredit connection test together.',
				uiLanguage: settings.uiLanguage,
				...(settings.readerCountry ? {readerCountry: settings.readerCountry} : {}),
			},
		]);
		return answer?.degraded ? {ok: true, code: 'degraded'} : {ok: true, code: 'ok'};
	} catch (error) {
		if (!(error instanceof ApiError)) return {ok: false, code: 'error', params: [String(error)]};
		switch (error.kind) {
			case 'network': {
				// Without the host permission the browser blocks the request like a network error.
				return (await hasPermission())
					? {ok: false, code: 'network', params: [endpoint]}
					: {ok: false, code: 'permission', params: [originPattern(apiUrl).replace(/\/\*$/, '')]};
			}

			case 'http': {
				return {ok: false, code: 'http', params: [String(error.status ?? ''), endpoint]};
			}

			case 'not_graphql': {
				return {ok: false, code: 'not_graphql', params: [endpoint]};
			}

			case 'auth':
			case 'forbidden':
			case 'unavailable': {
				return {ok: false, code: error.kind};
			}

			case 'rate_limited': {
				return {ok: false, code: 'rate_limited', params: [String(Math.ceil(parseRetryAfter(error.retryAfter, now()) / 1000))]};
			}

			default: {
				return {ok: false, code: 'error', params: [error.message]};
			}
		}
	}
}
