import { daysUntilDue, dueBucket, scheduleFor, stageJsonValue, toIsoDate, UPCOMING_DAYS } from '../engine';
import { readReviewNotes } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

interface DueEntry {
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


/** Lists overdue reviews, today's and the next seven days', one entry per note for its current stage. */
export function runDue(options: CommonOptions, output: Output): number {
	const { notes, refused } = readReviewNotes(options.positionals, options.config, 'due', output);
	const report: DueReport = { today: toIsoDate(options.clock.today), overdue: [], dueToday: [], upcoming: [], refused };
	for (const note of notes) {
		const schedule = scheduleFor(note.inputs, options.config, options.clock);
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
	output.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
	return 0;
}

function stageText(stage: number | string): string {
	return typeof stage === 'number' ? `${stage}d` : stage;
}

function reportText(report: DueReport): string {
	const section = (title: string, entries: DueEntry[], detail: (e: DueEntry) => string) => [
		`${title} (${entries.length})`,
		...entries.map((e) => `  ${e.path}  ${stageText(e.stage)}  ${detail(e)}`),
	];
	const lines = [
		`Today: ${report.today}`,
		...section('Overdue', report.overdue, (e) => `due ${e.due}, ${e.daysLate} day${e.daysLate === 1 ? '' : 's'} late`),
		...section('Due today', report.dueToday, (e) => `due ${e.due}`),
		...section(`Upcoming, next ${UPCOMING_DAYS} days`, report.upcoming, (e) => `due ${e.due}`),
		...report.refused.map((r) => `  refused ${r.path}: ${r.reason}`),
	];
	return `${lines.join('\n')}\n`;
}
