import { constants, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { EXPORT_TEXT_FILE, type ExportFile, planImporterRepair, planNotionImport, readExportZip } from '../engine';
import { importSkipText, problemText, t, zipProblemText } from '../locale';
import { collectNotes, readNote, replaceNote } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/** Every file under the export folder, '/'-separated; pages and CSVs with their text. Symbolic links are left alone. */
function readExport(folder: string): ExportFile[] {
	const files: ExportFile[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isSymbolicLink()) continue;
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) {
				const shown = relative(folder, path).split(sep).join('/');
				files.push(EXPORT_TEXT_FILE.test(entry.name) ? { path: shown, text: readFileSync(path, 'utf8') } : { path: shown });
			}
		}
	};
	walk(folder);
	return files;
}

const exists = (path: string) => {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
};

/** The export's files: a folder as it is on disk, or a zip as Notion gives it (its part zips opened), or why the zip was refused. */
function readExportAt(from: string): { files: ExportFile[] } | { refused: string } {
	if (statSync(from).isDirectory()) return { files: readExport(from) };
	if (!/\.zip$/i.test(from)) throw Object.assign(new Error(`${from} is neither a folder nor a .zip file.`), { code: 'ENOTDIR' });
	const read = readExportZip(new Uint8Array(readFileSync(from)));
	return 'problem' in read ? { refused: zipProblemText(read.problem) } : read;
}

/**
 * `import-notion <export-folder-or-zip> <vault-folder>`: each row of the review database becomes a review
 * note in the vault folder, its images and sub-pages copied beside it. Never overwrites: a note or
 * file already there is left as it is (so a second run changes nothing). `--dry-run` lists what it
 * would write. Exit 1 when a row was skipped.
 */
export function runImportNotion(options: CommonOptions, output: Output): number {
	const [from, to] = options.positionals;
	if (!from || !to) return 2;
	const exported = readExportAt(from);
	if ('refused' in exported) {
		output.err(`${exported.refused}\n`);
		return 1;
	}
	if (options.repair) return repairNotes(exported.files, to, options, output);
	const byPath = new Map(exported.files.map((file) => [file.path, file]));
	const plan = planNotionImport(exported.files, options.config, options.clock);
	if (plan.notes.length === 0 && plan.skipped.length === 0) {
		output.out(`${t('import.nothing', { folder: from })}\n`);
		return 0;
	}
	const lines: string[] = [];
	let written = 0;
	let existing = 0;
	let copied = 0;
	if (options.dryRun) lines.push(t('import.would-write', { count: plan.notes.filter((note) => !exists(join(to, note.path))).length }));
	// Each folder made once: thousands of pages share a handful of folders.
	const made = new Set<string>();
	const folderOf = (target: string) => {
		const folder = dirname(target);
		if (!made.has(folder)) mkdirSync(folder, { recursive: true });
		made.add(folder);
	};
	for (const note of plan.notes) {
		const target = join(to, note.path);
		if (exists(target)) {
			existing++;
			lines.push(t('import.exists', { path: note.path }));
		} else if (options.dryRun) {
			lines.push(`  ${note.path}`);
		} else {
			folderOf(target);
			// 'wx': fails rather than replace a file that appeared since the check.
			writeFileSync(target, note.text, { encoding: 'utf8', flag: 'wx' });
			written++;
		}
	}
	for (const copy of plan.copies) {
		const target = join(to, copy.to);
		if (exists(target)) continue;
		if (options.dryRun) {
			lines.push(`  ${copy.to}`);
			continue;
		}
		folderOf(target);
		// A sub-page of the HTML export is written as Markdown; a file from a zip from its bytes; else copied.
		const source = byPath.get(copy.from);
		if (copy.text !== undefined) writeFileSync(target, copy.text, { encoding: 'utf8', flag: 'wx' });
		else if (source?.bytes) writeFileSync(target, source.bytes, { flag: 'wx' });
		else copyFileSync(join(from, copy.from), target, constants.COPYFILE_EXCL);
		copied++;
	}
	for (const skip of plan.skipped) lines.push(importSkipText(skip));
	if (!options.dryRun) lines.push(t('import.done', { written, copied, existing, skipped: plan.skipped.length }));
	output.out(`${lines.join('\n')}\n`);
	return plan.skipped.length > 0 ? 1 : 0;
}

/**
 * `import-notion <export> <vault-folder> --repair`: the notes Obsidian's Importer wrote in the vault
 * folder get their dates back from the export where it wrote "Invalid date" or nothing (only those
 * values), then are recomputed. `--dry-run` lists each note and key it would fix. Exit 1 when a note
 * matched but could not be fixed.
 */
function repairNotes(files: readonly ExportFile[], to: string, options: CommonOptions, output: Output): number {
	const notes: { path: string; text: string; absolute: string }[] = [];
	for (const note of collectNotes([to]).notes) {
		const read = readNote(note.absolute);
		if (read.ok) notes.push({ path: note.shown, text: read.text, absolute: note.absolute });
	}
	const plan = planImporterRepair(files, notes, options.config, options.clock);
	const lines: string[] = [];
	let fixed = 0;
	const byPath = new Map(notes.map((note) => [note.path, note]));
	const refused = [...plan.skipped.map((s) => (s.code === 'ambiguous' ? t('import.repair-ambiguous', { path: s.path }) : t('notice.refused', { path: s.path, reason: s.refusal ? problemText(s.refusal) : '' })))];
	for (const note of plan.notes) {
		const what = note.fixes.map((fix) => t('import.repair-fix', { key: fix.key, was: fix.was, value: fix.value })).join(', ');
		if (options.dryRun) {
			lines.push(t('import.repair-would', { path: note.path, fixes: what }));
			continue;
		}
		const source = byPath.get(note.path);
		const written = source ? replaceNote(source.absolute, source.text, note.text) : null;
		if (written === true) {
			fixed++;
			lines.push(t('import.repair-fixed', { path: note.path, fixes: what }));
		} else refused.push(t('notice.refused', { path: note.path, reason: written ? problemText(written) : '' }));
	}
	if (plan.notes.length === 0 && refused.length === 0) lines.push(t('import.repair-nothing', { folder: to }));
	if (!options.dryRun && plan.notes.length > 0) lines.push(t('import.repair-done', { fixed }));
	output.out(`${[...lines, ...refused].join('\n')}\n`);
	return refused.length > 0 ? 1 : 0;
}
