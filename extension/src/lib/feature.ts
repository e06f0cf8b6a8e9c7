import type {MirrorEntry} from './mirror';
import type {Settings} from '../shared/settings';
import type {StatusSink} from '../ui/status-line';
import type {AnalyzeClient} from './analyze-client';

/** What content.ts hands each feature when it starts (refined-github style, one file per feature). */
export interface FeatureContext {
	document: Document;
	settings: Settings;
	client: AnalyzeClient;
	/** The page's one status line for API trouble. */
	status: StatusSink;
	/** Records one of the user's own drafts or posts in the on-device mirror. */
	remember: (entry: MirrorEntry) => void;
}

export interface RunningFeature {
	/** Called after each (debounced) batch of DOM mutations and on in-app navigation; must be idempotent. */
	scan(): void;
	/** Removes everything the feature added to the page. */
	stop(): void;
}

export interface Feature {
	id: 'feed-annotations' | 'draft-coaching';
	enabled(settings: Settings): boolean;
	start(context: FeatureContext): RunningFeature;
}
