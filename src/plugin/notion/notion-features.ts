import type { App } from 'obsidian';
import type { PluginContext } from '../notes';
import { importFromVault } from './import-from-vault';
import { ImportNotionModal } from './import-modal';

/**
 * What "Import a Notion export" runs (the command itself is in the commands' table), for an export
 * unzipped into the vault (the CLI's `import-notion` reads one anywhere).
 */
export function notionImporter(app: App, ctx: PluginContext): () => void {
	return () => {
		const config = ctx.config();
		if (config) new ImportNotionModal(app, (from, to, dryRun) => importFromVault(app, config, ctx.clock(), from, to, dryRun)).open();
	};
}
