import type { ReviewConfig } from '../config';
import { DueIndex, type IndexSnooze } from '../due';
import { journalStats, type Journals, stageCounts, statisticsReport, type StatisticsReport } from '../history';
import { dayNumberOf, doneMaskOf } from '../schedule';
import type { ReportNote } from './due-report';

/**
 * The statistics of a vault: every device's journal, and the notes' stages and forecast (snoozed
 * reviews moved to the day they come back): what `forgetting-curve stats` and Obsidian's
 * `forgetting-curve:stats` print.
 */
export function vaultStatistics(
	journals: Journals,
	notes: readonly ReportNote[],
	config: ReviewConfig,
	today: number,
	snoozes: ReadonlyMap<string, IndexSnooze>,
	/** A filter's notes: the history counts only their reviews (`notes` are already the picked ones). */
	onlyPaths?: ReadonlySet<string>,
): { report: StatisticsReport; late: { count: number; averageDays: number | null } } {
	const schedules = notes.map((note) => ({ path: note.path, firstDay: dayNumberOf(note.inputs.first), doneMask: doneMaskOf(config.stages, note.inputs.done) }));
	const index = new DueIndex(config);
	index.buildFromSchedules(schedules);
	index.setSnoozes(snoozes);
	const stats = journalStats(journals, today, onlyPaths);
	return { report: statisticsReport(stats, stageCounts(schedules, config.stages), index.snapshot(today).forecast, today), late: stats.late };
}
