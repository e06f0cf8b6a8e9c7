/**
 * The API reports spans as Unicode code-point offsets (Python string indices); JS strings are
 * UTF-16, so every astral character (most emoji) before a span shifts it by one unit per char.
 */
export function codePointToUtf16(text: string, codePointOffset: number): number {
	let units = 0;
	let points = 0;
	while (points < codePointOffset && units < text.length) {
		const code = text.codePointAt(units)!;
		units += code > 0xff_ff ? 2 : 1;
		points++;
	}
	return units;
}

export interface Utf16Range {
	start: number;
	end: number;
}

/**
 * Converts a code-point span to a UTF-16 range on `text`. When the converted range does not hold
 * the span's own text (the server normalised differently), falls back to the first occurrence of
 * that text; returns null when it cannot be placed at all.
 */
export function spanToUtf16(text: string, span: {start: number; end: number; text?: string}): Utf16Range | null {
	if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start) {
		return null;
	}

	const start = codePointToUtf16(text, span.start);
	const end = codePointToUtf16(text, span.end);
	if (span.text === undefined || text.slice(start, end) === span.text) {
		return end > start ? {start, end} : null;
	}

	const found = span.text ? text.indexOf(span.text) : -1;
	return found === -1 ? null : {start: found, end: found + span.text.length};
}

/** Cuts `text` to at most `max` code points without splitting a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
	const end = codePointToUtf16(text, max);
	return end >= text.length ? text : text.slice(0, end);
}

export function codePointLength(text: string): number {
	let n = 0;
	for (const _ of text) {
		n++;
	}

	return n;
}
