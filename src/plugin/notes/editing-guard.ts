import type { MarkdownView } from 'obsidian';
import { codeMirrorOf, cursorInFrontmatter } from './editor-edits';

/** A note typed in more recently than this is being edited: wait for the learner to pause. */
export const TYPING_QUIET_MS = 1500;
/**
 * With the caret in a focused editor's frontmatter, typing this recent still counts as editing. Longer
 * than the body's quiet time because a property is edited in bursts with pauses (looking up a date,
 * moving between keys), and a half-typed value must not be rewritten or reported as invalid.
 */
export const FRONTMATTER_QUIET_MS = 5000;

export type EditingReason = 'typing' | 'composing' | 'properties' | 'frontmatter';

/**
 * Knows when the learner is editing a note, so that nothing is written into it then. A caret that
 * merely sits at the start of a freshly opened note is not editing.
 */
export class EditingGuard {
	private readonly lastTyped = new Map<string, number>();

	noteTyped(path: string): void {
		this.lastTyped.set(path, Date.now());
	}

	renamed(oldPath: string, newPath: string): void {
		const at = this.lastTyped.get(oldPath);
		this.lastTyped.delete(oldPath);
		if (at !== undefined) this.lastTyped.set(newPath, at);
	}

	/** Whether the learner typed in any note within the quiet time (the reminder waits then). */
	isTypingAnywhere(): boolean {
		const now = Date.now();
		let typing = false;
		for (const [path, at] of this.lastTyped) {
			// Older than every window: no rule reads it again, so the map stays as small as the notes in use.
			if (now - at >= FRONTMATTER_QUIET_MS) this.lastTyped.delete(path);
			else if (now - at < TYPING_QUIET_MS) typing = true;
		}
		return typing;
	}

	/** Why the note is being edited right now, or null; `view` is the editor showing it, if any. */
	reason(path: string, view: MarkdownView | null): EditingReason | null {
		const sinceTyped = Date.now() - (this.lastTyped.get(path) ?? Number.NEGATIVE_INFINITY);
		if (sinceTyped < TYPING_QUIET_MS) return 'typing';
		if (!view) return null;
		const cm = codeMirrorOf(view.editor);
		if (cm && (cm.composing || cm.compositionStarted)) return 'composing';
		const focused = view.containerEl.ownerDocument.activeElement;
		if (focused && view.containerEl.contains(focused) && focused.closest('.metadata-container')) return 'properties';
		if (sinceTyped < FRONTMATTER_QUIET_MS && view.editor.hasFocus() && cursorInFrontmatter(view.editor)) return 'frontmatter';
		return null;
	}
}
