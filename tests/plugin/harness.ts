import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginManifest } from 'obsidian';
import { App, MarkdownView, Notice, TFile } from 'obsidian-test-mocks/obsidian';
import { vi } from 'vitest';
import ForgettingCurvePlugin from '../../src/main';
import { CodeMirrorEditor } from '../support/codemirror-editor';

const MANIFEST = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8')) as PluginManifest;

export interface Harness {
	app: App;
	plugin: ForgettingCurvePlugin;
	/** Every write to a note: Vault.process / modify calls and editor transactions. */
	writes: { via: 'process' | 'modify' | 'editor'; path: string }[];
	notices: string[];
	file(path: string): TFile;
	read(path: string): Promise<string>;
}

/** Loads the real plugin class against obsidian-test-mocks' in-memory app. */
export async function loadPlugin(files: Record<string, string>, data: object = {}): Promise<Harness> {
	const app = App.createConfigured__({ files });
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
	plugin.loadData = () => Promise.resolve(data);
	plugin.saveData = () => Promise.resolve();
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
	await plugin.onload();
	const file = (path: string) => {
		const found = app.vault.getFileByPath(path);
		if (!(found instanceof TFile)) throw new Error(`no file ${path}`);
		return found;
	};
	return { app, plugin, writes, notices, file, read: (path) => app.vault.read(file(path)) };
}

export interface OpenNote {
	view: MarkdownView;
	/** A real CodeMirror 6 editor (with undo history), as Obsidian's Markdown view has. */
	editor: CodeMirrorEditor;
	/** An input inside the view's Properties widget (`.metadata-container`), a control apart from the editor. */
	property: HTMLInputElement;
	/** Shows the note's text as Obsidian does once the file is read (fresh state, caret at 0). */
	load(): Promise<void>;
}

/** Obsidian saves an editor's text this long after the last change. */
export const AUTOSAVE_MS = 2000;

/**
 * Opens a note in a Markdown view backed by a real CodeMirror 6 editor, then fires file-open. As in
 * Obsidian the caret starts at offset 0, inside the frontmatter; every document change fires
 * `editor-change` and is saved to the file 2 s after the last one. With `loaded: false` the view still
 * shows the previous note's text when file-open fires, as it can in Obsidian; call `load()` later.
 * Changes nobody typed (no user event) are the plugin's writes and are recorded in `h.writes`.
 */
export async function openInEditor(h: Harness, path: string, options: { cursor?: number; loaded?: boolean } = {}): Promise<OpenNote> {
	const file = h.file(path);
	const leaf = h.app.workspace.getLeaf(true);
	const view = MarkdownView.create2__(leaf);
	await leaf.open(view as unknown as Parameters<typeof leaf.open>[0]);
	document.body.appendChild(view.containerEl);
	const property = view.contentEl.createDiv({ cls: 'metadata-container' }).createEl('input');
	let saveTimer: ReturnType<typeof setTimeout> | null = null;
	const editor: CodeMirrorEditor = new CodeMirrorEditor(view.contentEl, (change) => {
		if (change.userEvent === null) h.writes.push({ via: 'editor', path });
		h.app.workspace.trigger('editor-change', editor, view);
		if (saveTimer !== null) clearTimeout(saveTimer);
		saveTimer = setTimeout(() => void h.app.vault.modify(file, editor.getValue()), AUTOSAVE_MS);
	});
	(view as unknown as { editor: CodeMirrorEditor }).editor = editor;
	const load = async () => {
		editor.load(await h.read(path));
		if (options.cursor !== undefined) editor.setCursor(options.cursor);
	};
	if (options.loaded === false) editor.load('---\nsome other note: 1\n---\nIts body.\n');
	else await load();
	view.file = file;
	h.app.workspace.trigger('file-open', file);
	return { view, editor, property, load };
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
	for (let i = 0; i < 20; i++) await Promise.resolve();
}
