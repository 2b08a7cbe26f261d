import type { Plugin } from 'obsidian';
import { t } from '../../locale';
import type { PluginContext } from '../notes';
import { importFromVault } from './import-from-vault';
import { ImportNotionModal } from './import-modal';

/** "Import a Notion export", for an export unzipped into the vault (the CLI's `import-notion` reads one anywhere). */
export function registerNotionImport(plugin: Plugin, ctx: PluginContext): void {
	plugin.addCommand({
		id: 'import-notion',
		name: t('command.import-notion'),
		icon: 'import',
		checkCallback: (checking) => {
			const config = ctx.config();
			if (!config) return false;
			if (!checking) new ImportNotionModal(plugin.app, (from, to, dryRun) => importFromVault(plugin.app, config, ctx.clock(), from, to, dryRun)).open();
			return true;
		},
	});
}
