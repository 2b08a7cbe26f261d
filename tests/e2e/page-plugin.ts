import type { PluginManifest } from 'obsidian';
import { App } from 'obsidian-test-mocks/obsidian';
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
