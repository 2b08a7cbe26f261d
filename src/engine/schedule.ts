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

export type DueBucket = 'overdue' | 'today' | 'upcoming';

/** Where a note's current review falls: overdue, due today, or upcoming within `horizonDays`; else null. */
export function dueBucket(schedule: Schedule, horizonDays = 7): DueBucket | null {
	const days = daysUntilDue(schedule);
	if (days === null || days > horizonDays) return null;
	if (days < 0) return 'overdue';
	return days === 0 ? 'today' : 'upcoming';
}
