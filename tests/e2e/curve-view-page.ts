/**
 * Browser entry for the forgetting curve's end-to-end test: the real plugin (bundled from src/) over
 * the 30-note vault and two devices' review journals, its curve view showing the note named in the
 * page's query (`?note=`), attached to the page as the right sidebar's tab.
 */
import type { WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { CURVE_VIEW_TYPE, type CurveView } from '../../src/plugin/curve';
import { pluginInPage } from './page-plugin';

declare global {
	interface Window {
		fixtureHistory: Record<string, string>;
		viewReady: boolean;
	}
}

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({ preset: 'ko-template' }, () => new Date(2024, 9, 10, 9, 0));
	const history = `${app.vault.configDir}/plugins/forgetting-curve/history`;
	for (const [device, text] of Object.entries(window.fixtureHistory)) await app.vault.adapter.write(`${history}/${device}.jsonl`, text);
	const note = new URLSearchParams(location.search).get('note') ?? '';
	const file = app.vault.getFileByPath(note);
	if (!(file instanceof TFile)) throw new Error(`no note ${note}`);
	app.workspace.getActiveFile = () => file;
	await start();
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	const creator = (plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeafOriginal) => CurveView> }).views__.get(CURVE_VIEW_TYPE);
	if (!creator) throw new Error('the curve view is not registered');
	const view = creator(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal);
	await view.onOpen();
	view.containerEl.addClass('view-content');
	document.querySelector('.workspace-leaf-content')?.appendChild(view.containerEl);
	window.viewReady = true;
}

void main();
