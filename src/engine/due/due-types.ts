import type { ReviewFilter } from '../filter';
/** The due index's shapes, as the due list, the statistics and the calendar read them. */
/** One review note as the due index holds it: its schedule reduced to integers. */
export interface IndexedNote {
	path: string;
	firstDay: number;
	/** Bit i set: stage i is done. */
	doneMask: number;
	/** Index of the current stage (the earliest not done); -1 once every stage is done. */
	stage: number;
	/** Day number the current stage is due; Infinity once every stage is done. */
	dueDay: number;
	subject: string | null;
	/** Its tags as written, without '#' (frontmatter and inline); absent for none. */
	tags?: readonly string[];
	/** Set while the current review is snoozed: the day it comes back. */
	snoozedUntil?: number;
}

/** A review put off: stage index and the day number it comes back on. */
export interface IndexSnooze {
	stage: number;
	until: number;
}

export interface DueCounts {
	overdue: number;
	dueToday: number;
	upcoming: number;
}

export interface DueSnapshot {
	today: number;
	/** Each section sorted by due day then path, cut to the limit asked for; `counts` has the full sizes. */
	overdue: IndexedNote[];
	dueToday: IndexedNote[];
	upcoming: IndexedNote[];
	counts: DueCounts;
	/** Reviews due on each of the next days, today first (overdue ones count on today). */
	forecast: number[];
}

export interface SnapshotOptions {
	horizon?: number;
	forecastDays?: number;
	/** Rows wanted per section (the view draws a page at a time); the counts are always complete. */
	limits?: Partial<Record<keyof DueCounts, number>>;
	/** Only the notes this filter picks, in the sections, counts and forecast. */
	filter?: ReviewFilter;
}

export type Frontmatter = Record<string, unknown> | null | undefined;
