import { basename, resolve } from 'node:path';
import { dayNumberOf, reminderMinutes, reviewCalendar, type CalendarNote } from '../engine';
import { readReviewNotes, writeAtomically } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/** Writes the review calendar (.ics) for a vault folder: the same feed the plugin exports. */
export function runCalendar(options: CommonOptions, output: Output): number {
	const [folder = '.'] = options.positionals;
	const out = options.out;
	if (!out) throw new Error('calendar needs --out');
	const { notes, refused } = readReviewNotes([folder], options.config, 'calendar', output);
	const entries: CalendarNote[] = notes.map(({ path, inputs }) => ({
		path,
		firstDay: dayNumberOf(inputs.first),
		doneMask: options.config.stages.reduce((mask, stage, i) => (inputs.done.get(stage.id) ? mask | (1 << i) : mask), 0),
	}));
	const text = reviewCalendar(entries, options.config, {
		today: dayNumberOf(options.clock.today),
		now: options.clock.now,
		vaultName: options.vault ?? basename(resolve(folder)),
		reminderMinutes: options.reminderEnabled ? reminderMinutes(options.reminderTime) : null,
	});
	writeAtomically(out, text);
	const events = text.split('BEGIN:VEVENT').length - 1;
	output.out(`Wrote ${events} review events from ${entries.length} review notes to ${out}.\n${refused.map((r) => `  refused ${r.path}: ${r.reason}\n`).join('')}`);
	return 0;
}
