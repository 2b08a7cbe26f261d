import { defaultKeymap, history, historyKeymap, redo, undo } from '@codemirror/commands';
import { EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

export interface EditorPosition {
	line: number;
	ch: number;
}

interface EditorChange {
	from: EditorPosition;
	to?: EditorPosition;
	text: string;
}

interface EditorTransaction {
	changes?: EditorChange[];
	selection?: { from: EditorPosition; to?: EditorPosition };
}

/** One document change as the test sees it: who made it and whether it went into the undo history. */
export interface DocChange {
	/** A learner's input ("input.type", "input.type.compose", "undo", …), or null for a programmatic change. */
	userEvent: string | null;
	addedToHistory: boolean;
	text: string;
}

/**
 * A real CodeMirror 6 editor (the packages and versions Obsidian ships) behind the part of Obsidian's
 * `Editor` API the plugin calls, plus `cm`, the `EditorView`, as Obsidian exposes it. It behaves as
 * Obsidian's does where the plugin can tell:
 * - `load` starts a fresh state as opening a file does: caret at offset 0, empty undo history;
 * - `transaction` is one CodeMirror transaction that goes into the undo history (and so clears redo);
 * - every document change, the plugin's own included, is reported to `onChange` (Obsidian's
 *   `editor-change` fires for all of them).
 */
export class CodeMirrorEditor {
	readonly cm: EditorView;
	readonly changes: DocChange[] = [];

	constructor(
		parent: HTMLElement,
		private readonly onChange: (change: DocChange) => void = () => {},
	) {
		this.cm = new EditorView({ parent, state: this.freshState('') });
	}

	/** Shows a file's text as Obsidian does when a note is opened. */
	load(text: string): void {
		this.cm.setState(this.freshState(text));
	}

	getValue(): string {
		return this.cm.state.doc.toString();
	}

	setValue(text: string): void {
		this.cm.dispatch({ changes: { from: 0, to: this.cm.state.doc.length, insert: text } });
	}

	getCursor(which: 'from' | 'to' | 'head' | 'anchor' = 'head'): EditorPosition {
		const range = this.cm.state.selection.main;
		const offset = which === 'from' ? range.from : which === 'to' ? range.to : which === 'anchor' ? range.anchor : range.head;
		return this.offsetToPos(offset);
	}

	setCursor(pos: EditorPosition | number): void {
		const offset = typeof pos === 'number' ? pos : this.posToOffset(pos);
		this.cm.dispatch({ selection: EditorSelection.cursor(offset) });
	}

	posToOffset(pos: EditorPosition): number {
		return this.cm.state.doc.line(pos.line + 1).from + pos.ch;
	}

	offsetToPos(offset: number): EditorPosition {
		const line = this.cm.state.doc.lineAt(offset);
		return { line: line.number - 1, ch: offset - line.from };
	}

	transaction(tx: EditorTransaction): void {
		const changes = (tx.changes ?? []).map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), insert: c.text }));
		const selection = tx.selection ? EditorSelection.single(this.posToOffset(tx.selection.from), this.posToOffset(tx.selection.to ?? tx.selection.from)) : undefined;
		this.cm.dispatch({ changes, ...(selection ? { selection } : {}) });
	}

	getScrollInfo(): { top: number; left: number; height: number; width: number; clientHeight: number; clientWidth: number } {
		const s = this.cm.scrollDOM;
		return { top: s.scrollTop, left: s.scrollLeft, height: s.scrollHeight, width: s.scrollWidth, clientHeight: s.clientHeight, clientWidth: s.clientWidth };
	}

	scrollTo(x?: number | null, y?: number | null): void {
		if (typeof x === 'number') this.cm.scrollDOM.scrollLeft = x;
		if (typeof y === 'number') this.cm.scrollDOM.scrollTop = y;
	}

	hasFocus(): boolean {
		return this.cm.hasFocus;
	}

	focus(): void {
		this.cm.focus();
	}

	blur(): void {
		this.cm.contentDOM.blur();
	}

	/** Types text at the caret the way a keystroke does (a user event, into the undo history). */
	type(text: string): void {
		this.cm.dispatch(this.cm.state.replaceSelection(text), { userEvent: 'input.type', scrollIntoView: true });
	}

	undo(): boolean {
		return undo(this.cm);
	}

	redo(): boolean {
		return redo(this.cm);
	}

	destroy(): void {
		this.cm.destroy();
	}

	private freshState(doc: string): EditorState {
		return EditorState.create({
			doc,
			extensions: [
				history(),
				keymap.of([...historyKeymap, ...defaultKeymap]),
				EditorView.updateListener.of((update) => {
					if (!update.docChanged) return;
					for (const tr of update.transactions) {
						if (!tr.docChanged) continue;
						const userEvent = tr.annotation(Transaction.userEvent) ?? null;
						const change = { userEvent, addedToHistory: tr.annotation(Transaction.addToHistory) !== false, text: tr.newDoc.toString() };
						this.changes.push(change);
						this.onChange(change);
					}
				}),
			],
		});
	}
}
