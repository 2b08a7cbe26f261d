import type { Editor, EditorPosition } from 'obsidian';
import { findFrontmatter, type TextEdit } from '../engine';

/** Line and column of an offset in a text; used for positions in the text after an edit. */
function positionIn(text: string, offset: number): EditorPosition {
	const before = text.slice(0, offset);
	const line = before.split('\n').length - 1;
	return { line, ch: offset - (before.lastIndexOf('\n') + 1) };
}

/** Where an offset moves when edits are applied before it. */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number {
	let shift = 0;
	for (const edit of edits) {
		if (edit.to <= offset) shift += edit.insert.length - (edit.to - edit.from);
		else if (edit.from < offset) return edit.from + edit.insert.length + shift;
	}
	return offset + shift;
}

/** True when the selection touches the frontmatter, closing `---` included: the learner may be typing there. */
export function cursorInFrontmatter(editor: Editor, text: string): boolean {
	const block = findFrontmatter(text);
	if (!block) return false;
	const closingLineEnd = block.end + 3;
	const offsets = [editor.getCursor('anchor'), editor.getCursor('head')].map((pos) => editor.posToOffset(pos));
	return offsets.some((offset) => offset <= closingLineEnd);
}

/**
 * Applies edits as one editor transaction, so undo takes them back in one step, then puts the
 * selection and scroll position back where the learner had them.
 */
export function applyEditsToEditor(editor: Editor, edits: readonly TextEdit[], nextText: string): void {
	const sorted = [...edits].sort((a, b) => a.from - b.from);
	const anchor = mapOffset(editor.posToOffset(editor.getCursor('anchor')), sorted);
	const head = mapOffset(editor.posToOffset(editor.getCursor('head')), sorted);
	const scroll = editor.getScrollInfo();
	// Back to front: positions stay valid whether changes apply at once or one after another.
	const changes = [...sorted].reverse().map((edit) => ({
		from: editor.offsetToPos(edit.from),
		to: editor.offsetToPos(edit.to),
		text: edit.insert,
	}));
	editor.transaction({ changes, selection: { from: positionIn(nextText, anchor), to: positionIn(nextText, head) } });
	editor.scrollTo(scroll.left, scroll.top);
}
