/**
 * Browser entry for the phone tests: a stand-in for Obsidian mobile around the plugin as a phone
 * loads it. The plugin is the built `main.js`, evaluated the way Obsidian evaluates a plugin: its text
 * inside a function given `require`, `module` and `exports` as parameters, so nothing of Node is a
 * global of the page (`require`, `process`, `Buffer` stay undefined). `require('obsidian')` answers
 * with obsidian-test-mocks, `@codemirror/*` with the same CodeMirror the page's editor uses.
 *
 * The shell is Obsidian mobile's: `Platform.isMobile`/`isPhone`, the body classes `is-mobile is-phone`,
 * one main pane, and the mobile toolbar fixed at the bottom. What the phone's Obsidian does itself is
 * done here as it does it: an `obsidian://open` link opens the note in the main pane (caret at 0,
 * then file-open), any other `obsidian://<action>` link goes to the handler a plugin registered for
 * it with its query decoded (registerObsidianProtocolHandler), the command palette lists the commands
 * whose check passes and runs the tapped one. The phone's own calendar is a notification card that
 * shows an event's title and its link, which a finger taps.
 */
import * as codemirrorState from '@codemirror/state';
import * as codemirrorView from '@codemirror/view';
import type { BasesViewRegistration, Plugin as PluginOriginal, PluginManifest, QueryController as QueryControllerOriginal, WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import * as obsidian from 'obsidian-test-mocks/obsidian';
import { addIcon, App, Platform, TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { setup } from 'obsidian-test-mocks/setup';
import { undoDepth } from '@codemirror/commands';
import { faithfulVault } from '../support/faithful-vault';
import { openNoteInEditor, type NoteInEditor } from '../support/note-in-editor';

declare global {
	interface Window {
		fixtureNotes: Record<string, string>;
		fixtureHistory: Record<string, string>;
		/** main.js, wrapped as Obsidian wraps a plugin (written into the page by the test). */
		loadPluginModule: (require: (id: string) => unknown, module: { exports: Record<string, unknown> }, exports: Record<string, unknown>) => void;
		phone: {
			ready: boolean;
			/** Milliseconds from constructing the plugin to the end of its onload. */
			onloadMs: number;
			notices: string[];
			/** The phone hands an obsidian:// link to Obsidian: the note it opened (open), or the action's name. */
			openUri(uri: string): Promise<string>;
			/** The phone's calendar shows an event's notification: its title and its link (tapping it opens the link). */
			showNotification(title: string, link: string): void;
			/** The path of the note in the main pane, or null. */
			openNote(): string | null;
			vaultName(): string;
			/** For the benchmark: from a day's link to its first note drawn with the session bar, in ms. */
			measureDayLink(uri: string): Promise<number>;
			/** Its floor: opening that note by its own link until it is drawn in the pane, in ms. */
			measureNoteOpen(uri: string): Promise<number>;
			openView(type: 'due' | 'stats'): Promise<void>;
			/** A base showing the plugin's "Review schedule" view over every note, sorted by name, as Bases would. */
			openBase(): Promise<void>;
			openSettings(): void;
			showPalette(): void;
			run(command: string): void;
			read(path: string): Promise<string>;
			editorText(): string;
			caret(): number;
			undoDepth(): number;
			touchFrontmatter(path: string, change: (text: string) => string): Promise<void>;
			/** For the benchmark: opening the due view until it is drawn and laid out, in ms. */
			measureDueView(): Promise<number>;
			/** The due view's floor: as many bare rows (the same titles) and section headers, made and laid out in the pane, in ms. */
			measureDueViewFloor(rows: number): Promise<number>;
			/** For the benchmark: from opening a note's link until the plugin's write is in its editor, in ms. */
			measureOpen(uri: string): Promise<number>;
			/** For the benchmark: from a note changed on disk until the open due view shows it, in ms. */
			measureLiveUpdate(path: string): Promise<number>;
		};
	}
}

const MANIFEST: PluginManifest = { id: 'forgetting-curve', name: 'Forgetting Curve', version: '0', minAppVersion: '1.8.7', author: '', description: '' };

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M20 6 9 17l-5-5"/></svg>';

/** Lucide's trending-down: the session bar's button to the note's curve. */
const CURVE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><polyline points="22 17 13.5 8.5 8.5 13.5 2 7"/><polyline points="16 17 22 17 22 11"/></svg>';

interface PluginInternals {
	commands__: Map<string, { name: string; callback?: () => unknown; checkCallback?: (checking: boolean) => unknown; editorCheckCallback?: unknown }>;
	obsidianProtocolHandlers__: Map<string, (params: Record<string, string>) => unknown>;
	views__: Map<string, (leaf: WorkspaceLeafOriginal) => { containerEl: HTMLElement; onOpen(): Promise<void> }>;
	settingTabs__: { containerEl: HTMLElement; display(): void }[];
	basesViewRegistrations__: Map<string, BasesViewRegistration>;
	loadData: () => Promise<unknown>;
	saveData: () => Promise<void>;
	now: () => Date;
	onload(): Promise<void>;
}

function loadBuiltPlugin(app: App, notices: string[]): PluginInternals & PluginOriginal {
	// Notices are drawn by Obsidian; here they are also kept for the test to read.
	class Notice extends obsidian.Notice {
		constructor(message: string | DocumentFragment, duration?: number) {
			super(message, duration);
			notices.push(typeof message === 'string' ? message : (message.textContent ?? ''));
		}
	}
	// A setting row with Obsidian's classes, so the phone's layout of settings applies to it.
	class Setting extends obsidian.Setting {
		constructor(containerEl: HTMLElement) {
			super(containerEl);
			this.settingEl.addClass('setting-item');
			this.infoEl.addClass('setting-item-info');
			this.nameEl.addClass('setting-item-name');
			this.descEl.addClass('setting-item-description');
			this.controlEl.addClass('setting-item-control');
		}
	}
	const modules: Record<string, unknown> = { obsidian: { ...obsidian, Notice, Setting }, '@codemirror/state': codemirrorState, '@codemirror/view': codemirrorView };
	const module = { exports: {} as Record<string, unknown> };
	window.loadPluginModule((id) => {
		if (!(id in modules)) throw new Error(`main.js asked for "${id}", which a phone does not have`);
		return modules[id];
	}, module, module.exports);
	const PluginClass = (module.exports.default ?? module.exports) as new (app: unknown, manifest: PluginManifest) => PluginInternals & PluginOriginal;
	return new PluginClass(app.asOriginalType__(), MANIFEST);
}

async function main(): Promise<void> {
	setup();
	Object.assign(Platform, { isMobile: true, isPhone: true, isMobileApp: true, isAndroidApp: true, isDesktop: false, isDesktopApp: false, isWin: false, isTablet: false });
	document.body.addClass('is-mobile', 'is-phone');
	for (const name of ['check', 'bar-chart-3', 'history', 'calendar-clock', 'list-checks']) addIcon(name, ICON);
	addIcon('trending-down', CURVE_ICON);
	const params = new URLSearchParams(location.search);
	const now = new Date(params.get('now') ?? '2024-10-10T09:00');
	const app = App.createConfigured__({ files: window.fixtureNotes });
	faithfulVault(app);
	// The vault's name, as the links the plugin writes carry it.
	app.vault.getName = () => '복습 노트';
	const history = `${app.vault.configDir}/plugins/forgetting-curve/history`;
	for (const [device, text] of Object.entries(window.fixtureHistory ?? {})) await app.vault.adapter.write(`${history}/${device}.jsonl`, text);

	const pane = document.querySelector<HTMLElement>('.workspace-leaf-content')!;
	// The phone's one pane, known to the workspace (iterateAllLeaves finds the note open in it).
	const mainLeaf = app.workspace.getLeaf(true);
	let note: NoteInEditor | null = null;
	// A note opens in the main pane as on the phone: a real CodeMirror editor, caret at 0, then file-open.
	WorkspaceLeaf.prototype.openFile = async function (this: WorkspaceLeaf, file: TFile) {
		(this as unknown as { file: TFile }).file = file;
		note = await openNoteInEditor(app, file, { leaf: mainLeaf });
		note.view.containerEl.addClass('view-content');
		// Source mode shows the frontmatter as text and no Properties widget: no stand-in box above the note.
		note.view.contentEl.querySelector('.metadata-container')?.remove();
		pane.replaceChildren(note.view.containerEl);
		app.workspace.setActiveLeaf(mainLeaf);
	};
	app.workspace.getLeaf = () => mainLeaf;

	const notices: string[] = [];
	const started = performance.now();
	const plugin = loadBuiltPlugin(app, notices);
	plugin.loadData = () => Promise.resolve(JSON.parse(params.get('data') ?? '{}') as unknown);
	plugin.saveData = () => Promise.resolve();
	plugin.now = () => now;
	await plugin.onload();
	const onloadMs = performance.now() - started;
	app.workspace.setLayoutReady__();
	await new Promise((resolve) => window.setTimeout(resolve, 300));

	const showView = async (type: 'due' | 'stats') => {
		const id = type === 'due' ? 'forgetting-curve-due' : 'forgetting-curve-stats';
		const creator = plugin.views__.get(id);
		if (!creator) throw new Error(`no view ${id}`);
		const view = creator(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal);
		await view.onOpen();
		view.containerEl.addClass('view-content');
		pane.replaceChildren(view.containerEl);
		return view;
	};
	const file = (path: string) => {
		const found = app.vault.getFileByPath(path);
		if (!(found instanceof TFile)) throw new Error(`no note ${path}`);
		return found;
	};
	const command = (id: string) => {
		const found = plugin.commands__.get(id) ?? plugin.commands__.get(`forgetting-curve:${id}`);
		if (!found) throw new Error(`no command ${id}`);
		return found;
	};
	window.phone = {
		ready: true,
		onloadMs,
		notices,
		// Obsidian mobile's handler for obsidian://open: the vault and the file named in the link.
		openUri: async (uri) => {
			const url = new URL(uri);
			if (url.protocol !== 'obsidian:') throw new Error(`not an obsidian:// link: ${uri}`);
			if (url.host !== 'open') {
				const handler = plugin.obsidianProtocolHandlers__.get(url.host);
				if (!handler) throw new Error(`no handler for obsidian://${url.host}`);
				await handler({ action: url.host, ...Object.fromEntries(url.searchParams) });
				return url.host;
			}
			const path = `${url.searchParams.get('file') ?? ''}.md`;
			await mainLeaf.openFile(file(path));
			return path;
		},
		showNotification: (title, link) => {
			const card = document.body.createDiv({ cls: 'phone-notification' });
			card.createDiv({ cls: 'phone-notification-title', text: title });
			const anchor = card.createEl('a', { cls: 'phone-notification-link', text: link, href: '#' });
			anchor.addEventListener('click', (event) => {
				event.preventDefault();
				card.remove();
				void window.phone.openUri(link);
			});
		},
		vaultName: () => app.vault.getName(),
		openNote: () => (note ? (note.view.file?.path ?? null) : null),
		measureNoteOpen: async (uri) => {
			const started = performance.now();
			await window.phone.openUri(uri);
			pane.getBoundingClientRect();
			return performance.now() - started;
		},
		measureDayLink: async (uri) => {
			// Until the note's editor and the session bar are in the pane and laid out; what follows the
			// opening (recompute on open) is measured on its own (measureOpen).
			const shown = () => pane.querySelector('.forgetting-curve-session') !== null && pane.querySelector('.cm-editor') !== null;
			const started = performance.now();
			const drawn = new Promise<number>((resolve, reject) => {
				const timer = window.setTimeout(() => reject(new Error('the day link opened no session')), 20_000);
				const observer = new MutationObserver(() => {
					if (!shown()) return;
					observer.disconnect();
					window.clearTimeout(timer);
					pane.getBoundingClientRect();
					resolve(performance.now() - started);
				});
				observer.observe(pane, { childList: true, subtree: true });
			});
			await window.phone.openUri(uri);
			return drawn;
		},
		openView: async (type) => {
			await showView(type);
			await new Promise((resolve) => window.setTimeout(resolve, 300));
		},
		openBase: async () => {
			const registration = plugin.basesViewRegistrations__.get('forgetting-curve-schedule');
			if (!registration) throw new Error('the review schedule view is not registered');
			const containerEl = createDiv({ cls: 'view-content' });
			pane.replaceChildren(containerEl);
			const controller = obsidian.QueryController.create2__(app, null, createDiv(), null) as unknown as QueryControllerOriginal;
			const view = registration.factory(controller, containerEl) as unknown as { data: unknown; config: unknown; load(): void; onDataUpdated(): void };
			view.load();
			const config = obsidian.BasesViewConfig.create__('', 'forgetting-curve-schedule', 'Review schedule');
			const result = obsidian.BasesQueryResult.create__(app, config, [], []);
			const files = app.vault.getMarkdownFiles().sort((a, b) => a.basename.localeCompare(b.basename));
			result.setData__(files.map((f) => obsidian.BasesEntry.create__(null, f)));
			view.data = result;
			view.config = config;
			view.onDataUpdated();
			await new Promise((resolve) => window.setTimeout(resolve, 300));
		},
		measureDueView: async () => {
			const started = performance.now();
			const view = await showView('due');
			view.containerEl.getBoundingClientRect();
			if (!view.containerEl.querySelector('.forgetting-curve-row')) throw new Error('the due view drew no rows');
			return performance.now() - started;
		},
		measureDueViewFloor: (rows) => {
			const started = performance.now();
			const list = createDiv({ cls: 'view-content' });
			const paths = app.vault.getMarkdownFiles().map((f) => f.basename).sort();
			for (let i = 0; i < rows; i++) {
				if (i % 5 === 0) list.createDiv({ text: `Section ${i / 5 + 1}` });
				list.createDiv({ text: paths[i] ?? '' });
			}
			pane.replaceChildren(list);
			list.getBoundingClientRect();
			return Promise.resolve(performance.now() - started);
		},
		measureOpen: async (uri) => {
			const started = performance.now();
			const path = await window.phone.openUri(uri);
			const before = await app.vault.read(file(path));
			while (window.phone.editorText() === before) {
				if (performance.now() - started > 10_000) throw new Error('the note was not recomputed on open');
				await new Promise((resolve) => window.setTimeout(resolve, 1));
			}
			return performance.now() - started;
		},
		measureLiveUpdate: async (path) => {
			const row = pane.querySelector(`.forgetting-curve-row[data-path="${CSS.escape(path)}"]`);
			if (!row) throw new Error(`no row for ${path}`);
			const changed = new Promise<number>((resolve) => {
				const observer = new MutationObserver(() => {
					if (!row.isConnected || row.textContent !== before) {
						observer.disconnect();
						resolve(performance.now());
					}
				});
				observer.observe(pane, { subtree: true, childList: true, characterData: true });
			});
			const before = row.textContent;
			const started = performance.now();
			await window.phone.touchFrontmatter(path, (text) => text.replace(/: false/, ': true'));
			return (await changed) - started;
		},
		openSettings: () => {
			const tab = plugin.settingTabs__[0];
			if (!tab) throw new Error('no settings tab');
			tab.containerEl.addClass('vertical-tab-content');
			pane.replaceChildren(tab.containerEl);
			tab.display();
		},
		// The command palette as a list: only the commands whose check passes, as Obsidian lists them.
		showPalette: () => {
			const palette = createDiv({ cls: 'prompt' });
			const results = palette.createDiv({ cls: 'prompt-results' });
			for (const [id, cmd] of plugin.commands__) {
				if (cmd.checkCallback && !cmd.checkCallback(true)) continue;
				if (cmd.editorCheckCallback) continue;
				const item = results.createDiv({ cls: 'suggestion-item', text: cmd.name, attr: { 'data-command': id } });
				item.addEventListener('click', () => {
					palette.remove();
					window.phone.run(id);
				});
			}
			document.body.appendChild(palette);
		},
		run: (id) => {
			const cmd = command(id);
			if (cmd.callback) void cmd.callback();
			else void cmd.checkCallback?.(false);
		},
		read: (path) => app.vault.adapter.read(path),
		editorText: () => (note ? note.editor.getValue() : ''),
		caret: () => (note ? note.editor.cm.state.selection.main.head : -1),
		undoDepth: () => (note ? undoDepth(note.editor.cm.state) : -1),
		// A change that arrives by sync: the file changes on disk and the metadata cache follows.
		touchFrontmatter: async (path, change) => {
			const target = file(path);
			await app.vault.modify(target, change(await app.vault.read(target)));
		},
	};
}

void main();
