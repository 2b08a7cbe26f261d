import { currentStageIndex, isoOfDayNumber, type Stage } from '../schedule';
import { countReviews } from './journal-counts';
import type { Journals } from './journal';

/** A "done" no later "undo" took back: what every figure below counts. */
export interface CountedReview {
	/** The note's path as the journal last names it (renames followed). */
	path: string;
	stage: string;
	/** Day numbers: when it was done (the local day of `at`) and when it was due. */
	day: number;
	dueDay: number;
}

/** The counted reviews as objects, in time order (for tools and tests; the statistics read columns). */
export function countedReviews(journals: Journals): CountedReview[] {
	const counted = countReviews(journals);
	return Array.from(counted.entries, (i, k) => ({
		path: journals.pathNames[counted.latestPaths[k]!]!,
		stage: journals.stageNames[journals.stages[i]!]!,
		day: journals.days[i]!,
		dueDay: journals.dueDays[i]!,
	}));
}

/** The statistics of every device's journals (journal.ts), as the view and the CLI show them; with `onlyPaths`, of those notes' reviews. */
export function journalStats(journals: Journals, today: number, onlyPaths?: ReadonlySet<string>): ReviewStats {
	const counted = countReviews(journals);
	let { entries } = counted;
	// A filter's statistics: only the reviews of the notes it picks, by their latest path.
	if (onlyPaths) entries = entries.filter((_, k) => onlyPaths.has(journals.pathNames[counted.latestPaths[k]!]!));
	const days = new Int32Array(entries.length);
	const dueDays = new Int32Array(entries.length);
	for (let k = 0; k < entries.length; k++) {
		days[k] = journals.days[entries[k]!]!;
		dueDays[k] = journals.dueDays[entries[k]!]!;
	}
	return reviewStats(days, dueDays, today);
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

/** The figures from counted reviews' days (done on) and due days, index by index. */
export function reviewStats(days: ArrayLike<number>, dueDays: ArrayLike<number>, today: number): ReviewStats {
	// Counted per day in an array over the days' span (a Map update per review cost more than the rest).
	let first = Infinity;
	let last = -Infinity;
	for (let i = 0; i < days.length; i++) {
		first = Math.min(first, days[i]!);
		last = Math.max(last, days[i]!);
	}
	const perDay = new Int32Array(days.length === 0 ? 0 : last - first + 1);
	let onTime = 0;
	let lateCount = 0;
	let lateDays = 0;
	let maxLate = 0;
	for (let i = 0; i < days.length; i++) {
		const day = days[i]!;
		perDay[day - first]!++;
		const late = day - dueDays[i]!;
		if (late <= 0) onTime++;
		else {
			lateCount++;
			lateDays += late;
			maxLate = Math.max(maxLate, late);
		}
	}
	const reviewsByDay = new Map<number, number>();
	perDay.forEach((count, offset) => {
		if (count > 0) reviewsByDay.set(first + offset, count);
	});
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
		total: days.length,
		currentStreakDays: current,
		longestStreakDays: longest,
		onTimeRate: days.length === 0 ? null : onTime / days.length,
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
