// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fixture } from '../../helpers';
import { SAVE_DEBOUNCE_MS } from '../../../src/plugin/notes/auto-recompute';
import type { CodeMirrorEditor } from '../../support/codemirror-editor';
import { advance, AUTOSAVE_MS, fakeClockEachTest, loadPlugin, openInEditor, settle } from '../harness';

const SEED = fixture('seed-note.md');


fakeClockEachTest(new Date(2024, 9, 28, 9, 5));

describe('recompute on save', () => {
	it('recomputes once after the learner\'s edit is saved, however many saves come', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template', recomputeOnOpen: false });
		const file = h.file('Argo CD.md');
		const { editor } = await openInEditor(h, 'Argo CD.md', { cursor: SEED.length });
		editor.type('.');
		// Obsidian's own save, then a storm of 100 more modify events (another plugin, say).
		await advance(AUTOSAVE_MS);
		for (let i = 0; i < 100; i++) {
			h.app.vault.trigger('modify', file);
			vi.advanceTimersByTime(10);
		}
		await settle();
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([]);
		await advance(SAVE_DEBOUNCE_MS + 200);
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(editor.getValue()).toContain('⏰오늘 : 2024/10/28');
		// Our write is saved by Obsidian too; that save is not recomputed again.
		await advance(10_000, 500);
		expect(h.writes.filter((w) => w.via !== 'modify')).toHaveLength(1);
	});

	it('leaves a change that arrived by sync alone, open or not', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED, 'closed.md': SEED }, { rateFormula: 'template', recomputeOnOpen: false });
		const { editor } = await openInEditor(h, 'Argo CD.md', { cursor: SEED.length });
		const synced = SEED.replace('🧠장기기억: false', '🧠장기기억: true');
		// Sync writes the file; Obsidian reloads the open editor from it.
		await h.app.vault.modify(h.file('Argo CD.md'), synced);
		editor.load(synced);
		await h.app.vault.modify(h.file('closed.md'), synced);
		await advance(10_000, 500);
		expect(h.writes.filter((w) => w.via !== 'modify')).toEqual([]);
		expect(await h.read('closed.md')).toBe(synced);
		expect(editor.getValue()).toBe(synced);
	});

	it('treats an edit in the Properties widget as the learner\'s change', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template', recomputeOnOpen: false });
		const { view, property } = await openInEditor(h, 'Argo CD.md');
		// Reading view: the widget writes the file itself, not through the editor.
		property.dispatchEvent(new Event('input', { bubbles: true }));
		await h.app.vault.modify(h.file('Argo CD.md'), SEED.replace('🧠장기기억: false', '🧠장기기억: true'));
		(view.editor as unknown as CodeMirrorEditor).load(await h.read('Argo CD.md'));
		await advance(SAVE_DEBOUNCE_MS + 200);
		expect(h.writes.filter((w) => w.via === 'editor')).toEqual([{ via: 'editor', path: 'Argo CD.md' }]);
		expect(view.editor.getValue()).toContain('"장기기억저장여부1,0": "1"');
	});

	it('does nothing on save when "recompute on save" is off', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { recomputeOnSave: false });
		h.app.vault.trigger('modify', h.file('Argo CD.md'));
		vi.advanceTimersByTime(5000);
		await settle();
		expect(h.writes).toEqual([]);
	});

	it('never writes a malformed note and tells the learner once', async () => {
		const broken = SEED.replace('❕과목: Argo CD', '❕과목: Argo CD\n❕과목: again');
		const h = await loadPlugin({ 'broken.md': '' });
		// Straight to the adapter: App.createConfigured__ parses every file's metadata eagerly.
		await h.app.vault.adapter.write('broken.md', broken);
		const file = h.file('broken.md');
		for (let i = 0; i < 3; i++) {
			h.app.workspace.trigger('file-open', file);
			await settle();
			for (let j = 0; j < 10; j++) h.app.vault.trigger('modify', file);
			vi.advanceTimersByTime(2000);
			await settle();
		}
		expect(h.writes).toEqual([]);
		expect(await h.read('broken.md')).toBe(broken);
		expect(h.notices).toEqual(['Forgetting Curve left "broken.md" unchanged: The key "❕과목" appears more than once in the frontmatter.']);
	});

	it('tells the learner again about a new problem after the note was fixed', async () => {
		const h = await loadPlugin({ 'n.md': '---\n❕첫 학습날: 2024-02-30\n---\n' }, { rateFormula: 'template' });
		const { editor } = await openInEditor(h, 'n.md', { cursor: 0 });
		await advance(500);
		const retype = (text: string) => editor.cm.dispatch({ changes: { from: 0, to: editor.cm.state.doc.length, insert: text }, userEvent: 'input.paste' });
		retype('---\n❕첫 학습날: 2024-10-01\n---\n');
		await advance(AUTOSAVE_MS + SAVE_DEBOUNCE_MS + 500);
		retype('---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: maybe\n---\n');
		await advance(AUTOSAVE_MS + SAVE_DEBOUNCE_MS + 500);
		expect(h.notices).toEqual([
			'Forgetting Curve left "n.md" unchanged: "❕첫 학습날" is "2024-02-30", which is not a real calendar date.',
			'Forgetting Curve left "n.md" unchanged: "❤1일복습여부" should be true or false, but it is "maybe".',
		]);
	});
});

describe('a note that is not UTF-8', () => {
	it('is refused with the first bad byte named, on open and by Mark review done, and its bytes stay', async () => {
		const h = await loadPlugin({ 'other.md': '# x\n' }, { rateFormula: 'template' });
		const bytes = Buffer.concat([Buffer.from(SEED, 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
		await h.app.vault.createBinary('latin1.md', bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
		const file = h.file('latin1.md');
		h.app.workspace.trigger('file-open', file);
		await settle();
		const reason = `The note is not valid UTF-8 text (the first bad byte is at offset ${bytes.length - 2}), so it was left as it is.`;
		expect(h.notices).toEqual([`Forgetting Curve left "latin1.md" unchanged: ${reason}`]);
		if (h.plugin.actions) h.plugin.actions.confirm = () => Promise.resolve(true);
		await h.plugin.actions?.markDone(file.asOriginalType2__());
		await settle();
		expect(h.notices.at(-1)).toBe(`Forgetting Curve left "latin1.md" unchanged: ${reason}`);
		expect(h.writes).toEqual([]);
		expect(Buffer.from(await h.app.vault.readBinary(file)).equals(bytes)).toBe(true);
	});
});
