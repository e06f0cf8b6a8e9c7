/** Whether hints may run: nothing leaves the browser before URL + key are set and a test passed. */
import {checkApiUrl, type ConnectionRecord, type Settings} from './settings';

export type OffReason = 'no_url' | 'bad_url' | 'no_key' | 'not_tested' | 'test_failed';

export type ReadyState = {ready: true; apiUrl: string} | {ready: false; reason: OffReason};

export function parseConnection(raw: unknown): ConnectionRecord | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const r = raw as Record<string, unknown>;
	if (typeof r.ok !== 'boolean' || typeof r.apiUrl !== 'string' || typeof r.keyId !== 'string') return undefined;
	return {
		ok: r.ok,
		apiUrl: r.apiUrl,
		keyId: r.keyId,
		testedAt: typeof r.testedAt === 'number' ? r.testedAt : 0,
		code: typeof r.code === 'string' ? r.code : '',
		...(Array.isArray(r.params) ? {params: r.params.filter((p): p is string => typeof p === 'string')} : {}),
	};
}

/** A test record only counts for the exact URL and key it was run with. */
export function connectionMatches(connection: ConnectionRecord | undefined, apiUrl: string, keyId: string): boolean {
	return connection !== undefined && connection.apiUrl === apiUrl && connection.keyId === keyId;
}

export function readyState(settings: Settings, connection: ConnectionRecord | undefined, keyId: string): ReadyState {
	if (!settings.apiUrl) return {ready: false, reason: 'no_url'};
	const url = checkApiUrl(settings.apiUrl);
	if (!url.ok) return {ready: false, reason: 'bad_url'};
	if (!settings.apiKey) return {ready: false, reason: 'no_key'};
	if (!connectionMatches(connection, url.url, keyId)) return {ready: false, reason: 'not_tested'};
	if (!connection?.ok) return {ready: false, reason: 'test_failed'};
	return {ready: true, apiUrl: url.url};
}
