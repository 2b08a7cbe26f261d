import { Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Editor } from 'obsidian';
import { findFrontmatter, type TextEdit } from '../../engine';

/** Obsidian's editor is a CodeMirror 6 view, reachable as `editor.cm` (not in obsidian.d.ts). */
export function codeMirrorOf(editor: Editor): EditorView | null {
	return (editor as Editor & { cm?: EditorView }).cm ?? null;
}

/** True when the selection touches the frontmatter, closing `---` included. */
export function cursorInFrontmatter(editor: Editor): boolean {
	const block = findFrontmatter(editor.getValue());
	if (!block) return false;
	const closingLineEnd = block.end + 3;
	const offsets = [editor.getCursor('anchor'), editor.getCursor('head')].map((pos) => editor.posToOffset(pos));
	return offsets.some((offset) => offset <= closingLineEnd);
}

/**
 * An automatic write: one CodeMirror transaction kept out of the undo history, so the learner's Ctrl+Z
 * undoes their own last change and their redo stack survives. CodeMirror maps the selection through
 * the changes itself; setting it explicitly could disturb an IME composition. Without `cm` (an editor
 * Obsidian has not built on CodeMirror), Editor.transaction is the fallback.
 */
export function applyEditsQuietly(editor: Editor, edits: readonly TextEdit[]): void {
	const cm = codeMirrorOf(editor);
	if (!cm) return applyEditsAsStep(editor, edits);
	cm.dispatch({ changes: edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })), annotations: Transaction.addToHistory.of(false) });
}

/** An explicit command's write: one editor transaction, so one undo takes it back. */
export function applyEditsAsStep(editor: Editor, edits: readonly TextEdit[]): void {
	// Positions are all in the text before the change, as one transaction applies them.
	const changes = edits.map((edit) => ({ from: editor.offsetToPos(edit.from), to: editor.offsetToPos(edit.to), text: edit.insert }));
	editor.transaction({ changes });
}
