/** Messages between the content script, the extension pages and the service worker. */
import type {Analysis} from './analysis';
import {codePointLength} from './spans';

export interface MentionPayload {
	name: string;
	handle?: string;
}

/** What a content script may send about one post (reader country / UI language come from settings). */
export interface PostPayload {
	text: string;
	authorHandle?: string;
	authorName?: string;
	mentions?: MentionPayload[];
	urn?: string;
	url?: string;
	language?: string;
}

export interface AnalyzeRequest {
	type: 'tc:analyze';
	posts: PostPayload[];
}

export interface TestRequest {
	type: 'tc:test';
}

export interface StatusRequest {
	type: 'tc:status';
}

export type PageRequest = TestRequest | StatusRequest;

export type ErrorKind =
	| 'not_configured'
	| 'auth'
	| 'forbidden'
	| 'rate_limited'
	| 'network'
	| 'unavailable'
	| 'bad_input'
	| 'server'
	| 'internal';

export type PostResult =
	/** `retryAt` on an ok answer: it is degraded, ask again after that time. */
	| {status: 'ok'; analysis: Analysis; retryAt?: number}
	| {status: 'error'; error: ErrorKind; retryAt?: number};

export interface AnalyzeResponse {
	results: PostResult[];
}

/** Answer to tc:status (popup). */
export interface StatusResponse {
	ready: boolean;
	reason?: string;
	/** Last connection test for the current URL + key, if any. */
	connection: {ok: boolean; code: string; params?: string[]; testedAt: number} | null;
	blocked: {kind: string; until: number} | null;
	feed: boolean;
	composer: boolean;
	uiLanguage: 'en' | 'fr';
}

/** Answer to tc:test: the message key suffix (test_<code>) and its substitutions. */
export interface TestResponse {
	ok: boolean;
	code: string;
	params?: string[];
}

/** The parts of chrome.runtime.MessageSender we rely on. */
export interface SenderLike {
	id?: string;
	url?: string;
	origin?: string;
	tab?: {url?: string};
}

export const MAX_POSTS_PER_MESSAGE = 50;
export const MAX_TEXT = 3000;
const LINKEDIN_ORIGIN = 'https://www.linkedin.com';
const HANDLE = /^[\p{L}\p{N}_.-]{1,100}$/u;
const URN = /^urn:li:[A-Za-z]+:[\w:(),-]{1,180}$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (v: Obj, allowed: readonly string[]): boolean => Object.keys(v).every(key => allowed.includes(key));
const optional = (v: unknown, test: (value: unknown) => boolean): boolean => v === undefined || test(v);
const shortString = (max: number) => (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function isLinkedInUrl(url: string | undefined): boolean {
	if (!url) return false;
	try {
		return new URL(url).origin === LINKEDIN_ORIGIN;
	} catch {
		return false;
	}
}

function isMention(v: unknown): v is MentionPayload {
	return (
		isObj(v) &&
		onlyKeys(v, ['name', 'handle']) &&
		shortString(200)(v.name) &&
		optional(v.handle, h => typeof h === 'string' && HANDLE.test(h))
	);
}

export function isPostPayload(v: unknown): v is PostPayload {
	if (!isObj(v) || !onlyKeys(v, ['text', 'authorHandle', 'authorName', 'mentions', 'urn', 'url', 'language'])) {
		return false;
	}

	return (
		typeof v.text === 'string' &&
		v.text.trim().length > 0 &&
		codePointLength(v.text) <= MAX_TEXT &&
		optional(v.authorHandle, h => typeof h === 'string' && HANDLE.test(h)) &&
		optional(v.authorName, shortString(200)) &&
		optional(v.mentions, m => Array.isArray(m) && m.length <= 50 && m.every(isMention)) &&
		optional(v.urn, u => typeof u === 'string' && URN.test(u)) &&
		optional(v.url, u => typeof u === 'string' && u.length <= 500 && isLinkedInUrl(u)) &&
		optional(v.language, l => typeof l === 'string' && LANGUAGE.test(l))
	);
}

/**
 * Accepts an analyze request only from this extension's own content script on a LinkedIn tab.
 * The browser fills `sender`; a page cannot forge it, and other extensions cannot reach
 * runtime.onMessage (we register no onMessageExternal).
 */
export function parseContentMessage(message: unknown, sender: SenderLike, extensionId: string): AnalyzeRequest | null {
	if (sender.id !== extensionId || !sender.tab) return null;
	if (!isLinkedInUrl(sender.url) || !isLinkedInUrl(sender.tab.url)) return null;
	if (sender.origin !== undefined && sender.origin !== LINKEDIN_ORIGIN) return null;
	if (!isObj(message) || message.type !== 'tc:analyze' || !onlyKeys(message, ['type', 'posts'])) return null;
	const {posts} = message;
	if (!Array.isArray(posts) || posts.length === 0 || posts.length > MAX_POSTS_PER_MESSAGE) return null;
	return posts.every(isPostPayload) ? {type: 'tc:analyze', posts} : null;
}

/** Accepts test/status requests only from this extension's own pages (options, popup). */
export function parsePageMessage(
	message: unknown,
	sender: SenderLike,
	extensionId: string,
	extensionOrigin: string,
): PageRequest | null {
	if (sender.id !== extensionId || !sender.url?.startsWith(extensionOrigin)) return null;
	if (!isObj(message) || !onlyKeys(message, ['type'])) return null;
	if (message.type === 'tc:test') return {type: 'tc:test'};
	if (message.type === 'tc:status') return {type: 'tc:status'};
	return null;
}
