import { currentStageIndex } from './done-mask';
import { dayNumberAt, isoOfDayNumber } from './day-numbers';
import { dayOfEntry, type HistoryEntry } from './history';
import type { Stage } from './stages';

/** A "done" no later "undo" took back: what every figure below counts. */
export interface CountedReview {
	/** The note's path as the journal last names it (renames followed). */
	path: string;
	stage: string;
	/** Day numbers: when it was done (the local day of `at`) and when it was due. */
	day: number;
	dueDay: number;
}

/**
 * The reviews that count, from a merged journal in time order (mergeJournals): an "undo" cancels the
 * latest earlier "done" of the same note and stage not already cancelled, following renames, so a
 * review done, moved and then undone is still taken back.
 */
export function countedReviews(entries: readonly HistoryEntry[]): CountedReview[] {
	// Each path names a note identity; a rename hands the identity to the new path.
	const identityOf = new Map<string, number>();
	const latestPath: string[] = [];
	const identity = (path: string) => {
		let id = identityOf.get(path);
		if (id === undefined) {
			id = latestPath.length;
			latestPath.push(path);
			identityOf.set(path, id);
		}
		return id;
	};
	const reviews: CountedReview[] = [];
	const ids: number[] = [];
	const cancelled: boolean[] = [];
	// Done reviews not yet taken back, by note and stage as one number (a string key costs more than the rest).
	const open = new Map<number, number[]>();
	const stageNumbers = new Map<string, number>();
	for (const entry of entries) {
		if (entry.action === 'rename') {
			const id = identity(entry.from);
			identityOf.delete(entry.from);
			identityOf.set(entry.path, id);
			latestPath[id] = entry.path;
			continue;
		}
		if (entry.action !== 'done' && entry.action !== 'undo') continue;
		const id = identity(entry.path);
		const stage = typeof entry.stage === 'string' ? entry.stage : String(entry.stage);
		let stageNumber = stageNumbers.get(stage);
		if (stageNumber === undefined) stageNumbers.set(stage, (stageNumber = stageNumbers.size));
		const key = id * 4096 + stageNumber;
		if (entry.action === 'done') {
			const at = reviews.length;
			reviews.push({ path: '', stage, day: dayOfEntry(entry), dueDay: dayNumberAt(entry.due, 0) ?? 0 });
			ids.push(id);
			cancelled.push(false);
			const stack = open.get(key);
			if (stack) stack.push(at);
			else open.set(key, [at]);
		} else {
			const taken = open.get(key)?.pop();
			if (taken !== undefined) cancelled[taken] = true;
		}
	}
	const counted: CountedReview[] = [];
	reviews.forEach((review, i) => {
		if (cancelled[i]) return;
		review.path = latestPath[ids[i]!]!;
		counted.push(review);
	});
	return counted;
}

export interface ReviewStats {
	/** Counted reviews per day number. */
	reviewsByDay: Map<number, number>;
	total: number;
	/** Consecutive days with a review, ending today (or yesterday, while today has none yet). */
	currentStreakDays: number;
	longestStreakDays: number;
	/** Share of counted reviews done on or before their due day; null with none. */
	onTimeRate: number | null;
	/** Reviews done after their due day, and by how many days on average and at most. */
	late: { count: number; averageDays: number | null; maxDays: number | null };
}

export function reviewStats(reviews: readonly CountedReview[], today: number): ReviewStats {
	const reviewsByDay = new Map<number, number>();
	let onTime = 0;
	let lateCount = 0;
	let lateDays = 0;
	let maxLate = 0;
	for (const review of reviews) {
		reviewsByDay.set(review.day, (reviewsByDay.get(review.day) ?? 0) + 1);
		const late = review.day - review.dueDay;
		if (late <= 0) onTime++;
		else {
			lateCount++;
			lateDays += late;
			maxLate = Math.max(maxLate, late);
		}
	}
	let current = 0;
	for (let day = reviewsByDay.has(today) ? today : today - 1; reviewsByDay.has(day); day--) current++;
	let longest = 0;
	let run = 0;
	let previous = Number.NaN;
	for (const day of [...reviewsByDay.keys()].sort((a, b) => a - b)) {
		run = day === previous + 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
		previous = day;
	}
	return {
		reviewsByDay,
		total: reviews.length,
		currentStreakDays: current,
		longestStreakDays: longest,
		onTimeRate: reviews.length === 0 ? null : onTime / reviews.length,
		late: { count: lateCount, averageDays: lateCount === 0 ? null : lateDays / lateCount, maxDays: lateCount === 0 ? null : maxLate },
	};
}

/** The key of notes with every review done, beside the stage ids in stage counts. */
export const FINISHED = 'finished';

/** How many review notes sit at each stage (their earliest review not done), and how many are finished. */
export function stageCounts(notes: Iterable<{ doneMask: number }>, stages: readonly Stage[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const stage of stages) counts[stage.id] = 0;
	counts[FINISHED] = 0;
	for (const note of notes) {
		const index = currentStageIndex(note.doneMask, stages.length);
		const key = index < 0 ? FINISHED : stages[index]!.id;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** The statistics as the CLI's `stats --json` gives them; the view shows the same figures. */
export interface StatisticsReport {
	today: string;
	reviewsByDay: Record<string, number>;
	currentStreakDays: number;
	longestStreakDays: number;
	onTimeRate: number | null;
	stageCounts: Record<string, number>;
	/** Reviews due on each of the next 14 days, today first (overdue ones count on today). */
	forecast: number[];
}

export function statisticsReport(stats: ReviewStats, counts: Record<string, number>, forecast: readonly number[], today: number): StatisticsReport {
	const reviewsByDay: Record<string, number> = {};
	for (const day of [...stats.reviewsByDay.keys()].sort((a, b) => a - b)) reviewsByDay[isoOfDayNumber(day)] = stats.reviewsByDay.get(day)!;
	return {
		today: isoOfDayNumber(today),
		reviewsByDay,
		currentStreakDays: stats.currentStreakDays,
		longestStreakDays: stats.longestStreakDays,
		onTimeRate: stats.onTimeRate,
		stageCounts: counts,
		forecast: [...forecast],
	};
}
