/**
 * Browser entry for the statistics view's end-to-end test: the real plugin (bundled from src/,
 * `obsidian` served by obsidian-test-mocks) loads the 30-note vault and two devices' review journals,
 * and its statistics view is attached to the page in place of a main-area tab.
 */
import type { WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { addIcon, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { STATS_VIEW_TYPE, type StatsView } from '../../src/plugin/stats/stats-view';
import { pluginInPage } from './page-plugin';

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
	const history = `${app.vault.configDir}/plugins/forgetting-curve/history`;
	for (const [device, text] of Object.entries(window.fixtureHistory)) await app.vault.adapter.write(`${history}/${device}.jsonl`, text);
	await start();
	// The index notifies its views after a short coalescing delay.
	await new Promise((resolve) => window.setTimeout(resolve, 300));

	const creator = (plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeafOriginal) => StatsView> }).views__.get(STATS_VIEW_TYPE);
	if (!creator) throw new Error('the statistics view is not registered');
	const view = creator(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal);
	await view.onOpen();
	view.containerEl.addClass('view-content');
	document.querySelector('.workspace-leaf-content')?.appendChild(view.containerEl);
	window.viewReady = true;
}

void main();
