// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fixture, seedRecomputedOct28 } from '../../helpers';
import { advance, AUTOSAVE_MS, fakeClockEachTest, loadPlugin, openInEditor, settle } from '../harness';

const SEED = fixture('seed-note.md');
const NEXT_DAY = new Date(2024, 9, 28, 9, 5);
/** The seed recomputed at NEXT_DAY with the template's rate formula. */
const SEED_NEXT_DAY = seedRecomputedOct28();
const TEMPLATE = { rateFormula: 'template' };


fakeClockEachTest(NEXT_DAY);

describe('recompute on open', () => {
	it('writes a stale note once, with the expected text, and not again on a second open', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
		await settle();
		expect(h.writes).toEqual([{ via: 'process', path: 'Argo CD.md' }]);
		expect(await h.read('Argo CD.md')).toBe(SEED_NEXT_DAY);
		h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
		await settle();
		vi.advanceTimersByTime(5000);
		await settle();
		expect(h.writes).toHaveLength(1);
	});

	it('leaves notes that are not review notes alone', async () => {
		const h = await loadPlugin({ 'plain.md': '# Hello\n', 'other.md': '---\ntitle: x\n---\n' });
		h.app.workspace.trigger('file-open', h.file('plain.md'));
		h.app.workspace.trigger('file-open', h.file('other.md'));
		await settle();
		expect(h.writes).toEqual([]);
		expect(h.notices).toEqual([]);
	});

	it('does nothing on open when "recompute on open" is off', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { recomputeOnOpen: false });
		h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
		await settle();
		expect(h.writes).toEqual([]);
	});

	it('respects include and exclude folders and the tag', async () => {
		const files = { 'study/a.md': SEED, 'archive/b.md': SEED, 'c.md': SEED.replace('복습: 추가 복습', 'tags: [study]') };
		const h = await loadPlugin(files, { includeFolders: ['study', 'archive'], excludeFolders: ['archive'] });
		for (const path of Object.keys(files)) h.app.workspace.trigger('file-open', h.file(path));
		await settle();
		expect(h.writes.map((w) => w.path)).toEqual(['study/a.md']);

		const tagged = await loadPlugin(files, { tag: '#study' });
		for (const path of Object.keys(files)) tagged.app.workspace.trigger('file-open', tagged.file(path));
		await settle();
		expect(tagged.writes.map((w) => w.path)).toEqual(['c.md']);
	});
});

describe('open in a real CodeMirror editor', () => {
	it('brings a stale note up to date with the caret at 0 and nobody typing: one write, caret stays at 0', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md');
		expect(editor.posToOffset(editor.getCursor())).toBe(0);
		await advance(1000);
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY);
		expect(editor.posToOffset(editor.getCursor('anchor'))).toBe(0);
		expect(editor.posToOffset(editor.getCursor('head'))).toBe(0);
		// The write is not the learner's: it is out of the undo history.
		expect(editor.changes.map((c) => [c.userEvent, c.addedToHistory])).toEqual([[null, false]]);
		// Obsidian saves it; that save is our own change and is not recomputed again.
		await advance(AUTOSAVE_MS + 3000, 500);
		expect(await h.read('Argo CD.md')).toBe(SEED_NEXT_DAY);
		expect(h.writes.filter((w) => w.via !== 'modify')).toHaveLength(1);
	});

	it('waits for the editor to show the file when file-open fires first, and never writes into another buffer', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const open = await openInEditor(h, 'Argo CD.md', { loaded: false });
		const other = open.editor.getValue();
		await advance(300);
		expect(h.writes).toEqual([]);
		expect(open.editor.getValue()).toBe(other);
		await open.load();
		await advance(700);
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(open.editor.getValue()).toBe(SEED_NEXT_DAY);
	});

	it('gives up waiting for a view that never loads the note, and stops its timer', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const idle = vi.getTimerCount();
		await openInEditor(h, 'Argo CD.md', { loaded: false });
		await advance(500);
		expect(vi.getTimerCount()).toBe(idle + 1);
		await advance(11_000, 1000);
		expect(h.writes).toEqual([]);
		expect(vi.getTimerCount()).toBe(idle);
	});

	it('keeps the caret on the same text when it sits in the body', async () => {
		// At 10:30 "오후 2:00" becomes "오전 10:30": one character longer, so the body moves.
		vi.setSystemTime(new Date(2024, 9, 28, 10, 30));
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const bodyOffset = SEED.indexOf('### 단서 질문') + 4;
		const { editor } = await openInEditor(h, 'Argo CD.md', { cursor: bodyOffset });
		await advance(1000);
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		const text = editor.getValue();
		expect(text).toContain('오늘1: "@2024년 10월 28일 오전 10:30"');
		const cursor = editor.posToOffset(editor.getCursor());
		expect(text.length - SEED.length).toBe(1);
		expect(cursor).toBe(bodyOffset + 1);
		expect(text.slice(cursor, cursor + 5)).toBe(SEED.slice(bodyOffset, bodyOffset + 5));
	});

	it('waits while the learner types in the frontmatter, then writes once they stop', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { ...TEMPLATE, recomputeOnOpen: false });
		const { editor } = await openInEditor(h, 'Argo CD.md');
		editor.focus();
		editor.setCursor(SEED.indexOf('추가 복습') + '추가 복습'.length);
		editor.type('!');
		await advance(1000);
		// Typing 1 s ago with the caret in the frontmatter: a tab switch (file-open) must not write.
		h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
		await advance(AUTOSAVE_MS + 1500);
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([]);
		expect(editor.getValue()).toContain('복습: 추가 복습!\n');
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/27');
		// Five seconds after the last keystroke the learner has stopped: one write.
		await advance(1500);
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY.replace('복습: 추가 복습', '복습: 추가 복습!'));
	});

	it('writes as soon as the caret leaves the frontmatter', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md');
		await advance(1000);
		h.writes.length = 0;
		vi.setSystemTime(new Date(2024, 9, 29, 9, 0));
		editor.focus();
		editor.setCursor(SEED.indexOf('추가 복습'));
		editor.type('a');
		await advance(AUTOSAVE_MS + 1800);
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([]);
		editor.setCursor(editor.getValue().length - 1);
		await advance(300);
		expect(h.writes.filter((w) => w.via === 'editor')).toHaveLength(1);
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/29');
	});

	it('waits while focus is in the Properties widget, and writes when it leaves', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const open = await openInEditor(h, 'Argo CD.md', { loaded: false });
		open.property.focus();
		expect(document.activeElement).toBe(open.property);
		await open.load();
		await advance(3000);
		expect(h.writes).toEqual([]);
		open.property.blur();
		await advance(300);
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(open.editor.getValue()).toBe(SEED_NEXT_DAY);
	});

	it('waits while the learner is typing in the body, then writes after a pause', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md', { cursor: SEED.length - 1 });
		await advance(1000);
		// A day later the note is stale again while the learner types: a keystroke every 500 ms for
		// 10 s, Obsidian saving 2 s after each pause it sees (none), file-open on a tab switch.
		vi.setSystemTime(new Date(2024, 9, 29, 9, 0));
		h.writes.length = 0;
		for (let ms = 0; ms < 10_000; ms += 500) {
			editor.type('가');
			if (ms === 5000) h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
			await advance(500);
		}
		expect(h.writes).toEqual([]);
		expect(editor.getValue()).not.toContain('2024/10/29');
		// The learner pauses: Obsidian saves after 2 s, the save debounce runs out 1.5 s later.
		await advance(AUTOSAVE_MS + 1500 + 300);
		expect(h.writes.filter((w) => w.via === 'editor')).toHaveLength(1);
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/29');
		expect(editor.getValue()).toContain('가'.repeat(20));
	});
});

