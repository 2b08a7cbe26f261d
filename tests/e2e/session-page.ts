/**
 * Browser entry for the review-session test: the real plugin (bundled from src/, `obsidian` served by
 * obsidian-test-mocks) over three due notes. Opening a note shows it in a Markdown view with a real
 * CodeMirror 6 editor, as Obsidian does, so the session bar sits in a real view in Chromium.
 */
import { WorkspaceLeaf, type TFile } from 'obsidian-test-mocks/obsidian';
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

async function main(): Promise<void> {
	const { app, plugin, start } = pluginInPage({ preset: 'en' }, () => new Date(2024, 9, 10, 9, 0));
	const opened: string[] = [];
	const host = document.querySelector<HTMLElement>('.workspace-leaf-content');
	WorkspaceLeaf.prototype.openFile = async function (this: WorkspaceLeaf, file: TFile) {
		opened.push(file.path);
		(this as unknown as { file: TFile }).file = file;
		const note = await openNoteInEditor(app, file, { leaf: this });
		note.view.containerEl.addClass('view-content');
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
