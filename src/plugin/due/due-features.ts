import { Platform, type Plugin } from 'obsidian';
import { addDueStatusBar } from './due-status-bar';
import { prepareDateFormats } from './due-model';
import { prepareIcons } from './icon-copies';
import { DAY_CHECK_MS, type DueService } from './due-service';
import { DUE_VIEW_TYPE, DueView, type DueViewHost, rehearseDueList } from './due-view';
import { t } from '../../locale';
import type { ReviewActions } from '../review';
import { whenIdle } from './when-idle';

/**
 * The due list: the index service's events, the sidebar view (with buttons for the review session and
 * the statistics), the ribbon icon and (on desktop) the status bar. The index is built once the layout
 * is ready, never during onload.
 */
export function registerDueFeatures(
	plugin: Plugin,
	service: DueService,
	actions: ReviewActions,
	study: { startSession(): void; openStatistics(): void },
): { open: () => void; host: DueViewHost } {
	const { app } = plugin;
	const open = () => void activateDueView(plugin);

	const host: DueViewHost = {
		service,
		config: () => service.config(),
		open: (path, newTab) => {
			const file = app.vault.getFileByPath(path);
			if (file) void app.workspace.getLeaf(newTab ? 'tab' : false).openFile(file);
		},
		markDone: (path) => {
			const file = app.vault.getFileByPath(path);
			if (file) void actions.markDone(file);
		},
		startSession: () => study.startSession(),
		openStatistics: () => study.openStatistics(),
	};
	plugin.registerView(DUE_VIEW_TYPE, (leaf) => new DueView(leaf, host));
	plugin.addRibbonIcon('calendar-clock', t('view.open'), open);
	if (Platform.isDesktop) addDueStatusBar(plugin, service, open);

	app.workspace.onLayoutReady(() => {
		service.rebuild();
		// Ahead of the list's first opening: its date formats, icons and a first drawing (see rehearseDueList).
		whenIdle(() => {
			prepareDateFormats();
			prepareIcons();
			rehearseDueList(host);
		});
		plugin.registerEvent(app.metadataCache.on('changed', (file, _data, cache) => service.onMetadataChanged(file, cache)));
		// Both: the metadata cache's 'deleted' carries the note's last metadata, the vault's always fires.
		plugin.registerEvent(app.metadataCache.on('deleted', (file) => service.onDeleted(file)));
		plugin.registerEvent(app.vault.on('delete', (file) => service.onDeleted(file)));
		plugin.registerEvent(app.vault.on('rename', (file, oldPath) => service.onRenamed(file, oldPath)));
		// A new day: checked each minute, and at once when the window comes back (after sleep, say).
		plugin.registerInterval(window.setInterval(() => service.checkDay(), DAY_CHECK_MS));
		plugin.registerDomEvent(activeDocument, 'visibilitychange', () => service.checkDay());
		plugin.registerDomEvent(activeWindow, 'focus', () => service.checkDay());
	});
	plugin.register(() => service.dispose());
	return { open, host };
}

async function activateDueView(plugin: Plugin): Promise<void> {
	const { workspace } = plugin.app;
	let leaf = workspace.getLeavesOfType(DUE_VIEW_TYPE)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getRightLeaf(false);
		await leaf?.setViewState({ type: DUE_VIEW_TYPE, active: true });
	}
	if (leaf) await workspace.revealLeaf(leaf);
}
