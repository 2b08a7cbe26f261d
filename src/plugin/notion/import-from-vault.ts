import { type App, normalizePath, TFile, TFolder, Vault } from 'obsidian';
import { type Clock, EXPORT_TEXT_FILE, type ExportFile, type ImportPlan, planNotionImport, readExportZip, type ReviewConfig, type ZipProblem } from '../../engine';

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

/**
 * Imports a Notion export that sits inside the vault, unzipped (a folder) or as Notion gave it (a
 * .zip): the engine plans the notes, this reads the export through the vault and writes the plan.
 * Null when `from` names no folder or zip of the vault.
 */
export async function importFromVault(app: App, config: ReviewConfig, clock: Clock, from: string, to: string, dryRun: boolean): Promise<ImportOutcome | ImportRefused | null> {
	// No folder named is no export, not the whole vault.
	if (from.trim() === '') return null;
	const found = app.vault.getAbstractFileByPath(normalizePath(from));
	if (found instanceof TFile && found.extension.toLowerCase() === 'zip') return importFromZip(app, config, clock, new Uint8Array(await app.vault.readBinary(found)), to, dryRun);
	if (!(found instanceof TFolder)) return null;
	const { files, inVault } = await readFolder(app, found);
	return writePlan(app, files, inVault, planNotionImport(files, config, clock), to, dryRun);
}

/** Imports a Notion export zip given as bytes: one in the vault, or one picked on the device. */
export async function importFromZip(app: App, config: ReviewConfig, clock: Clock, zip: Uint8Array, to: string, dryRun: boolean): Promise<ImportOutcome | ImportRefused> {
	const read = readExportZip(zip);
	if ('problem' in read) return { refused: read.problem };
	return writePlan(app, read.files, () => null, planNotionImport(read.files, config, clock), to, dryRun);
}
