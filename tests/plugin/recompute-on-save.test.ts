// @vitest-environment happy-dom
import { setup } from 'obsidian-test-mocks/setup';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture } from '../helpers';
import { loadPlugin, settle } from './harness';

const SEED = fixture('seed-note.md');

beforeAll(() => setup());
beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(new Date(2024, 9, 28, 9, 5));
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('recompute on save', () => {
	it('turns a storm of 100 modify events into one write, and its own write into none', async () => {
		const h = await loadPlugin({ 'Argo CD.md': SEED }, { rateFormula: 'template' });
		const file = h.file('Argo CD.md');
		for (let i = 0; i < 100; i++) {
			h.app.vault.trigger('modify', file);
			vi.advanceTimersByTime(10);
		}
		await settle();
		expect(h.writes).toEqual([]);
		vi.advanceTimersByTime(1500);
		await settle();
		expect(h.writes).toEqual([{ via: 'process', path: 'Argo CD.md' }]);
		// Our write fired 'modify' itself; let its debounce run out.
		for (let i = 0; i < 5; i++) {
			vi.advanceTimersByTime(1000);
			await settle();
		}
		expect(h.writes).toHaveLength(1);
		expect(await h.read('Argo CD.md')).toContain('⏰오늘 : 2024/10/28');
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
		const file = h.file('n.md');
		h.app.workspace.trigger('file-open', file);
		await settle();
		await h.app.vault.modify(file, '---\n❕첫 학습날: 2024-10-01\n---\n');
		vi.advanceTimersByTime(2000);
		await settle();
		await h.app.vault.modify(file, '---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: maybe\n---\n');
		vi.advanceTimersByTime(2000);
		await settle();
		expect(h.notices).toEqual([
			'Forgetting Curve left "n.md" unchanged: "❕첫 학습날" is "2024-02-30", which is not a real calendar date.',
			'Forgetting Curve left "n.md" unchanged: "❤1일복습여부" should be true or false, but it is "maybe".',
		]);
	});
});
