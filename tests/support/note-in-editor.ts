import type { App, TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { MarkdownView } from 'obsidian-test-mocks/obsidian';
import { CodeMirrorEditor } from './codemirror-editor';

/** Obsidian saves an editor's text this long after the last change. */
export const AUTOSAVE_MS = 2000;

export interface NoteInEditor {
	view: MarkdownView;
	/** A real CodeMirror 6 editor (with undo history), as Obsidian's Markdown view has. */
	editor: CodeMirrorEditor;
	/** An input inside the view's Properties widget (`.metadata-container`), a control apart from the editor. */
	property: HTMLInputElement;
	/** Shows the note's text as Obsidian does once the file is read (fresh state, caret at 0). */
	load(): Promise<void>;
}

/**
 * Opens a note in a Markdown view backed by a real CodeMirror 6 editor, then fires file-open, the way
 * Obsidian does: the caret starts at offset 0, inside the frontmatter; every document change fires
 * `editor-change`, and the text is saved to the file 2 s after the last change. With `loaded: false`
 * the view still shows another note's text when file-open fires, as it can in Obsidian; call
 * `load()` later. Runs under vitest (happy-dom) and in Chromium alike.
 */
export async function openNoteInEditor(
	app: App,
	file: TFile,
	options: { cursor?: number; loaded?: boolean; onPluginWrite?: () => void; leaf?: WorkspaceLeaf } = {},
): Promise<NoteInEditor> {
	const leaf = options.leaf ?? app.workspace.getLeaf(true);
	// A leaf showing another note drops its view, as Obsidian's does.
	(leaf.view as { containerEl?: HTMLElement } | null)?.containerEl?.remove();
	const view = MarkdownView.create2__(leaf);
	await leaf.open(view as unknown as Parameters<typeof leaf.open>[0]);
	document.body.appendChild(view.containerEl);
	const property = view.contentEl.createDiv({ cls: 'metadata-container' }).createEl('input');
	let saveTimer: ReturnType<typeof setTimeout> | null = null;
	const editor: CodeMirrorEditor = new CodeMirrorEditor(view.contentEl, (change) => {
		// Changes nobody typed, pasted or undid are the plugin's writes.
		if (change.userEvent === null) options.onPluginWrite?.();
		app.workspace.trigger('editor-change', editor, view);
		if (saveTimer !== null) clearTimeout(saveTimer);
		saveTimer = setTimeout(() => void app.vault.modify(file, editor.getValue()), AUTOSAVE_MS);
	});
	(view as unknown as { editor: CodeMirrorEditor }).editor = editor;
	const load = async () => {
		editor.load(await app.vault.read(file));
		if (options.cursor !== undefined) editor.setCursor(options.cursor);
	};
	if (options.loaded === false) editor.load('---\nsome other note: 1\n---\nIts body.\n');
	else await load();
	view.file = file;
	app.workspace.trigger('file-open', file);
	return { view, editor, property, load };
}
