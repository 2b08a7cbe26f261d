import type { ReviewConfig } from '../config';
import { type ReviewInputs, scheduleFor } from '../recompute';
import { type Clock, daysUntilDue, dueBucket, stageJsonValue, toIsoDate } from '../schedule';

/** A review note read for a report, by the path shown to the learner. */
export interface ReportNote {
	path: string;
	inputs: ReviewInputs;
	/** The subject and tags a filter reads (the CLI reads them from the note's text). */
	subject?: string | null;
	tags?: readonly string[];
}

export interface DueEntry {
	path: string;
	stage: number | string;
	due: string;
	/** Positive: days late; 0: today; negative: days ahead. */
	daysLate: number;
}

export interface DueReport {
	today: string;
	overdue: DueEntry[];
	dueToday: DueEntry[];
	upcoming: DueEntry[];
	refused: { path: string; reason: string }[];
}

/**
 * Overdue reviews, today's and the next seven days', one entry per note for its current stage, each
 * list by due day then path: what `forgetting-curve due` and Obsidian's `forgetting-curve:due` print.
 */
export function dueReport(notes: readonly ReportNote[], refused: DueReport['refused'], config: ReviewConfig, clock: Clock): DueReport {
	const report: DueReport = { today: toIsoDate(clock.today), overdue: [], dueToday: [], upcoming: [], refused };
	for (const note of notes) {
		const schedule = scheduleFor(note.inputs, config, clock);
		const bucket = dueBucket(schedule);
		if (!bucket || !schedule.current) continue;
		report[bucket].push({
			path: note.path,
			stage: stageJsonValue(schedule.current.stage.id),
			due: toIsoDate(schedule.current.due),
			daysLate: -(daysUntilDue(schedule) ?? 0),
		});
	}
	for (const list of [report.overdue, report.dueToday, report.upcoming]) {
		list.sort((a, b) => (a.due === b.due ? (a.path < b.path ? -1 : 1) : a.due < b.due ? -1 : 1));
	}
	return report;
}
