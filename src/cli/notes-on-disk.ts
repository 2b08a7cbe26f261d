import { lstatSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeNote, openReviewNote, READ_BUDGET, refusal, type Refusal, type ReviewConfig, type ReviewInputs, textFacets, unreadable } from '../engine';
import { refusalText } from '../locale';
import { type Output, progressReporter } from './output';

/** Folders that hold app state or tooling, never notes. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface NoteFile {
	/** Path to open. */
	absolute: string;
	/** Path shown to the learner: relative to the folder given, with forward slashes. */
	shown: string;
}

export interface CollectedNotes {
	notes: NoteFile[];
	/** Symbolic links met in folder walks, left alone (they may point outside the vault, or in circles). */
	symlinksSkipped: number;
}

/**
 * Every Markdown note under the given files or folders, in a stable order. A file given by name is
 * taken even when it is a symbolic link (it is written through to its target); inside folders,
 * symbolic links are skipped and counted.
 */
export function collectNotes(targets: readonly string[]): CollectedNotes {
	const found: CollectedNotes = { notes: [], symlinksSkipped: 0 };
	for (const target of targets) {
		if (statSync(target).isDirectory()) {
			for (const file of walk(target, found)) found.notes.push({ absolute: file, shown: toSlashes(relative(target, file)) });
		} else {
			found.notes.push({ absolute: target, shown: toSlashes(target) });
		}
	}
	return found;
}

function* walk(folder: string, found: CollectedNotes): Generator<string> {
	const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		const path = join(folder, entry.name);
		if (entry.isSymbolicLink()) {
			if (entry.name.endsWith('.md') || !entry.name.startsWith('.')) found.symlinksSkipped++;
		} else if (entry.isDirectory()) {
			if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) yield* walk(path, found);
		} else if (entry.isFile() && entry.name.endsWith('.md')) {
			yield path;
		}
	}
}

function toSlashes(path: string): string {
	return path.split(sep).join('/');
}

/**
 * A note's text, or a refusal: a file over the read budget is not read at all (a string past ~512 MB
 * cannot exist in V8, and long before that one note would take the run's memory), and bytes that are
 * not UTF-8 are never decoded lossily.
 */
export function readNote(path: string): { ok: true; text: string } | { ok: false; refusal: Refusal } {
	const size = statSync(path).size;
	if (size > READ_BUDGET.maxNoteBytes) return { ok: false, refusal: refusal('too-large', { size, limit: READ_BUDGET.maxNoteBytes }) };
	return decodeNote(readFileSync(path));
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves the old note, never half
 * a note. Refuses when the note changed on disk since it was read. A symbolic link is written through:
 * its target gets the new text and the link stays a link.
 */
export function replaceNote(path: string, expectedOld: string, next: string): true | Refusal {
	const target = lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
	const { mode } = statSync(target);
	// The rename below would replace a read-only file as easily as any other: its mode is the owner's word.
	if ((mode & 0o222) === 0) return refusal('read-only');
	if (!readFileSync(target).equals(Buffer.from(expectedOld, 'utf8'))) return refusal('changed-on-disk');
	writeAtomically(target, next, mode);
	return true;
}

/** Writes through a temporary file beside the target and a rename: readers see the old or the new file, never half. */
export function writeAtomically(path: string, text: string, mode?: number): void {
	const temporary = `${path}.forgetting-curve-${process.pid}.tmp`;
	writeFileSync(temporary, text, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
	renameSync(temporary, path);
}

export interface ReviewNotesOnDisk {
	notes: { path: string; inputs: ReviewInputs; subject: string | null; tags: string[] }[];
	refused: { path: string; reason: string }[];
}

/** Reads every review note under a folder (with progress for large ones); refused notes are named, others skipped. */
export function readReviewNotes(targets: readonly string[], config: ReviewConfig, label: string, output: Output): ReviewNotesOnDisk {
	const files = collectNotes(targets).notes;
	const progress = progressReporter(files.length, label, output);
	const found: ReviewNotesOnDisk = { notes: [], refused: [] };
	files.forEach((file, index) => {
		progress(index + 1);
		const opened = readReviewNote(file.absolute, config);
		if (opened.kind === 'refused') found.refused.push({ path: file.shown, reason: refusalText(opened.refusal, 'en') });
		if (opened.kind === 'ok') found.notes.push({ path: file.shown, inputs: opened.inputs, ...opened.facets });
	});
	return found;
}

/** One note's inputs, or why not; a file that cannot be read at all is refused like a note that cannot be parsed. */
function readReviewNote(path: string, config: ReviewConfig): { kind: 'ok'; inputs: ReviewInputs; facets: ReturnType<typeof textFacets> } | { kind: 'refused'; refusal: Refusal } | { kind: 'not-review' } {
	try {
		const read = readNote(path);
		if (!read.ok) return { kind: 'refused', refusal: read.refusal };
		const opened = openReviewNote(read.text, config);
		return opened.kind === 'ok' ? { kind: 'ok', inputs: opened.inputs, facets: textFacets(read.text, opened, config) } : opened;
	} catch (e) {
		return { kind: 'refused', refusal: unreadable(e) };
	}
}
