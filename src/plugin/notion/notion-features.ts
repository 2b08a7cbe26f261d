import type { App } from 'obsidian';
import type { PluginContext } from '../notes';
import { importNotion, repairFromNotion } from './import-from-vault';
import { ImportNotionModal } from './import-modal';

/**
 * What "Import a Notion export" runs (the command itself is in the commands' table): an export in the
 * vault (unzipped, or its .zip) or a zip picked on the device (the CLI's `import-notion` reads one
 * anywhere); or, from the same export, the repair of notes Obsidian's Importer wrote.
 */
export function notionImporter(app: App, ctx: PluginContext): () => void {
	return () => {
		const config = ctx.config();
		if (!config) return;
		new ImportNotionModal(
			app,
			(from, to, dryRun) => importNotion(app, config, ctx.clock(), from, to, dryRun),
			(from, folder, dryRun) => repairFromNotion(app, ctx.writer, config, ctx.clock(), from, folder, dryRun),
		).open();
	};
}
