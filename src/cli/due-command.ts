import { dueReport, pickNotes } from '../engine';
import { dueReportText, filterLineText, filterNothingDueText } from '../locale';
import { readReviewNotes } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/**
 * Lists overdue reviews, today's and the next seven days', one entry per note for its current stage;
 * with --subject, --folder or --tag, of those notes only.
 */
export function runDue(options: CommonOptions, output: Output): number {
	const read = readReviewNotes(options.positionals, options.config, 'due', output);
	const notes = pickNotes(read.notes, options.filter);
	const report = dueReport(notes, read.refused, options.config, options.clock);
	if (options.json) {
		output.out(`${JSON.stringify(options.filter.length > 0 ? { filter: options.filter, ...report } : report, null, 2)}\n`);
		return 0;
	}
	if (options.filter.length === 0) {
		output.out(dueReportText(report));
		return 0;
	}
	const nothing = report.overdue.length + report.dueToday.length + report.upcoming.length === 0;
	output.out(`${filterLineText(options.filter, notes.length, read.notes)}${dueReportText(report)}${nothing && notes.length > 0 ? filterNothingDueText(options.filter) : ''}`);
	return 0;
}
