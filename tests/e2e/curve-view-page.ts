/**
 * Browser entry for the forgetting curve's end-to-end test: the real plugin (bundled from src/) over
 * the 30-note vault and two devices' review journals, its curve view showing the note named in the
 * page's query (`?note=`), attached to the page as the right sidebar's tab.
 */
import { TFile } from 'obsidian-test-mocks/obsidian';
import { CURVE_VIEW_TYPE } from '../../src/plugin/curve';
import { mountView, pluginInPage, writeJournals } from './page-plugin';

declare global {
	interface Window {
		fixtureHistory: Record<string, string>;
		viewReady: boolean;
	}
}

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({ preset: 'ko-template' }, () => new Date(2024, 9, 10, 9, 0));
	await writeJournals(app, window.fixtureHistory);
	const note = new URLSearchParams(location.search).get('note') ?? '';
	const file = app.vault.getFileByPath(note);
	if (!(file instanceof TFile)) throw new Error(`no note ${note}`);
	app.workspace.getActiveFile = () => file;
	await start();
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	await mountView(app, plugin, CURVE_VIEW_TYPE);
	window.viewReady = true;
}

void main();
