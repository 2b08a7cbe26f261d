/**
 * Browser entry for the review-session test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) over three due notes. Opening a note shows it in a Markdown view with a real
 * CodeMirror 6 editor, as Obsidian does, so the session bar sits in a real view in Chromium.
 */
import { addIcon, WorkspaceLeaf, type TFile } from 'obsidian-test-mocks/obsidian';
import { openNoteInEditor } from '../support/note-in-editor';
import { pluginInPage } from './page-plugin';

declare global {
	interface Window {
		session: {
			ready: boolean;
			opened: string[];
			notices: string[];
			run(command: string): void;
			read(path: string): Promise<string>;
		};
	}
}

/** Lucide's trending-down, as Obsidian draws it: the session bar's button to the note's curve. */
const CURVE_ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><polyline points="22 17 13.5 8.5 8.5 13.5 2 7"/><polyline points="16 17 22 17 22 11"/></svg>';

async function main(): Promise<void> {
	addIcon('trending-down', CURVE_ICON);
	const { app, plugin, start } = pluginInPage({ preset: 'en' }, () => new Date(2024, 9, 10, 9, 0));
	const opened: string[] = [];
	const host = document.querySelector<HTMLElement>('.workspace-leaf-content');
	WorkspaceLeaf.prototype.openFile = async function (this: WorkspaceLeaf, file: TFile) {
		opened.push(file.path);
		(this as unknown as { file: TFile }).file = file;
		const note = await openNoteInEditor(app, file, { leaf: this });
		note.view.containerEl.addClass('view-content');
		// The editor shows the frontmatter as text (source mode), where Obsidian draws no Properties
		// widget: the stand-in that other tests type into would be an empty box above the note here.
		note.view.contentEl.querySelector('.metadata-container')?.remove();
		host?.replaceChildren(note.view.containerEl);
		app.workspace.setActiveLeaf(this);
	};
	await start();
	await new Promise((resolve) => window.setTimeout(resolve, 300));
	const commands = (plugin as unknown as { commands__: Map<string, { callback?: () => unknown; checkCallback?: (checking: boolean) => unknown }> }).commands__;
	window.session = {
		ready: true,
		opened,
		notices: [],
		run: (id) => {
			const command = commands.get(id);
			if (command?.callback) void command.callback();
			else void command?.checkCallback?.(false);
		},
		read: (path) => app.vault.adapter.read(path),
	};
}

void main();
