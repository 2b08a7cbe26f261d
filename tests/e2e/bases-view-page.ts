/**
 * Browser entry for the Bases end-to-end test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) over the 30-note vault, and its "Review schedule" view made as Bases makes it:
 * the registered factory, a query result of the base's rows (every note under Reviews/ with the
 * first-study key, sorted by file name, as the base's filter and sort would give), and a fresh result
 * sent to `onDataUpdated` whenever a note changes, as Bases does.
 */
import type { BasesViewRegistration, QueryController as QueryControllerOriginal } from 'obsidian';
import { addIcon, BasesEntry, BasesQueryResult, BasesViewConfig, QueryController } from 'obsidian-test-mocks/obsidian';
import { REVIEW_SCHEDULE_VIEW } from '../../src/plugin/bases/review-schedule-view';
import { pluginInPage } from './page-plugin';

declare global {
	interface Window {
		viewReady: boolean;
		/** How many times Bases has sent the view new data. */
		updates: number;
		readNote(path: string): Promise<string>;
	}
}

const CHECK_ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M20 6 9 17l-5-5"/></svg>';

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({}, () => new Date(2024, 9, 10, 9, 0));
	addIcon('check', CHECK_ICON);
	await start();

	const registration = (plugin as unknown as { basesViewRegistrations__: Map<string, BasesViewRegistration> }).basesViewRegistrations__.get(REVIEW_SCHEDULE_VIEW);
	if (!registration) throw new Error('the review schedule is not registered');
	const containerEl = document.querySelector<HTMLElement>('.bases-view')!;
	const controller = QueryController.create2__(app, null, document.querySelector<HTMLElement>('.bases-header')!, null) as unknown as QueryControllerOriginal;
	const view = registration.factory(controller, containerEl) as unknown as { data: unknown; config: unknown; load(): void; onDataUpdated(): void };
	view.load();
	const config = BasesViewConfig.create__('', REVIEW_SCHEDULE_VIEW, 'Review schedule');
	window.updates = 0;
	window.readNote = (path) => {
		const file = app.vault.getFileByPath(path);
		return file ? app.vault.read(file) : Promise.reject(new Error(`no note ${path}`));
	};
	// The base's query: its filter (Reviews/, the first-study key) and its sort (file name), evaluated anew on each change.
	const query = () => {
		const files = app.vault
			.getMarkdownFiles()
			.filter((file) => file.path.startsWith('Reviews/') && app.metadataCache.getFileCache(file)?.frontmatter?.['❕첫 학습날'] !== undefined)
			.sort((a, b) => a.basename.localeCompare(b.basename));
		const result = BasesQueryResult.create__(app, config, [], []);
		result.setData__(files.map((file) => BasesEntry.create__(null, file)));
		view.data = result;
		view.config = config;
		view.onDataUpdated();
		window.updates++;
	};
	query();
	app.metadataCache.on('changed', () => query());
	window.setTimeout(() => {
		query();
		window.viewReady = true;
	}, 300);
}

void main();
