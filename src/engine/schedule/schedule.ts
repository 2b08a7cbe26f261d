import { calendarDaysBetween, daysAfter } from './dates';
import type { Stage, StageId } from './stages';

export interface StageStatus {
	stage: Stage;
	due: Date;
	done: boolean;
}

export interface Schedule {
	first: Date;
	today: Date;
	/** Calendar days from first study to today (0 on the day itself). */
	dayCount: number;
	stages: StageStatus[];
	/** The earliest stage not yet done; null once every stage is done. */
	current: StageStatus | null;
	/** The current stage was due before today. */
	overdue: boolean;
}

export function computeSchedule(
	first: Date,
	today: Date,
	stages: readonly Stage[],
	done: ReadonlyMap<StageId, boolean>,
): Schedule {
	const statuses = stages.map((stage) => ({
		stage,
		due: daysAfter(first, stage.days),
		done: done.get(stage.id) === true,
	}));
	const current = statuses.find((status) => !status.done) ?? null;
	return {
		first,
		today,
		dayCount: calendarDaysBetween(first, today),
		stages: statuses,
		current,
		overdue: current !== null && calendarDaysBetween(current.due, today) > 0,
	};
}

/** Days until the current stage is due: negative when overdue, null when every stage is done. */
export function daysUntilDue(schedule: Schedule): number | null {
	return schedule.current ? calendarDaysBetween(schedule.today, schedule.current.due) : null;
}

/** How far ahead "upcoming" reviews are listed, and how many days the forecast shows (today first). */
export const UPCOMING_DAYS = 7;
export const FORECAST_DAYS = 14;
/**
 * How far ahead the daily reminder puts its events (today and the next 30 days): a phone whose vault
 * is not opened for weeks still rings on the days reviews fall due, and the calendar holds at most 31
 * of our events.
 */
export const REMINDER_DAYS = 30;

/** The three sections of due reviews; the same names in the due list, the CLI's JSON and the index. */
export type DueBucket = 'overdue' | 'dueToday' | 'upcoming';

/** Where a note's current review falls: overdue, due today, or upcoming within `horizonDays`; else null. */
export function dueBucket(schedule: Schedule, horizonDays = UPCOMING_DAYS): DueBucket | null {
	const days = daysUntilDue(schedule);
	if (days === null || days > horizonDays) return null;
	if (days < 0) return 'overdue';
	return days === 0 ? 'dueToday' : 'upcoming';
}
