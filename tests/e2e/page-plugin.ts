import type { PluginManifest, WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { setup } from 'obsidian-test-mocks/setup';
import ForgettingCurvePlugin from '../../src/main';
import { faithfulVault } from '../support/faithful-vault';

declare global {
	interface Window {
		/** The vault's notes, by path, written into the page by the test. */
		fixtureNotes: Record<string, string>;
	}
}

const MANIFEST: PluginManifest = { id: 'forgetting-curve', name: 'Forgetting Curve', version: '0', minAppVersion: '1.8.7', author: '', description: '' };

/**
 * The real plugin (bundled from src/, `obsidian` served by obsidian-test-mocks) over the page's
 * fixture notes, with the given data.json and clock, not yet loaded: a page sets up what it needs
 * (icons, files, a faithful openFile), then calls start() to load it with the layout ready.
 */
export function pluginInPage(data: object, now: () => Date): { app: App; plugin: ForgettingCurvePlugin; start: () => Promise<void> } {
	setup();
	const app = App.createConfigured__({ files: window.fixtureNotes });
	faithfulVault(app);
	const plugin = new ForgettingCurvePlugin(app.asOriginalType__(), MANIFEST);
	plugin.loadData = () => Promise.resolve(data);
	plugin.saveData = () => Promise.resolve();
	plugin.now = now;
	return {
		app,
		plugin,
		start: async () => {
			await plugin.onload();
			app.workspace.setLayoutReady__();
		},
	};
}

/** Every device's review journal, written where the plugin reads them (text by device id). */
export async function writeJournals(app: App, journals: Record<string, string>): Promise<void> {
	const history = `${app.vault.configDir}/plugins/forgetting-curve/history`;
	for (const [device, text] of Object.entries(journals)) await app.vault.adapter.write(`${history}/${device}.jsonl`, text);
}

/** Opens one of the plugin's registered views in a leaf of its own and puts it in the page's pane, as Obsidian shows a tab. */
export async function mountView(app: App, plugin: ForgettingCurvePlugin, type: string): Promise<void> {
	const creator = (plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeafOriginal) => { containerEl: HTMLElement; onOpen(): Promise<void> }> }).views__.get(type);
	if (!creator) throw new Error(`the view ${type} is not registered`);
	const view = creator(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal);
	await view.onOpen();
	view.containerEl.addClass('view-content');
	document.querySelector('.workspace-leaf-content')?.appendChild(view.containerEl);
}