describe('undo history', () => {
	it('keeps automatic writes out of undo: the learner\'s undo and redo are their own', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md');
		await advance(1000);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY);
		editor.setCursor(SEED_NEXT_DAY.length);
		editor.type('x');
		expect(editor.getValue()).toBe(`${SEED_NEXT_DAY}x`);
		expect(editor.undo()).toBe(true);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY);
		// Nothing of ours is in the history: a second undo has nothing to take back.
		expect(editor.undo()).toBe(false);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY);
		expect(editor.redo()).toBe(true);
		expect(editor.getValue()).toBe(`${SEED_NEXT_DAY}x`);
		// The undo and redo saved the note; nothing of ours came back to clear the redo stack.
		await advance(AUTOSAVE_MS + 3000, 500);
		expect(h.writes.filter((w) => w.via === 'editor')).toHaveLength(1);
	});

	it('undoes "Mark review done" in one step', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md', { cursor: SEED.length });
		await advance(1000);
		const actions = h.plugin.actions;
		if (!actions) throw new Error('no actions');
		actions.confirm = () => Promise.resolve(true);
		await actions.markDone(h.file('Argo CD.md').asOriginalType2__());
		await settle();
		const marked = editor.getValue();
		expect(marked).toContain('🧠장기기억: true');
		expect(editor.changes.at(-1)).toMatchObject({ userEvent: null, addedToHistory: true });
		expect(editor.undo()).toBe(true);
		expect(editor.getValue()).toBe(SEED_NEXT_DAY);
		expect(editor.redo()).toBe(true);
		expect(editor.getValue()).toBe(marked);
	});
});

describe('refusal notices', () => {
	it('wait while the learner types a value in the frontmatter, and come once they stop', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, TEMPLATE);
		const { editor } = await openInEditor(h, 'Argo CD.md');
		await advance(1000);
		editor.focus();
		// The learner types after the first-study date, pausing longer than the body's quiet time.
		editor.setCursor(SEED_NEXT_DAY.indexOf('2024-10-01') + '2024-10-01'.length);
		for (const digit of ['5', '6', '7']) {
			editor.type(digit);
			await advance(2500);
		}
		expect(h.notices).toEqual([]);
		await advance(5000);
		expect(h.notices).toEqual(['Forgetting Curve left "Argo CD.md" unchanged: "❕첫 학습날" should be a date like 2024-10-01 (or 2024/10/01, 2024.10.01), but it is "2024-10-01567".']);
		expect(h.writes.filter((w) => w.via === 'editor')).toHaveLength(1);
	});
});
