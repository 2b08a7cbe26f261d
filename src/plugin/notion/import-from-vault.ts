import { type App, normalizePath, TFile, TFolder, Vault } from 'obsidian';
import { type Clock, EXPORT_TEXT_FILE, type ExportFile, type ImportPlan, planNotionImport, type ReviewConfig } from '../../engine';

export interface ImportOutcome {
	plan: ImportPlan;
	/** Notes the plan holds that are not there yet: written, or (dry run) to be written. */
	fresh: string[];
	/** Notes already there, left as they are. */
	existing: string[];
	copied: number;
}

/** Makes each missing folder of a path, as Vault.create needs its folder to exist. */
async function ensureFolder(app: App, path: string): Promise<void> {
	const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
	if (folder === '' || app.vault.getFolderByPath(folder)) return;
	await ensureFolder(app, folder);
	await app.vault.createFolder(folder);
}

const taken = async (app: App, path: string) => app.vault.getAbstractFileByPath(path) !== null || (await app.vault.adapter.exists(path));

/**
 * Imports an unzipped Notion export that sits inside the vault: the engine plans the notes, this
 * reads the export through the vault and writes each note and file that is not there yet (never
 * replacing one). A dry run writes nothing. Null when `from` names no folder of the vault.
 */
export async function importFromVault(app: App, config: ReviewConfig, clock: Clock, from: string, to: string, dryRun: boolean): Promise<ImportOutcome | null> {
	// No folder named is no export, not the whole vault.
	if (from.trim() === '') return null;
	const root = app.vault.getFolderByPath(normalizePath(from));
	if (!(root instanceof TFolder)) return null;
	const files: TFile[] = [];
	Vault.recurseChildren(root, (file) => {
		if (file instanceof TFile) files.push(file);
	});
	const prefix = root.isRoot() ? '' : `${root.path}/`;
	const exported: ExportFile[] = [];
	for (const file of files) {
		const path = file.path.slice(prefix.length);
		exported.push(EXPORT_TEXT_FILE.test(file.name) ? { path, text: await app.vault.cachedRead(file) } : { path });
	}
	const plan = planNotionImport(exported, config, clock);
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
	for (const copy of plan.copies) {
		const source = app.vault.getFileByPath(`${prefix}${copy.from}`);
		const path = target(copy.to);
		if (!source || (await taken(app, path))) continue;
		await ensureFolder(app, path);
		await app.vault.copy(source, path);
		outcome.copied++;
	}
	return outcome;
}
