/** What the popup says: are hints on, and if not, why not. */
import {formatTime, t, type MessageKey} from '../shared/i18n';
import type {StatusResponse} from '../shared/messages';
import type {UiLanguage} from '../shared/settings';
import {messageKey, testMessage} from '../options/store';

/** Human reasons, most fundamental first. */
export function reasons(lang: UiLanguage, status: StatusResponse): string[] {
	const out: string[] = [];
	const reason = status.reason ? messageKey(`reason_${status.reason}`) : undefined;
	if (reason) out.push(t(lang, reason));
	if (status.connection && !status.connection.ok) out.push(testMessage(lang, status.connection));
	if (status.ready && status.blocked) {
		const kind = status.blocked.kind;
		const key: MessageKey = kind === 'auth' || kind === 'forbidden' ? 'backoff_auth' : kind === 'rate_limited' ? 'backoff_rate_limited' : 'backoff_network';
		out.push(t(lang, key, formatTime(lang, status.blocked.until)));
	}

	if (status.ready && !status.feed) out.push(t(lang, 'reason_feed_off'));
	if (status.ready && !status.composer) out.push(t(lang, 'reason_composer_off'));
	return out;
}

export function hintsOn(status: StatusResponse): boolean {
	return status.ready && !status.blocked && (status.feed || status.composer);
}

