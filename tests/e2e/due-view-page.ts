/**
 * Browser entry for the end-to-end test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) loads a 30-note vault, and its due view is attached to the page in place of
 * Obsidian's right sidebar.
 */
import type { WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { addIcon, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { DUE_VIEW_TYPE, type DueView } from '../../src/plugin/due/due-view';
import { pluginInPage } from './page-plugin';

declare global {
	interface Window {
		opened: string[];
		viewReady: boolean;
	}
}

/** Obsidian ships its icons; the mocks start with none, so the row's done button gets Lucide's check. */
const CHECK_ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M20 6 9 17l-5-5"/></svg>';

/** Lucide's bar-chart-3, for the statistics button. */
const CHART_ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M3 3v18h18"/><path d="M18 17V9"/><path d="M13 17V5"/><path d="M8 17v-3"/></svg>';

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({}, () => new Date(2024, 9, 10, 9, 0));
	addIcon('check', CHECK_ICON);
	addIcon('bar-chart-3', CHART_ICON);
	await start();

	window.opened = [];
	app.workspace.getLeaf = ((newLeaf?: unknown) => ({
		openFile: (file: { path: string }) => {
			window.opened.push(`${file.path}${newLeaf === 'tab' ? ' (new tab)' : ''}`);
			return Promise.resolve();
		},
	})) as unknown as typeof app.workspace.getLeaf;

	const creator = (plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeafOriginal) => DueView> }).views__.get(DUE_VIEW_TYPE);
	if (!creator) throw new Error('the due view is not registered');
	const view = creator(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal);
	await view.onOpen();
	view.containerEl.addClass('view-content');
	document.querySelector('.workspace-leaf-content')?.appendChild(view.containerEl);
	// The index notifies its views after a short coalescing delay.
	window.setTimeout(() => {
		window.viewReady = true;
	}, 300);
}

void main();
