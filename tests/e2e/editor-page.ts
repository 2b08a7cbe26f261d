/**
 * Browser entry for the real-editor test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) with a note open in a real CodeMirror 6 editor, driven from the test by
 * Chromium's keyboard and IME. `window.fc` lets the test set the plugin's clock and look inside.
 */
import { redoDepth, undoDepth } from '@codemirror/commands';
import { TFile } from 'obsidian-test-mocks/obsidian';
import { openNoteInEditor, type NoteInEditor } from '../support/note-in-editor';
import { pluginInPage } from './page-plugin';

declare global {
	interface Window {
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
	let now = new Date(2024, 9, 28, 9, 5);
	const { app, plugin, start } = pluginInPage({ rateFormula: 'template' }, () => now);
	await start();

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
