// @vitest-environment happy-dom
import { setup } from 'obsidian-test-mocks/setup';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../helpers';
import { loadPlugin, openInEditor, settle } from './harness';

const SEED = fixture('seed-note.md');
const NEXT_DAY = new Date(2024, 9, 28, 9, 5);

beforeAll(() => setup());
beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(NEXT_DAY);
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('recompute on open', () => {
	it('writes a stale note once, with the expected text, and not again on a second open', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		h.app.workspace.trigger('file-open', h.file('Argo CD.md'));
		await settle();
		expect(h.writes).toEqual([{ via: 'process', path: 'Argo CD.md' }]);
		const text = await h.read('Argo CD.md');
		expect(text).toBe(
			SEED.replace('⏰오늘 : 2024/10/27', '⏰오늘 : 2024/10/28')
				.replace('❤26일째❤', '❤27일째❤')
				.replace('"@2024년 10월 27일 오후 2:00"', '"@2024년 10월 28일 오전 9:05"')
				.replace('오늘2: 2024/10/27', '오늘2: 2024/10/28')
				.replace('오늘과 첫학습날 사이: "26"', '오늘과 첫학습날 사이: "27"')
				.replace('사이: "26"\n"1일', '사이: "27"\n"1일'),
		);
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

describe('editor path', () => {
	it('applies minimal edits through the editor and keeps the cursor on the same text', async () => {
		// At 10:30 "오후 2:00" becomes "오전 10:30": one character longer, so the body moves.
		vi.setSystemTime(new Date(2024, 9, 28, 10, 30));
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		const bodyOffset = SEED.indexOf('### 단서 질문') + 4;
		const { editor } = await openInEditor(h, 'Argo CD.md', bodyOffset);
		await settle();
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		const text = editor.getValue();
		expect(text).toContain('오늘1: "@2024년 10월 28일 오전 10:30"');
		const cursor = editor.posToOffset(editor.getCursor());
		expect(text.slice(cursor, cursor + 5)).toBe(SEED.slice(bodyOffset, bodyOffset + 5));
		expect(cursor).toBe(bodyOffset + (text.length - SEED.length));
		expect(text.length - SEED.length).toBe(1);
	});

	it('waits while the cursor is in the frontmatter and writes once it leaves', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		const inFrontmatter = SEED.indexOf('복습: 추가');
		const { editor } = await openInEditor(h, 'Argo CD.md', inFrontmatter);
		await settle();
		for (let i = 0; i < 5; i++) {
			vi.advanceTimersByTime(1000);
			await settle();
		}
		expect(h.writes).toEqual([]);
		expect(editor.getValue()).toBe(SEED);

		editor.setCursor(editor.offsetToPos(SEED.length - 3));
		vi.advanceTimersByTime(1000);
		await settle();
		expect(h.writes).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/28');
	});

	it('waits while the learner is typing, then writes after a pause', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		const file = h.file('Argo CD.md');
		const { editor, view } = await openInEditor(h, 'Argo CD.md', SEED.length - 1);
		await settle();
		// The open wrote the 28th. A day later the note is stale again while the learner types in its
		// body: keystrokes every 500 ms, Obsidian saving every 2 s (longer than the save debounce).
		vi.setSystemTime(new Date(2024, 9, 29, 9, 0));
		h.writes.length = 0;
		for (let ms = 0; ms < 10_000; ms += 500) {
			h.app.workspace.trigger('editor-change', editor, view);
			if (ms % 2000 === 0) await h.app.vault.modify(file, editor.getValue());
			vi.advanceTimersByTime(500);
			await settle();
		}
		expect(h.writes.filter((w) => w.via !== 'modify')).toEqual([]);
		expect(editor.getValue()).not.toContain('2024/10/29');
		// The learner pauses: within the quiet time plus one retry tick, the note is brought up to date.
		for (let i = 0; i < 3; i++) {
			vi.advanceTimersByTime(1000);
			await settle();
		}
		expect(h.writes.filter((w) => w.via === 'editor')).toHaveLength(1);
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/29');
	});
});
