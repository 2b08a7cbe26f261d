import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginManifest } from 'obsidian';
import { App, MarkdownView, Notice, TFile } from 'obsidian-test-mocks/obsidian';
import { vi } from 'vitest';
import ForgettingCurvePlugin from '../../src/main';

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
	editor: MarkdownView['editor'];
}

/** Opens a note in a Markdown editor with the cursor at `cursor` (an offset), then fires file-open. */
export async function openInEditor(h: Harness, path: string, cursor: number, writes: Harness['writes'] = h.writes): Promise<OpenNote> {
	const file = h.file(path);
	const leaf = h.app.workspace.getLeaf(true);
	const view = MarkdownView.create2__(leaf);
	await leaf.open(view as unknown as Parameters<typeof leaf.open>[0]);
	view.file = file;
	const editor = view.editor;
	editor.setValue(await h.read(path));
	const pos = editor.offsetToPos(cursor);
	editor.setCursor(pos);
	const transaction = editor.transaction.bind(editor);
	vi.spyOn(editor, 'transaction').mockImplementation((tx, origin) => {
		writes.push({ via: 'editor', path });
		transaction(tx, origin);
	});
	h.app.workspace.trigger('file-open', file);
	return { view, editor };
}

/** Lets pending promise callbacks (the plugin's async handlers) run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await Promise.resolve();
}
