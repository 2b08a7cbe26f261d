/**
 * Browser entry for the real-editor test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) with a note open in a real CodeMirror 6 editor, driven from the test by
 * Chromium's keyboard and IME. `window.fc` lets the test set the plugin's clock and look inside.
 */
import { redoDepth, undoDepth } from '@codemirror/commands';
import type { PluginManifest } from 'obsidian';
import { App, TFile } from 'obsidian-test-mocks/obsidian';
import { setup } from 'obsidian-test-mocks/setup';
import ForgettingCurvePlugin from '../../src/main';
import { faithfulVault } from '../support/faithful-vault';
import { openNoteInEditor, type NoteInEditor } from '../support/note-in-editor';

declare global {
	interface Window {
		fixtureNotes: Record<string, string>;
		fc: {
			ready: boolean;
			/** Times (ms since the page started) of the plugin's writes into the editor. */
			writes: number[];
			open(path: string, options?: { cursor?: number; loaded?: boolean }): Promise<void>;
			load(): Promise<void>;
			setNow(iso: string): void;
			fileOpen(): void;
			markDone(): Promise<void>;
			text(): string;
			caret(): [number, number];
			composing(): boolean;
			history(): { userEvent: string | null; addedToHistory: boolean }[];
			/** Undo and redo steps CodeMirror's history holds. */
			depth(): [number, number];
		};
	}
}

async function main(): Promise<void> {
	setup();
	const app = App.createConfigured__({ files: window.fixtureNotes });
	faithfulVault(app);
	const manifest: PluginManifest = { id: 'forgetting-curve', name: 'Forgetting Curve', version: '0', minAppVersion: '1.8.7', author: '', description: '' };
	const plugin = new ForgettingCurvePlugin(app.asOriginalType__(), manifest);
	plugin.loadData = () => Promise.resolve({ rateFormula: 'template' });
	plugin.saveData = () => Promise.resolve();
	let now = new Date(2024, 9, 28, 9, 5);
	plugin.now = () => now;
	await plugin.onload();
	app.workspace.setLayoutReady__();

	let note: NoteInEditor | null = null;
	let path = '';
	const current = () => {
		if (!note) throw new Error('no note is open');
		return note;
	};
	const file = () => {
		const found = app.vault.getFileByPath(path);
		if (!(found instanceof TFile)) throw new Error(`no file ${path}`);
		return found;
	};
	window.fc = {
		ready: true,
		writes: [],
		open: async (notePath, options = {}) => {
			path = notePath;
			note = await openNoteInEditor(app, file(), { ...options, onPluginWrite: () => window.fc.writes.push(performance.now()) });
		},
		load: () => current().load(),
		setNow: (iso) => {
			now = new Date(iso);
		},
		fileOpen: () => app.workspace.trigger('file-open', file()),
		markDone: async () => {
			const actions = plugin.actions;
			if (!actions) throw new Error('no actions');
			actions.confirm = () => Promise.resolve(true);
			await actions.markDone(file().asOriginalType2__());
		},
		text: () => current().editor.getValue(),
		caret: () => {
			const range = current().editor.cm.state.selection.main;
			return [range.anchor, range.head];
		},
		composing: () => current().editor.cm.composing,
		history: () => current().editor.changes.map(({ userEvent, addedToHistory }) => ({ userEvent, addedToHistory })),
		depth: () => [undoDepth(current().editor.cm.state), redoDepth(current().editor.cm.state)],
	};
}

void main();
