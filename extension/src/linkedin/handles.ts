import {linkedinHost, memberIdPattern, profilePathPattern} from './selectors';

const HANDLE_SHAPE = /^[\p{L}\p{N}_.-]{1,100}$/u;

/**
 * Normalises a LinkedIn public handle the way the graph stores it: percent-decoded, lower case,
 * no query, no trailing slash. Accepts a bare handle, `/in/<handle>/...` or a full profile URL.
 * Member ids (`/in/ACoAA…`) are not handles and cannot meet the graph, so they give null.
 */
export function normaliseHandle(raw: string): string | null {
	let input = raw.trim();
	if (/^(?:[a-z]{2,3}\.|www\.)?linkedin\.com\//i.test(input)) input = `https://${input}`; // Pasted without a scheme.
	if (/^(?:https?:)?\/\/|^\/|\/in\//i.test(input)) {
		return handleFromHref(input);
	}

	let handle = input.replace(/[?#].*$/s, '').replace(/\/+$/, '').replace(/^@/, '');
	try {
		handle = decodeURIComponent(handle);
	} catch {
		return null; // Malformed percent-encoding: not something LinkedIn produced.
	}

	if (memberIdPattern.test(handle)) return null;
	handle = handle.toLowerCase();
	return HANDLE_SHAPE.test(handle) ? handle : null;
}

/** The normalised handle of a profile link (relative or absolute), or null for other links. */
export function handleFromHref(href: string): string | null {
	let url: URL;
	try {
		url = new URL(href, `https://${linkedinHost}/`);
	} catch {
		return null;
	}

	if (url.hostname !== linkedinHost && !url.hostname.endsWith('.linkedin.com') && url.hostname !== 'linkedin.com') {
		return null;
	}

	const match = profilePathPattern.exec(url.pathname);
	return match?.[1] ? normaliseHandle(match[1]) : null;
}
