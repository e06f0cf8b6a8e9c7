/**
 * Feed annotations: one <teamcredit-annotation> as the last child of every feed post.
 *
 * Idempotent by construction, because LinkedIn virtualises the feed: posts are removed and
 * re-added (same node or a fresh one), G3 text grows when "…more" is clicked, and a clone of a
 * post carries a dead copy of our element (shadow roots are not cloned).
 */
import {appendToEditor} from '../linkedin/editor';
import {type ExtractedPost, extractPost, findCommentEditor, findPosts} from '../linkedin/extract';
import {requestKey} from '../lib/analyze-client';
import type {Feature, FeatureContext, RunningFeature} from '../lib/feature';
import type {PostPayload, PostResult} from '../shared/messages';
import {isOwn, peopleCredited, shownOrientation} from '../lib/verdict';
import {ANNOTATION_TAG, Annotation, annotationOf} from '../ui/annotation';
import type {StatusSink} from '../ui/status-line';

interface PostState {
	key: string;
	annotation: Annotation;
	/** Set when the answer was an error or degraded: ask again after this time. */
	retryAt?: number;
}

/** LinkedIn may append after us (lazy comments); we move back to the end, but never ping-pong. */
const MAX_MOVES = 3;
const MIN_RETRY_DELAY_MS = 1000;

export function toPayload(post: ExtractedPost): PostPayload {
	return {
		text: post.text,
		...(post.authorHandle ? {authorHandle: post.authorHandle} : {}),
		...(post.authorName ? {authorName: post.authorName.slice(0, 200)} : {}),
		...(post.mentions.length > 0 ? {mentions: post.mentions.slice(0, 50)} : {}),
		...(post.urn ? {urn: post.urn} : {}),
		...(post.url ? {url: post.url} : {}),
	};
}

/** Shows an answer on its card; trouble goes to the page's one status line, not the card. */
export function renderResult(annotation: Annotation, result: PostResult, text: string, status: StatusSink): void {
	if (result.status === 'ok') {
		status.succeeded();
		annotation.render({kind: 'ready', analysis: result.analysis, text});
	} else {
		status.failed(result.error, result.retryAt);
		annotation.render({kind: 'error', error: result.error, ...(result.retryAt ? {retryAt: result.retryAt} : {})});
	}
}

function start({document, settings, client, status, remember}: FeatureContext): RunningFeature {
	const states = new WeakMap<Element, PostState>();
	const moves = new WeakMap<Element, number>();
	const annotated = new Set<Element>();
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let retryAt = Number.POSITIVE_INFINITY;
	let stopped = false;

	/** Exactly one live annotation per post element, kept as its last child. */
	function ensureAnnotation(post: Element, id: string, own: boolean): Annotation {
		const ours = [...post.children].filter(child => child.localName === ANNOTATION_TAG);
		const keep = ours.find(child => annotationOf(child) && states.get(post)?.annotation.host === child);
		for (const child of ours) if (child !== keep) child.remove();

		let annotation = keep ? annotationOf(keep) : undefined;
		if (!annotation || annotation.host.dataset.mode !== (own ? 'author' : 'reader')) {
			keep?.remove();
			annotation = new Annotation(document, id, {
				lang: settings.uiLanguage,
				variant: 'post',
				mode: own ? 'author' : 'reader',
				showAll: settings.showAll,
				// Under someone else's post: the suggested comment goes into this post's comment box.
				...(own
					? {}
					: {
							insertComment(text: string) {
								const editor = findCommentEditor(post);
								return editor !== null && appendToEditor(editor, text);
							},
						}),
			});
			states.delete(post);
			post.append(annotation.host);
		} else if (post.lastElementChild !== annotation.host && (moves.get(post) ?? 0) < MAX_MOVES) {
			moves.set(post, (moves.get(post) ?? 0) + 1);
			post.append(annotation.host);
		}

		annotation.host.dataset.postId = id;
		return annotation;
	}

	function scheduleRetry(at: number): void {
		if (at >= retryAt) return;
		retryAt = at;
		clearTimeout(retryTimer);
		retryTimer = setTimeout(() => {
			retryAt = Number.POSITIVE_INFINITY;
			const now = Date.now();
			for (const post of annotated) {
				const state = states.get(post);
				if (state?.retryAt !== undefined && state.retryAt <= now) states.delete(post);
			}

			scan();
		}, Math.max(MIN_RETRY_DELAY_MS, at - Date.now()));
	}

	function scan(): void {
		if (stopped) return;
		const posts = new Set<Element>();
		for (const post of findPosts(document)) {
			const extracted = extractPost(post);
			if (!extracted || (extracted.sponsored && !settings.sponsored)) continue;
			posts.add(post);

			const own = isOwn(extracted.authorHandle, settings.handle);
			const annotation = ensureAnnotation(post, extracted.id, own);
			annotated.add(post);
			const payload = toPayload(extracted);
			const key = requestKey(payload);
			if (states.get(post)?.key === key) continue; // Unchanged since we asked.

			states.set(post, {key, annotation});
			annotation.render({kind: 'loading'});
			void client.analyze(payload).then(result => {
				const state = states.get(post);
				if (stopped || state?.key !== key) return; // Text changed meanwhile: a newer answer is coming.
				renderResult(annotation, result, extracted.text, status);
				if (own && result.status === 'ok' && !result.analysis.degraded) {
					remember({
						id: extracted.id,
						at: Date.now(),
						kind: 'post',
						framing: shownOrientation(result.analysis.framing),
						credited: peopleCredited(result.analysis, extracted.mentions.length),
					});
				}

				if (result.retryAt !== undefined) {
					state.retryAt = result.retryAt;
					scheduleRetry(result.retryAt);
				}
			});
		}

		// Drop annotations on anything that is no longer an annotatable post (sponsored toggled
		// off, a nested card annotated before its outer post rendered, a dead clone).
		for (const host of document.querySelectorAll(`${ANNOTATION_TAG}:not([data-kind])`)) {
			if (!host.parentElement || !posts.has(host.parentElement)) host.remove();
		}

		for (const post of annotated) if (!post.isConnected) annotated.delete(post);
	}

	return {
		scan,
		stop() {
			stopped = true;
			clearTimeout(retryTimer);
			for (const host of document.querySelectorAll(`${ANNOTATION_TAG}:not([data-kind])`)) host.remove();
			annotated.clear();
		},
	};
}

export const feedAnnotations: Feature = {
	id: 'feed-annotations',
	enabled: settings => settings.feed,
	start,
};

/*
Test pages:
- https://www.linkedin.com/feed/ (G1 legacy or G3 SDUI depending on the account's bucket)
- https://www.linkedin.com/in/<handle>/recent-activity/all/ (G1 in 2026-04)
- Fixtures: test/fixtures/feed-g1.html, test/fixtures/feed-g3.html
*/
