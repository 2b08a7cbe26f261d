import { type App, MarkdownView, type TFile } from 'obsidian';
import { decodeNote, type Refusal, type TextEdit } from '../../engine';
import { applyEditsAsStep, applyEditsQuietly } from './editor-edits';
import type { EditingGuard } from './editing-guard';

export interface Rewrite {
	text: string;
	edits: TextEdit[];
}

/** Computes the new text from the current one, or null when nothing should change. */
export type Transform = (text: string) => Rewrite | null;

/**
 * - `automatic`: recompute on open or save, or "Recompute all". Waits while the learner edits the note
 *   and stays out of the undo history.
 * - `command`: an explicit action (mark done, undo mark, start reviewing): written at once, one undo step.
 */
export type WriteMode = 'automatic' | 'command';

/**
 * `deferred`: the learner is editing the note; `not-loaded`: its editor does not show the file yet; a
 * Refusal: the file on disk cannot be written safely (its bytes are not UTF-8).
 */
export type WriteOutcome = 'written' | 'unchanged' | 'deferred' | 'not-loaded' | Refusal;

/** CodeMirror shows every line break (CRLF, and a lone CR too) as LF: compare texts as the editor holds them. */
const withLf = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * Writes a note the safe way. Open in an editor: minimal changes to the editor's document, so caret,
 * selection, scroll and undo survive. Not open: Vault.process, which applies the transform atomically
 * to the file's latest text. Never processFrontMatter, which re-serialises the whole block.
 */
export class NoteWriter {
	/** True while our own change is being dispatched, so the editor-change it causes is not the learner's. */
	dispatching = false;

	constructor(
		private readonly app: App,
		private readonly guard: EditingGuard,
	) {}

	/** The Markdown view showing this note, if any. */
	openView(file: TFile): MarkdownView | null {
		let found: MarkdownView | null = null;
		this.app.workspace.iterateAllLeaves((leaf) => {
			const view = leaf.view;
			if (!found && view instanceof MarkdownView && view.file?.path === file.path) found = view;
		});
		return found;
	}

	/** The note as the learner sees it: the editor's buffer when open, else the file. */
	async read(file: TFile): Promise<string> {
		return this.openView(file)?.editor.getValue() ?? (await this.app.vault.read(file));
	}

	/**
	 * Obsidian decodes a file that is not UTF-8 lossily (every bad byte becomes U+FFFD); saving that
	 * would destroy those bytes for good. Looked at just before a write.
	 */
	private async bytesRefusal(file: TFile): Promise<Refusal | null> {
		const decoded = decodeNote(new Uint8Array(await this.app.vault.readBinary(file)));
		return decoded.ok ? null : decoded.refusal;
	}

	async write(file: TFile, transform: Transform, mode: WriteMode): Promise<WriteOutcome> {
		let view = this.openView(file);
		if (view && mode === 'automatic') {
			if (this.guard.reason(file.path, view)) return 'deferred';
			const saved = await this.app.vault.cachedRead(file);
			// The await gave the learner and Obsidian a turn: look again.
			view = this.openView(file);
			if (view && this.guard.reason(file.path, view)) return 'deferred';
			// A view whose text is not the file's has not loaded it yet (file-open fires first) or holds
			// unsaved typing: never write into it.
			if (view && withLf(view.editor.getValue()) !== withLf(saved)) return 'not-loaded';
		}
		if (view) {
			if (!transform(view.editor.getValue())) return 'unchanged';
			const bytes = await this.bytesRefusal(file);
			if (bytes) return bytes;
			// The await gave the learner a turn again: look again, and compute from the text as it is now.
			if (this.openView(file) !== view || (mode === 'automatic' && this.guard.reason(file.path, view))) return 'deferred';
			const rewrite = transform(view.editor.getValue());
			if (!rewrite) return 'unchanged';
			this.dispatching = true;
			try {
				if (mode === 'automatic') applyEditsQuietly(view.editor, rewrite.edits);
				else applyEditsAsStep(view.editor, rewrite.edits);
			} finally {
				this.dispatching = false;
			}
			return 'written';
		}
		// Look first, so an up-to-date note is never written (Vault.process writes whatever it returns).
		if (!transform(await this.app.vault.read(file))) return 'unchanged';
		const bytes = await this.bytesRefusal(file);
		if (bytes) return bytes;
		let wrote = false;
		await this.app.vault.process(file, (current) => {
			const rewrite = transform(current);
			wrote = rewrite !== null;
			return rewrite ? rewrite.text : current;
		});
		return wrote ? 'written' : 'unchanged';
	}
}
