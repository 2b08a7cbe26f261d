/**
 * Browser entry for the statistics view's end-to-end test: the real plugin (bundled from src/,
 * `obsidian` served by obsidian-test-mocks) loads the 30-note vault and two devices' review journals,
 * and its statistics view is attached to the page in place of a main-area tab.
 */
import { addIcon } from 'obsidian-test-mocks/obsidian';
import { STATS_VIEW_TYPE } from '../../src/plugin/stats/stats-view';
import { mountView, pluginInPage, writeJournals } from './page-plugin';

declare global {
	interface Window {
		/** Journal files' text by device id. */
		fixtureHistory: Record<string, string>;
		viewReady: boolean;
	}
}

const HISTORY_ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8"/><path d="M3 3v5h5"/><path d="M12 7v5l4 2"/></svg>';

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({}, () => new Date(2024, 9, 10, 9, 0));
	addIcon('history', HISTORY_ICON);
	await writeJournals(app, window.fixtureHistory);
	await start();
	// The index notifies its views after a short coalescing delay.
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	await mountView(app, plugin, STATS_VIEW_TYPE);
	window.viewReady = true;
}

void main();
