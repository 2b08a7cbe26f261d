import type { App } from 'obsidian';
import type { PluginContext } from '../notes';
import { importFromVault, importFromZip } from './import-from-vault';
import { ImportNotionModal } from './import-modal';

/**
 * What "Import a Notion export" runs (the command itself is in the commands' table): an export in the
 * vault (unzipped, or its .zip) or a zip picked on the device (the CLI's `import-notion` reads one anywhere).
 */
export function notionImporter(app: App, ctx: PluginContext): () => void {
	return () => {
		const config = ctx.config();
		if (!config) return;
		new ImportNotionModal(app, (from, to, dryRun) => ('zip' in from ? importFromZip(app, config, ctx.clock(), from.zip, to, dryRun) : importFromVault(app, config, ctx.clock(), from.path, to, dryRun))).open();
	};
}
