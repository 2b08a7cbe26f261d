import { createTwoFilesPatch } from 'diff';
import { recompute, type Refusal, unreadable } from '../engine';
import { refusalText } from '../locale';
import { collectNotes, type NoteFile, readNote, replaceNote } from './notes-on-disk';
import type { CommonOptions } from './options';
import { type Output, progressReporter } from './output';

interface RefusedNote {
	path: string;
	code: Refusal['code'];
	key?: string;
	reason: string;
}

export interface RecomputeSummary {
	scanned: number;
	changed: string[];
	unchanged: number;
	notReview: number;
	refused: RefusedNote[];
	symlinksSkipped: number;
	dryRun: boolean;
}

/** Recomputes every review note in place (or, with --dry-run, prints the diff). Exit 1 when any was refused. */
export function runRecompute(options: CommonOptions, output: Output): number {
	const { notes, symlinksSkipped } = collectNotes(options.positionals);
	const summary: RecomputeSummary = { scanned: 0, changed: [], unchanged: 0, notReview: 0, refused: [], symlinksSkipped, dryRun: options.dryRun };
	const diffs: Record<string, string> = {};
	const progress = progressReporter(notes.length, 'recompute', output);
	for (const note of notes) {
		summary.scanned++;
		// Each note in its own guard: whatever one note holds, or whatever its file does, the run goes on.
		try {
			recomputeOne(note, options, summary, diffs);
		} catch (e) {
			summary.refused.push(refusedNote(note.shown, unreadable(e)));
		}
		progress(summary.scanned);
	}
	if (options.json) {
		output.out(`${JSON.stringify(options.dryRun ? { ...summary, diffs } : summary, null, 2)}\n`);
	} else {
		for (const patch of Object.values(diffs)) output.out(patch);
		output.out(summaryText(summary));
	}
	return summary.refused.length > 0 ? 1 : 0;
}

function recomputeOne(note: NoteFile, options: CommonOptions, summary: RecomputeSummary, diffs: Record<string, string>): void {
	const read = readNote(note.absolute);
	if (!read.ok) return void summary.refused.push(refusedNote(note.shown, read.refusal));
	const text = read.text;
	const result = recompute(text, options.config, options.clock);
	if (result.kind === 'not-review') summary.notReview++;
	else if (result.kind === 'unchanged') summary.unchanged++;
	else if (result.kind === 'refused') summary.refused.push(refusedNote(note.shown, result.refusal));
	else if (options.dryRun) {
		summary.changed.push(note.shown);
		diffs[note.shown] = createTwoFilesPatch(`a/${note.shown}`, `b/${note.shown}`, text, result.text);
	} else {
		const written = replaceNote(note.absolute, text, result.text);
		if (written === true) summary.changed.push(note.shown);
		else summary.refused.push(refusedNote(note.shown, written));
	}
}

function refusedNote(path: string, why: Refusal): RefusedNote {
	return why.key === undefined
		? { path, code: why.code, reason: refusalText(why, 'en') }
		: { path, code: why.code, key: why.key, reason: refusalText(why, 'en') };
}

function summaryText(s: RecomputeSummary): string {
	const verb = s.dryRun ? 'would change' : 'changed';
	const lines = [
		`Scanned ${s.scanned} notes: ${s.changed.length} ${verb}, ${s.unchanged} unchanged, ${s.refused.length} refused, ${s.notReview} not review notes.` +
			(s.symlinksSkipped > 0 ? ` Skipped ${s.symlinksSkipped} symbolic links.` : ''),
		...s.refused.map((r) => `  refused ${r.path}: ${r.reason}`),
	];
	return `${lines.join('\n')}\n`;
}
