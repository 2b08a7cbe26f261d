import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, PluginManifest, WorkspaceLeaf } from 'obsidian';
import { App, Notice, TFile, WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, vi } from 'vitest';
import ForgettingCurvePlugin from '../../src/main';
import { DUE_VIEW_TYPE, type DueView } from '../../src/plugin/due/due-view';
import { faithfulVault } from '../support/faithful-vault';
import { AUTOSAVE_MS, openNoteInEditor, type NoteInEditor } from '../support/note-in-editor';

const MANIFEST = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8')) as PluginManifest;

export interface Harness {
	app: App;
	plugin: ForgettingCurvePlugin;
	/** Paths opened with WorkspaceLeaf.openFile, in order. */
	opened: string[];
	/** Every write to a note: Vault.process / modify calls and editor transactions. */
	writes: { via: 'process' | 'modify' | 'editor'; path: string }[];
	notices: string[];
	file(path: string): TFile;
	read(path: string): Promise<string>;
	/** The plugin's registered commands by id. */
	commands: ReadonlyMap<string, Command>;
	/** Runs a plugin-wide command by id (note commands: see commands.test.ts). */
	runCommand(id: string): void;
	/** Marks the layout ready, lets the due index build, and opens the due view. */
	openDueView(): Promise<DueView>;
}

/**
 * Loads the real plugin class against obsidian-test-mocks' in-memory app. `data` is what loadData
 * gives, or, as a string, data.json's text in the plugin folder.
 */
export async function loadPlugin(files: Record<string, string>, data: object | string = {}): Promise<Harness> {
	const app = App.createConfigured__({ files });
	faithfulVault(app);
	// Obsidian's metadata cache shrugs at broken YAML; the mock's parser throws. Make it shrug too.
	const cache = app.metadataCache as unknown as { parseFileMetadata(file: unknown): void };
	const parse = cache.parseFileMetadata.bind(cache);
	vi.spyOn(cache, 'parseFileMetadata').mockImplementation((file) => {
		try {
			parse(file);
		} catch {
			// leave the previous cache entry, as Obsidian does
		}
	});
	const plugin = new ForgettingCurvePlugin(app.asOriginalType__(), MANIFEST);
	if (typeof data === 'string') {
		// data.json's text on disk, read and written as Obsidian's Plugin does (JSON.parse, no catch).
		const path = `${app.vault.configDir}/plugins/${MANIFEST.id}/data.json`;
		await app.vault.adapter.mkdir(path.slice(0, path.lastIndexOf('/')));
		await app.vault.adapter.write(path, data);
		plugin.loadData = async () => JSON.parse(await app.vault.adapter.read(path)) as unknown;
		plugin.saveData = (value: unknown) => app.vault.adapter.write(path, JSON.stringify(value, null, 2));
	} else {
		plugin.loadData = () => Promise.resolve(data);
		plugin.saveData = () => Promise.resolve();
	}
	const writes: Harness['writes'] = [];
	const notices: string[] = [];
	const vault = app.vault;
	const process = vault.process.bind(vault);
	vi.spyOn(vault, 'process').mockImplementation((file, fn, options) => {
		writes.push({ via: 'process', path: file.path });
		return process(file, fn, options);
	});
	const modify = vault.modify.bind(vault);
	vi.spyOn(vault, 'modify').mockImplementation((file, text, options) => {
		writes.push({ via: 'modify', path: file.path });
		return modify(file, text, options);
	});
	vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message) => {
		notices.push(typeof message === 'string' ? message : (message.textContent ?? ''));
	});
	// Opening a note shows it in a Markdown view with a real editor and fires file-open, as Obsidian does.
	const opened: string[] = [];
	vi.spyOn(MockLeaf.prototype, 'openFile').mockImplementation(async function (this: MockLeaf, target: TFile) {
		opened.push(target.path);
		(this as unknown as { file: TFile }).file = target;
		await openNoteInEditor(app, target, { leaf: this, onPluginWrite: () => writes.push({ via: 'editor', path: target.path }) });
		app.workspace.setActiveLeaf(this);
	});
	await plugin.onload();
	const file = (path: string) => {
		const found = app.vault.getFileByPath(path);
		if (!(found instanceof TFile)) throw new Error(`no file ${path}`);
		return found;
	};
	// The mock keeps registered commands and views in fields of its own; read them here, once.
	const internals = plugin as unknown as { commands__: Map<string, Command>; views__: Map<string, (leaf: WorkspaceLeaf) => DueView> };
	return {
		app,
		plugin,
		opened,
		writes,
		notices,
		file,
		read: (path) => app.vault.read(file(path)),
		commands: internals.commands__,
		runCommand: (id) => void internals.commands__.get(id)?.callback?.(),
		openDueView: async () => {
			app.workspace.setLayoutReady__();
			vi.advanceTimersByTime(200);
			const creator = internals.views__.get(DUE_VIEW_TYPE);
			if (!creator) throw new Error('the due view is not registered');
			const view = creator(MockLeaf.create2__(app) as unknown as WorkspaceLeaf);
			await view.onOpen();
			return view;
		},
	};
}

export type OpenNote = NoteInEditor;
export { AUTOSAVE_MS };

/** Opens a note in a real CodeMirror 6 editor (tests/support/note-in-editor.ts); the plugin's writes go into `h.writes`. */
export function openInEditor(h: Harness, path: string, options: { cursor?: number; loaded?: boolean } = {}): Promise<OpenNote> {
	return openNoteInEditor(h.app, h.file(path), { ...options, onPluginWrite: () => h.writes.push({ via: 'editor', path }) });
}

/** Each test of the file starts on fake timers at `at` and ends with real timers and no mocks left. */
export function fakeClockEachTest(at: Date): void {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(at);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});
}

/** What the plugin saves to data.json from now on, each save as it was then. */
export function savedData(h: Harness): unknown[] {
	const saved: unknown[] = [];
	vi.spyOn(h.plugin, 'saveData').mockImplementation((data: unknown) => {
		saved.push(structuredClone(data));
		return Promise.resolve();
	});
	return saved;
}

/** Lets fake time pass in steps, running the plugin's async work after each. */
export async function advance(ms: number, step = 100): Promise<void> {
	for (let passed = 0; passed < ms; passed += step) {
		vi.advanceTimersByTime(Math.min(step, ms - passed));
		await settle();
	}
}

/** Lets pending promise callbacks (the plugin's async handlers) run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 60; i++) await Promise.resolve();
}
