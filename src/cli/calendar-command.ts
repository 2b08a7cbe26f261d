import { renameSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dayNumberOf, openReviewNote, reminderMinutes, reviewCalendar, type CalendarNote } from '../engine';
import { collectNotes, readNote } from './notes-on-disk';
import type { CommonOptions } from './options';
import { progressReporter, type Output } from './output';

/** Writes the review calendar (.ics) for a vault folder: the same feed the plugin exports. */
export function runCalendar(options: CommonOptions, output: Output): number {
	const [folder = '.'] = options.positionals;
	const out = options.out;
	if (!out) throw new Error('calendar needs --out');
	const notes = collectNotes([folder]);
	const progress = progressReporter(notes.length, 'calendar', output);
	const entries: CalendarNote[] = [];
	const refused: string[] = [];
	notes.forEach((note, index) => {
		progress(index + 1);
		const opened = openReviewNote(readNote(note.absolute), options.config);
		if (opened.kind === 'refused') refused.push(`  refused ${note.shown}: ${opened.refusal.message}`);
		if (opened.kind !== 'ok') return;
		const doneMask = options.config.stages.reduce((mask, stage, i) => (opened.inputs.done.get(stage.id) ? mask | (1 << i) : mask), 0);
		entries.push({ path: note.shown, firstDay: dayNumberOf(opened.inputs.first), doneMask });
	});
	const text = reviewCalendar(entries, options.config, {
		today: dayNumberOf(options.clock.today),
		now: options.clock.now,
		vaultName: options.vault ?? basename(resolve(folder)),
		reminderMinutes: options.reminderEnabled ? reminderMinutes(options.reminderTime) : null,
	});
	const temporary = `${out}.forgetting-curve-${process.pid}.tmp`;
	writeFileSync(temporary, text, 'utf8');
	renameSync(temporary, out);
	const events = text.split('BEGIN:VEVENT').length - 1;
	output.out(`Wrote ${events} review events from ${entries.length} review notes to ${out}.\n${refused.map((line) => `${line}\n`).join('')}`);
	return 0;
}
