/**
 * <teamcredit-status>: ONE line per page when the API cannot be used (unreachable, down, key
 * refused, rate limited), in words, with what to do. Posts stay silent meanwhile: an outage is
 * one fact, not one per post. Cleared by the next good answer.
 */
import {formatTime, t, type MessageKey} from '../shared/i18n';
import type {ErrorKind} from '../shared/messages';
import type {UiLanguage} from '../shared/settings';
import {STATUS_STYLES} from './styles';

export const STATUS_TAG = 'teamcredit-status';

/** What the features tell the page's status line. */
export interface StatusSink {
	/** An answer failed: say so once (later failures update the same line). */
	failed(error: ErrorKind, retryAt?: number): void;
	/** An answer arrived: whatever was wrong is over. */
	succeeded(): void;
}

/** Errors worth a line: the others are about one post, or a restart that fixes itself. */
const SAID: Partial<Record<ErrorKind, MessageKey>> = {
	network: 'error_network',
	unavailable: 'error_unavailable',
	server: 'error_server',
	rate_limited: 'error_rate_limited',
	auth: 'error_auth',
	forbidden: 'error_forbidden',
};

export class StatusLine implements StatusSink {
	private host: HTMLElement | undefined;
	private dismissed: ErrorKind | undefined;
	private current: ErrorKind | undefined;

	constructor(
		private readonly doc: Document,
		private readonly lang: UiLanguage,
		private readonly now: () => number = Date.now,
	) {}

	failed(error: ErrorKind, retryAt?: number): void {
		const key = SAID[error];
		if (!key || this.dismissed === error) return;
		this.current = error;
		const host = this.ensureHost();
		const shadow = host.shadowRoot!;
		const doc = this.doc;
		const text = doc.createElement('p');
		text.textContent = t(this.lang, key, formatTime(this.lang, retryAt ?? this.now()));
		const dismiss = doc.createElement('button');
		dismiss.type = 'button';
		dismiss.textContent = t(this.lang, 'status_dismiss');
		dismiss.addEventListener('click', () => {
			this.dismissed = error; // Until something else goes wrong, or it works again.
			this.remove();
		});
		const bar = doc.createElement('div');
		bar.className = 'bar';
		bar.setAttribute('role', 'status');
		bar.setAttribute('aria-label', t(this.lang, 'status_label'));
		bar.append(text, dismiss);
		const style = doc.createElement('style');
		style.textContent = STATUS_STYLES;
		shadow.replaceChildren(style, bar);
		host.dataset.error = error;
	}

	succeeded(): void {
		this.dismissed = undefined;
		if (this.current) this.remove();
	}

	remove(): void {
		this.current = undefined;
		this.host?.remove();
		this.host = undefined;
	}

	private ensureHost(): HTMLElement {
		if (this.host?.isConnected) return this.host;
		// One per document, even if a previous content script left one behind.
		for (const stale of this.doc.querySelectorAll(STATUS_TAG)) stale.remove();
		const host = this.doc.createElement(STATUS_TAG);
		host.attachShadow({mode: 'open'});
		(this.doc.body ?? this.doc.documentElement).append(host);
		this.host = host;
		return host;
	}
}
