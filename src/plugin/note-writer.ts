import { MarkdownView, type App, type Editor, type TFile } from 'obsidian';
import type { TextEdit } from '../engine';
import { applyEditsToEditor, cursorInFrontmatter } from './editor-edits';

export interface Rewrite {
	text: string;
	edits: TextEdit[];
}

/** Computes the new text from the current one, or null when nothing should change. */
export type Transform = (text: string) => Rewrite | null;

export type WriteOutcome = 'written' | 'unchanged' | 'deferred';

/**
 * Writes a note the safe way. Open in an editor: minimal editor changes, so cursor, selection, scroll
 * and undo survive, and (for automatic writes) never while the cursor is in the frontmatter. Not open:
 * Vault.process, which applies the transform atomically to the file's latest text. Never
 * processFrontMatter, which re-serialises the whole block.
 */
export class NoteWriter {
	/** Our last write per note (text and time), so the modify event it causes can be recognised. */
	readonly lastWritten = new Map<string, { text: string; at: number }>();

	constructor(private readonly app: App) {}

	openEditor(file: TFile): Editor | null {
		let editor: Editor | null = null;
		this.app.workspace.iterateAllLeaves((leaf) => {
			const view = leaf.view;
			if (!editor && view instanceof MarkdownView && view.file?.path === file.path) editor = view.editor;
		});
		return editor;
	}

	/** The note as the learner sees it: the editor's buffer when open, else the file. */
	async read(file: TFile): Promise<string> {
		return this.openEditor(file)?.getValue() ?? (await this.app.vault.read(file));
	}

	async write(file: TFile, transform: Transform, options: { respectCursor: boolean }): Promise<WriteOutcome> {
		const editor = this.openEditor(file);
		if (editor) {
			const text = editor.getValue();
			const rewrite = transform(text);
			if (!rewrite) return 'unchanged';
			if (options.respectCursor && cursorInFrontmatter(editor, text)) return 'deferred';
			applyEditsToEditor(editor, rewrite.edits, rewrite.text);
			this.lastWritten.set(file.path, { text: rewrite.text, at: Date.now() });
			return 'written';
		}
		// Look first, so an up-to-date note is never written (Vault.process writes whatever it returns).
		if (!transform(await this.app.vault.read(file))) return 'unchanged';
		let wrote = false;
		await this.app.vault.process(file, (current) => {
			const rewrite = transform(current);
			wrote = rewrite !== null;
			if (rewrite) this.lastWritten.set(file.path, { text: rewrite.text, at: Date.now() });
			return rewrite ? rewrite.text : current;
		});
		return wrote ? 'written' : 'unchanged';
	}
}
