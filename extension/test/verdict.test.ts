import {describe, expect, test} from 'vitest';
import {isOwn, LARGE_CULTURE_GAP, peopleCredited, roleOf, shownOrientation, triggers, uniquePeople} from '../src/lib/verdict';
import {parseAnalysis} from '../src/shared/analysis';
import {analysis} from './helpers';

describe('what is worth saying', () => {
	test('roles come from the evidence (en and fr), else from what links the person to the post', () => {
		const [bob] = analysis().credit;
		expect(roleOf(bob!)).toBe('backend lead');
		expect(roleOf({...bob!, evidence: 'A contribué à Atlas (design)'})).toBe('design');
		expect(roleOf({...bob!, evidence: 'Contributed to Atlas'})).toBe('Atlas');
		expect(roleOf({...bob!, reason: 'TEAMMATE', evidence: 'Member of Search, the team behind Atlas'})).toBe('Search');
		expect(roleOf({...bob!, reason: 'FREQUENT_COLLABORATOR', evidence: 'Often mentioned alongside the author'})).toBe('');
	});

	test('each person once, best score first', () => {
		const [bob] = analysis().credit;
		const carla = {...bob!, person: {id: 'c', name: 'Carla', handle: null}, score: 0.95};
		expect(uniquePeople([bob!, {...bob!, score: 0.2}, carla]).map(s => s.person.name)).toEqual(['Carla', 'Bob Nguyen']);
	});

	test('culture: only a large gap, only for readers, never under a collective post', () => {
		const far = analysis({credit: []});
		far.culture = {...far.culture, reader: {country: 'JP', name: 'Japan', individualism: 91 - LARGE_CULTURE_GAP, orientation: ''}};
		expect(triggers(far, 'reader')).toEqual(['culture']);
		expect(triggers(far, 'author')).toEqual([]);
		expect(triggers({...far, framing: {...far.framing, orientation: 'COLLECTIVE'}}, 'reader')).toEqual([]);
		far.culture.reader!.individualism = 92 - LARGE_CULTURE_GAP;
		expect(triggers(far, 'reader')).toEqual([]);
	});

	test('performative vulnerability and humblebrags only under an individual verdict that is shown', () => {
		const failed = analysis({credit: []});
		failed.framing = {
			...failed.framing,
			orientation: 'INDIVIDUAL',
			mixedSignals: false,
			signals: [
				{kind: 'PERFORMATIVE_VULNERABILITY', weight: 1, span: {start: 0, end: 8, text: 'I failed'}},
				{kind: 'SELF_PROMOTION', weight: 2.5, span: {start: 10, end: 29, text: 'Humbled to announce'}},
			],
		};
		expect(triggers(failed, 'reader')).toEqual(['vulnerability', 'humblebrag']);
		expect(triggers(failed, 'author')).toEqual(['vulnerability', 'humblebrag']);
		for (const orientation of ['BALANCED', 'COLLECTIVE'] as const) {
			expect(triggers({...failed, framing: {...failed.framing, orientation}}, 'reader')).toEqual([]);
		}

		expect(triggers({...failed, framing: {...failed.framing, mixedSignals: true}}, 'reader')).toEqual([]);
	});

	test('people credited: mention links or names the analyser found, whichever is more', () => {
		const named = analysis();
		named.framing = {
			...named.framing,
			signals: [
				{kind: 'MENTION', weight: 1, span: {start: 0, end: 3, text: 'Bob'}},
				{kind: 'MENTION', weight: 1, span: {start: 9, end: 12, text: 'bob'}},
				{kind: 'MENTION', weight: 1, span: {start: 20, end: 25, text: 'Carla'}},
			],
		};
		expect(peopleCredited(named, 0)).toBe(2);
		expect(peopleCredited(named, 3)).toBe(3);
	});

	test('own posts: the author handle is the user', () => {
		expect(isOwn('Alice-Martin', 'alice-martin')).toBe(true);
		expect(isOwn('bob-nguyen', 'alice-martin')).toBe(false);
		expect(isOwn(undefined, '')).toBe(false);
		expect(isOwn('', '')).toBe(false);
	});
});

describe('mixed signals come from the service', () => {
	test('the service flag, not a threshold of our own, decides whether the verdict is shown', () => {
		const sure = analysis();
		expect(shownOrientation({...sure.framing, confidence: 0.55, mixedSignals: false})).toBe('INDIVIDUAL');
		expect(shownOrientation({...sure.framing, confidence: 0.9, mixedSignals: true})).toBe('MIXED');
	});

	test('an answer without the flag shows no verdict (an unsure hint is worse than none)', () => {
		const raw = structuredClone(analysis()) as unknown as {framing: Record<string, unknown>};
		delete raw.framing.mixedSignals;
		expect(parseAnalysis(raw)?.framing.mixedSignals).toBe(true);
		raw.framing.mixedSignals = false;
		expect(parseAnalysis(raw)?.framing.mixedSignals).toBe(false);
	});
});
