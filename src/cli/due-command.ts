import { dueReport } from '../engine';
import { dueReportText } from '../locale';
import { readReviewNotes } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/** Lists overdue reviews, today's and the next seven days', one entry per note for its current stage. */
export function runDue(options: CommonOptions, output: Output): number {
	const { notes, refused } = readReviewNotes(options.positionals, options.config, 'due', output);
	const report = dueReport(notes, refused, options.config, options.clock);
	output.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : dueReportText(report));
	return 0;
}
