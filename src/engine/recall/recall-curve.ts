import { dueDayOf, fastDayNumber, isStageDone, type Stage, stageJsonValue } from '../schedule';
import type { HistoryEntry } from '../history';
import { memoryStates, recallOn } from './recall-model';

/**
 * One note's forgetting curve: its review points (from the history journal where it has them, else
 * from the checkboxes, a review taken as done on its due day) and its predicted recall day by day
 * from the first study to a little past the next review (recall-model.ts).
 */
export type ReviewPointKind = 'first' | 'on-time' | 'late' | 'early' | 'snoozed';

export interface ReviewPoint {
	day: number;
	kind: ReviewPointKind;
	/** The stage reviewed (or snoozed); absent for the first study. */
	stage?: Stage;
	/** The day the review was due. */
	due?: number;
	/** True when no journal entry says when it was done: its due day is taken. */
	assumed?: boolean;
}

export interface RecallSample {
	day: number;
	/** Predicted recall, 0–1. */
	recall: number;
	/** After today: a projection, drawn apart. */
	projected: boolean;
}

export interface RecallCurve {
	points: ReviewPoint[];
	/** Day by day; on a review day two samples: just before the review, then right after it. */
	samples: RecallSample[];
	today: number;
	/** Null before the first study (a note planned for a later day). */
	todayRecall: number | null;
	/** The next review (the current stage): its day and the recall predicted for it, when one is left. */
	next: { day: number; stage: Stage; recall: number } | null;
}

/** How many days past the next review (or today, when every review is done) the curve goes on. */
export const CURVE_DAYS_AFTER = 7;

export interface CurveNote {
	firstDay: number;
	doneMask: number;
	/** The current review is snoozed until this day. */
	snoozedUntil?: number;
}

const dayOfStamp = (at: string) => fastDayNumber(at.slice(0, 10));

/**
 * The review points of a note: the first study, each stage done (on the day its last `done` entry,
 * not undone since, says; else its due day), and each snooze, in day order. `journal` holds this
 * note's entries in time order.
 */
export function reviewPoints(note: CurveNote, stages: readonly Stage[], journal: readonly HistoryEntry[]): ReviewPoint[] {
	const points: ReviewPoint[] = [{ day: note.firstDay, kind: 'first' }];
	stages.forEach((stage, i) => {
		const due = dueDayOf(note.firstDay, stage);
		const id = stageJsonValue(stage.id);
		let doneOn: number | null = null;
		for (const entry of journal) {
			if (entry.action === 'rename' || entry.stage !== id) continue;
			// An entry from before the first study belongs to an earlier life of the note (its date was reset).
			const on = dayOfStamp(entry.at);
			if (on === null || on < note.firstDay) continue;
			if (entry.action === 'done') doneOn = on;
			else if (entry.action === 'undo') doneOn = null;
			else if (entry.action === 'snooze') points.push({ day: on, kind: 'snoozed', stage, due });
		}
		if (!isStageDone(note.doneMask, i)) return;
		const day = doneOn ?? due;
		points.push({ day, kind: day > due ? 'late' : day < due ? 'early' : 'on-time', stage, due, ...(doneOn === null ? { assumed: true } : {}) });
	});
	return points.sort((a, b) => a.day - b.day);
}

/** The days a note was reviewed after its first study (the first study and snoozes are not reviews), for the model. */
function reviewDaysOf(points: readonly ReviewPoint[], firstDay: number): number[] {
	return points.filter((p) => p.kind !== 'first' && p.kind !== 'snoozed' && p.day > firstDay).map((p) => p.day);
}

/** A note's forgetting curve as of `today`: its points, the recall day by day, today's and the next review's. */
export function recallCurve(note: CurveNote, stages: readonly Stage[], journal: readonly HistoryEntry[], today: number): RecallCurve {
	const points = reviewPoints(note, stages, journal);
	const reviews = reviewDaysOf(points, note.firstDay);
	const states = memoryStates(note.firstDay, reviews);
	const current = stages.findIndex((_, i) => !isStageDone(note.doneMask, i));
	const stage = stages[current];
	const nextDay = stage ? Math.max(dueDayOf(note.firstDay, stage), note.snoozedUntil ?? -Infinity) : null;
	const lastDay = Math.max(today, nextDay ?? today) + CURVE_DAYS_AFTER;
	const reviewDays = new Set(reviews);
	const samples: RecallSample[] = [];
	for (let day = note.firstDay; day <= lastDay; day++) {
		const projected = day > today;
		// Just before a review, the recall the day had reached; then the review lifts it.
		if (reviewDays.has(day)) samples.push({ day, recall: recallOn(states.filter((s) => s.day < day), day) ?? 1, projected });
		samples.push({ day, recall: recallOn(states, day) ?? 0, projected });
	}
	return {
		points,
		samples,
		today,
		todayRecall: recallOn(states, today),
		next: stage && nextDay !== null ? { day: nextDay, stage, recall: recallOn(states, nextDay) ?? 0 } : null,
	};
}

/** Predicted recall on `day` for a note: the figure the statistics average and rank; null before its first study. */
export function recallToday(note: CurveNote, stages: readonly Stage[], journal: readonly HistoryEntry[], day: number): number | null {
	if (day < note.firstDay) return null;
	// Reviews after `day` do not change it: recallOn reads the latest state on or before it.
	return recallOn(memoryStates(note.firstDay, reviewDaysOf(reviewPoints(note, stages, journal), note.firstDay)), day);
}
