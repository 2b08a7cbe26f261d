import { fastDayNumber, isoOfDayNumber, type Stage, type StageId } from '../schedule';
import type { IndexSnooze } from './due-types';

/**
 * Reviews the learner put off ("snooze until tomorrow"), kept in the plugin's data by note path:
 * which review, and the day it comes back. A snooze never touches the note or its schedule; it only
 * hides that review from the due list, the counts, the reminder and the calendar until its day.
 */
export interface Snooze {
	stage: StageId;
	/** YYYY-MM-DD: the review is due again from this day. */
	until: string;
}

export type Snoozes = Record<string, Snooze>;

/**
 * The snoozes in data.json that still mean something: well formed, of a stage the schedule has, and
 * not yet over (a snooze whose day has come is dropped).
 */
export function liveSnoozes(raw: unknown, stages: readonly Stage[], today: number): Snoozes {
	const live: Snoozes = {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return live;
	for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
		if (typeof value !== 'object' || value === null) continue;
		const { stage, until } = value as Record<string, unknown>;
		if (typeof stage !== 'string' || !stages.some((s) => s.id === stage)) continue;
		const day = typeof until === 'string' ? fastDayNumber(until) : null;
		if (day !== null && day > today) live[path] = { stage, until: isoOfDayNumber(day) };
	}
	return live;
}

/** The snoozes as the due index takes them: stage indexes and day numbers. */
export function indexSnoozes(snoozes: Snoozes, stages: readonly Stage[]): Map<string, IndexSnooze> {
	const map = new Map<string, IndexSnooze>();
	for (const [path, snooze] of Object.entries(snoozes)) {
		const stage = stages.findIndex((s) => s.id === snooze.stage);
		const until = fastDayNumber(snooze.until);
		if (stage >= 0 && until !== null) map.set(path, { stage, until });
	}
	return map;
}
