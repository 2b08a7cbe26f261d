import { type App, normalizePath, TFile, TFolder, Vault } from 'obsidian';
import { type Clock, EXPORT_TEXT_FILE, type ExportFile, type ImportPlan, importerRepairer, planNotionImport, readExportZip, type RepairPlan, replacementEdit, type ReviewConfig, type ZipProblem } from '../../engine';
import type { NoteWriter } from '../notes';

export interface ImportOutcome {
	plan: ImportPlan;
	/** Notes the plan holds that are not there yet: written, or (dry run) to be written. */
	fresh: string[];
	/** Notes already there, left as they are. */
	existing: string[];
	copied: number;
}

/** Why an export was not imported at all: its zip was refused (nothing was written). */
export interface ImportRefused {
	refused: ZipProblem;
}

/** Makes each missing folder of a path, as Vault.create needs its folder to exist. */
async function ensureFolder(app: App, path: string): Promise<void> {
	const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
	if (folder === '' || app.vault.getFolderByPath(folder)) return;
	await ensureFolder(app, folder);
	await app.vault.createFolder(folder);
}

const taken = async (app: App, path: string) => app.vault.getAbstractFileByPath(path) !== null || (await app.vault.adapter.exists(path));

/** An export unzipped in the vault: its files, read through the vault, with where each one is. */
async function readFolder(app: App, root: TFolder): Promise<{ files: ExportFile[]; inVault: (path: string) => TFile | null }> {
	const found: TFile[] = [];
	Vault.recurseChildren(root, (file) => {
		if (file instanceof TFile) found.push(file);
	});
	const prefix = root.isRoot() ? '' : `${root.path}/`;
	const files: ExportFile[] = [];
	for (const file of found) {
		const path = file.path.slice(prefix.length);
		files.push(EXPORT_TEXT_FILE.test(file.name) ? { path, text: await app.vault.cachedRead(file) } : { path });
	}
	return { files, inVault: (path) => app.vault.getFileByPath(`${prefix}${path}`) };
}

/**
 * Writes what the engine planned: each note and file that is not there yet (never replacing one); a
 * sub-page of the HTML export as Markdown, a file from a zip from its bytes, a file of a folder in the
 * vault as a copy. A dry run writes nothing.
 */
async function writePlan(app: App, files: readonly ExportFile[], inVault: (path: string) => TFile | null, plan: ImportPlan, to: string, dryRun: boolean): Promise<ImportOutcome> {
	const outcome: ImportOutcome = { plan, fresh: [], existing: [], copied: 0 };
	const target = (path: string) => normalizePath(to.trim() === '' ? path : `${to}/${path}`);
	for (const note of plan.notes) {
		const path = target(note.path);
		if (await taken(app, path)) {
			outcome.existing.push(path);
			continue;
		}
		outcome.fresh.push(path);
		if (dryRun) continue;
		await ensureFolder(app, path);
		await app.vault.create(path, note.text);
	}
	if (dryRun) return outcome;
	const byPath = new Map(files.map((file) => [file.path, file]));
	for (const copy of plan.copies) {
		const path = target(copy.to);
		if (await taken(app, path)) continue;
		const bytes = byPath.get(copy.from)?.bytes;
		const source = copy.text === undefined && !bytes ? inVault(copy.from) : null;
		if (copy.text === undefined && !bytes && !source) continue;
		await ensureFolder(app, path);
		if (copy.text !== undefined) await app.vault.create(path, copy.text);
		else if (bytes) await app.vault.createBinary(path, bytes.slice().buffer);
		else if (source) await app.vault.copy(source, path);
		outcome.copied++;
	}
	return outcome;
}

/** Where an export comes from: a folder or .zip in the vault (by path), or a zip's bytes (picked on the device). */
export type ImportSource = { path: string } | { zip: Uint8Array; name: string };

type ReadSource = { files: ExportFile[]; inVault: (path: string) => TFile | null };

/** The export's files from its source; a refused zip; null when the path names no folder or zip of the vault. */
async function readSource(app: App, source: ImportSource): Promise<ReadSource | ImportRefused | null> {
	let zip: Uint8Array;
	if ('zip' in source) zip = source.zip;
	else {
		// No folder named is no export, not the whole vault.
		if (source.path.trim() === '') return null;
		const found = app.vault.getAbstractFileByPath(normalizePath(source.path));
		if (found instanceof TFolder) return readFolder(app, found);
		if (!(found instanceof TFile) || found.extension.toLowerCase() !== 'zip') return null;
		zip = new Uint8Array(await app.vault.readBinary(found));
	}
	const read = readExportZip(zip);
	return 'problem' in read ? { refused: read.problem } : { files: read.files, inVault: () => null };
}

/**
 * Imports a Notion export, unzipped in the vault (a folder), as Notion gave it (a .zip in the vault),
 * or a zip picked on the device: the engine plans the notes, this writes the plan. Null when the path
 * names no folder or zip of the vault.
 */
export async function importNotion(app: App, config: ReviewConfig, clock: Clock, source: ImportSource, to: string, dryRun: boolean): Promise<ImportOutcome | ImportRefused | null> {
	const read = await readSource(app, source);
	if (!read || 'refused' in read) return read;
	return writePlan(app, read.files, read.inVault, planNotionImport(read.files, config, clock), to, dryRun);
}

/** What a repair did: the plan, and the notes written (none in a dry run). */
export interface RepairOutcome {
	repair: RepairPlan;
	fixed: string[];
}

/**
 * Gives the notes Obsidian's Importer wrote under `folder` their dates back from the export (the
 * engine's planImporterRepair), each through the note writer: at once and as one undo step when the
 * note is open, never a byte more than the dates and the computed fields.
 */
export async function repairFromNotion(app: App, writer: NoteWriter, config: ReviewConfig, clock: Clock, source: ImportSource, folder: string, dryRun: boolean): Promise<RepairOutcome | ImportRefused | null> {
	const read = await readSource(app, source);
	if (!read || 'refused' in read) return read;
	const prefix = folder.trim() === '' ? '' : `${normalizePath(folder)}/`;
	const files = app.vault.getMarkdownFiles().filter((file) => file.path.startsWith(prefix));
	const notes = await Promise.all(files.map(async (file) => ({ path: file.path, text: await writer.read(file) })));
	const plan = importerRepairer(read.files, config, clock);
	const repair = plan(notes);
	const outcome: RepairOutcome = { repair, fixed: [] };
	if (dryRun) return outcome;
	for (const planned of repair.notes) {
		const file = app.vault.getFileByPath(planned.path);
		if (!file) continue;
		const written = await writer.write(
			file,
			(text) => {
				const again = plan([{ path: planned.path, text }]).notes[0];
				return again ? { text: again.text, edits: [replacementEdit(text, again.text)] } : null;
			},
			'command',
		);
		if (written === 'written') outcome.fixed.push(planned.path);
	}
	return outcome;
}

/** An export in the vault by path (a folder or .zip): importNotion for a path. */
export function importFromVault(app: App, config: ReviewConfig, clock: Clock, from: string, to: string, dryRun: boolean): Promise<ImportOutcome | ImportRefused | null> {
	return importNotion(app, config, clock, { path: from }, to, dryRun);
}

/** A Notion export zip given as bytes (one picked on the device): importNotion for bytes. */
export async function importFromZip(app: App, config: ReviewConfig, clock: Clock, zip: Uint8Array, to: string, dryRun: boolean): Promise<ImportOutcome | ImportRefused> {
	return (await importNotion(app, config, clock, { zip, name: '' }, to, dryRun)) ?? { refused: { code: 'zip-unreadable' } };
}
