import { readdirSync, renameSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { openReviewNote, type ReviewConfig, type ReviewInputs } from '../engine';
import { progressReporter, type Output } from './output';

/** Folders that hold app state or tooling, never notes. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface NoteFile {
	/** Path to open. */
	absolute: string;
	/** Path shown to the learner: relative to the folder given, with forward slashes. */
	shown: string;
}

/** Every Markdown note under the given files or folders, in a stable order. */
export function collectNotes(targets: readonly string[]): NoteFile[] {
	const notes: NoteFile[] = [];
	for (const target of targets) {
		if (statSync(target).isDirectory()) {
			for (const file of walk(target)) notes.push({ absolute: file, shown: toSlashes(relative(target, file)) });
		} else {
			notes.push({ absolute: target, shown: toSlashes(target) });
		}
	}
	return notes;
}

function* walk(folder: string): Generator<string> {
	const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) {
			if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) yield* walk(path);
		} else if (entry.isFile() && entry.name.endsWith('.md')) {
			yield path;
		}
	}
}

function toSlashes(path: string): string {
	return path.split(sep).join('/');
}

export function readNote(path: string): string {
	return readFileSync(path, 'utf8');
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves the old note, never half
 * a note. Refuses when the note changed on disk since it was read.
 */
export function replaceNote(path: string, expectedOld: string, next: string): boolean {
	if (readFileSync(path, 'utf8') !== expectedOld) return false;
	writeAtomically(path, next, statSync(path).mode);
	return true;
}

/** Writes through a temporary file beside the target and a rename: readers see the old or the new file, never half. */
export function writeAtomically(path: string, text: string, mode?: number): void {
	const temporary = `${path}.forgetting-curve-${process.pid}.tmp`;
	writeFileSync(temporary, text, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
	renameSync(temporary, path);
}

export interface ReviewNotesOnDisk {
	notes: { path: string; inputs: ReviewInputs }[];
	refused: { path: string; reason: string }[];
}

/** Reads every review note under a folder (with progress for large ones); refused notes are named, others skipped. */
export function readReviewNotes(targets: readonly string[], config: ReviewConfig, label: string, output: Output): ReviewNotesOnDisk {
	const files = collectNotes(targets);
	const progress = progressReporter(files.length, label, output);
	const found: ReviewNotesOnDisk = { notes: [], refused: [] };
	files.forEach((file, index) => {
		progress(index + 1);
		const opened = openReviewNote(readNote(file.absolute), config);
		if (opened.kind === 'refused') found.refused.push({ path: file.shown, reason: opened.refusal.message });
		if (opened.kind === 'ok') found.notes.push({ path: file.shown, inputs: opened.inputs });
	});
	return found;
}
