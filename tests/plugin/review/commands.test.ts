// @vitest-environment happy-dom
import { Menu as MockMenu, Notice as MockNotice } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPlugin, openInEditor, settle, type Harness } from '../harness';

const FRESH = '---\nfirst study: 2024-10-01\n---\nWhat I learned.\n';
const EN = { preset: 'en' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

/** Runs a command's checkCallback with `path` as the active note; false when it does not apply. */
async function runCommand(h: Harness, id: string, path: string): Promise<boolean> {
	vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file(path));
	const command = h.commands.get(id);
	if (!command?.checkCallback) throw new Error(`no command ${id}`);
	if (!command.checkCallback(true)) return false;
	command.checkCallback(false);
	await settle();
	return true;
}

async function day(h: Harness, date: Date) {
	vi.setSystemTime(date);
	await settle();
}

describe('"Mark review done"', () => {
	it('ticks the due review on days 1, 4, 7, 14 and 30 with the expected rate and bar, and undo restores the exact text', async () => {
		vi.setSystemTime(new Date(2024, 9, 1, 8));
		const h = await loadPlugin({ 'topic.md': FRESH }, EN);
		const steps: [number, string, string, string][] = [
			[2, 'review 1d done', '0.2', '🟩🟩⬜⬜⬜⬜⬜⬜⬜⬜ 20%'],
			[5, 'review 4d done', '0.4', '🟩🟩🟩🟩⬜⬜⬜⬜⬜⬜ 40%'],
			[8, 'review 7d done', '0.6', '🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%'],
			[15, 'review 14d done', '0.8', '🟩🟩🟩🟩🟩🟩🟩🟩⬜⬜ 80%'],
			[31, 'long-term memory', '1', '🟩🟩🟩🟩🟩🟩🟩🟩🟩🟩 100%'],
		];
		for (const [date, key, rate, bar] of steps) {
			await day(h, new Date(2024, 9, date, 20));
			const before = await h.read('topic.md');
			expect(await runCommand(h, 'mark-review-done', 'topic.md')).toBe(true);
			const after = await h.read('topic.md');
			expect(after).toContain(`${key}: true`);
			expect(after).toContain(`learning rate: ${rate}\n`);
			expect(after).toContain(`progress: ${bar}\n`);
			expect(after.endsWith('---\nWhat I learned.\n')).toBe(true);

			expect(await runCommand(h, 'undo-review-mark', 'topic.md')).toBe(true);
			expect(await h.read('topic.md')).toBe(before);
			expect(await runCommand(h, 'undo-review-mark', 'topic.md')).toBe(false);
			expect(await runCommand(h, 'mark-review-done', 'topic.md')).toBe(true);
		}
		expect(h.notices.filter((n) => n.startsWith('Marked'))).toEqual([
			'Marked the 1-day review done. Next: 4-day review on 2024-10-05.',
			'Marked the 1-day review done. Next: 4-day review on 2024-10-05.',
			'Marked the 4-day review done. Next: 7-day review on 2024-10-08.',
			'Marked the 4-day review done. Next: 7-day review on 2024-10-08.',
			'Marked the 7-day review done. Next: 14-day review on 2024-10-15.',
			'Marked the 7-day review done. Next: 14-day review on 2024-10-15.',
			'Marked the 14-day review done. Next: long-term review on 2024-10-31.',
			'Marked the 14-day review done. Next: long-term review on 2024-10-31.',
			'Marked the long-term review done. Every review of this note is done.',
			'Marked the long-term review done. Every review of this note is done.',
		]);
		// Everything is done: the command no longer applies.
		expect(await runCommand(h, 'mark-review-done', 'topic.md')).toBe(false);
	});

	it('asks before marking a review that is not due yet, and does nothing when declined', async () => {
		vi.setSystemTime(new Date(2024, 9, 1, 8));
		const h = await loadPlugin({ 'topic.md': FRESH }, EN);
		const questions: string[] = [];
		let answer = false;
		const actions = h.plugin.actions;
		if (!actions) throw new Error('plugin not loaded');
		actions.confirm = (title, body) => {
			questions.push(`${title} | ${body}`);
			return Promise.resolve(answer);
		};
		expect(await runCommand(h, 'mark-review-done', 'topic.md')).toBe(true);
		expect(questions).toEqual(['This review is not due yet | The 1-day review is due on 2024-10-02. Mark it done now?']);
		expect(await h.read('topic.md')).toBe(FRESH);
		expect(h.writes).toEqual([]);

		answer = true;
		await runCommand(h, 'mark-review-done', 'topic.md');
		expect(await h.read('topic.md')).toContain('review 1d done: true');
	});

	it('does not undo over later changes', async () => {
		vi.setSystemTime(new Date(2024, 9, 2, 8));
		const h = await loadPlugin({ 'topic.md': FRESH }, EN);
		await runCommand(h, 'mark-review-done', 'topic.md');
		const marked = await h.read('topic.md');
		await h.app.vault.modify(h.file('topic.md'), `${marked}More notes.\n`);
		await runCommand(h, 'undo-review-mark', 'topic.md');
		expect(await h.read('topic.md')).toBe(`${marked}More notes.\n`);
		expect(h.notices.at(-1)).toBe('The note changed after the review was marked, so nothing was undone.');
	});

	it('marks through the editor when the note is open, keeping the cursor', async () => {
		vi.setSystemTime(new Date(2024, 9, 2, 8));
		const h = await loadPlugin({ 'topic.md': FRESH }, { ...EN, recomputeOnOpen: false });
		const cursor = FRESH.indexOf('learned');
		const { editor } = await openInEditor(h, 'topic.md', { cursor });
		await runCommand(h, 'mark-review-done', 'topic.md');
		expect(h.writes).toEqual([{ via: 'editor', path: 'topic.md' }]);
		const text = editor.getValue();
		const at = editor.posToOffset(editor.getCursor());
		expect(text.slice(at, at + 'learned'.length)).toBe('learned');
	});
});

describe('"Start reviewing this note"', () => {
	it('adds the first-study key and checkboxes, then opening gives the full field set', async () => {
		vi.setSystemTime(new Date(2024, 9, 1, 14));
		const h = await loadPlugin({ 'new.md': '# Kubernetes\n' }, { rateFormula: 'template' });
		expect(await runCommand(h, 'mark-review-done', 'new.md')).toBe(false);
		expect(await runCommand(h, 'start-reviewing', 'new.md')).toBe(true);
		const started = await h.read('new.md');
		vi.setSystemTime(new Date(2024, 9, 1, 15));
		h.app.workspace.trigger('file-open', h.file('new.md'));
		await settle();
		const keys = (await h.read('new.md')).split('\n---\n')[0]?.split('\n').slice(1).map((line) => line.split(': ')[0]);
		expect(keys).toEqual([
			'❕첫 학습날',
			'❤1일복습여부',
			'🧡4일복습여부',
			'💛7일복습여부',
			'💚14일복습여부',
			'🧠장기기억',
			'🛑첫날',
			'🛑오늘',
			'🛑첫학습후 몇일째?',
			'🛑4일후',
			'🛑7일후',
			'🛑14일후',
			'4일후',
			'4일후(text)',
			'7일후',
			'7일후(text)',
			'14일후',
			'14일후(text)',
			'오늘1',
			'오늘2',
			'첫학습날text',
			'오늘과 첫학습날 사이',
			'사이',
			'"1일차복습여부1,0"',
			'"4일차복습여부1,0"',
			'"7일차복습여부1,0"',
			'"장기기억저장여부1,0"',
			'학습률',
			'진행바',
		]);
		expect(await h.read('new.md')).toBe(started);
		expect(started).toContain('\n---\n# Kubernetes\n');
		expect(h.notices).toEqual(['Started reviewing this note. First review: 1-day review on 2024-10-02.']);
		expect(await runCommand(h, 'start-reviewing', 'new.md')).toBe(false);
	});
});

describe('file menu', () => {
	it('offers the actions that apply to the note', async () => {
		vi.setSystemTime(new Date(2024, 9, 2, 8));
		const h = await loadPlugin({ 'topic.md': FRESH, 'plain.md': '# x\n' }, EN);
		const titles = (path: string) => {
			const menu = MockMenu.create2__();
			h.app.workspace.trigger('file-menu', menu, h.file(path), 'file-explorer-context-menu');
			return menu.menuItems__.map((item) => item.title__);
		};
		// Its 1-day review is due today: it can be marked or snoozed.
		expect(titles('topic.md')).toEqual(['Mark review done', 'Snooze this review until tomorrow', 'Snooze this review until…']);
		expect(titles('plain.md')).toEqual(['Start reviewing this note']);
		// The day before, nothing is due: marking early stays possible, snoozing is not offered.
		vi.setSystemTime(new Date(2024, 9, 1, 8));
		expect(titles('topic.md')).toEqual(['Mark review done']);
	});
});

describe('"Recompute all review notes"', () => {
	it('recomputes every review note and names each refused one with its reason', async () => {
		vi.setSystemTime(new Date(2024, 9, 5, 8));
		const h = await loadPlugin({ 'a.md': FRESH, 'b.md': FRESH, 'plain.md': '# x\n', 'bad.md': '' }, EN);
		await h.app.vault.adapter.write('bad.md', '---\nfirst study: 2024-02-30\n---\n');
		const summary = await h.plugin.recomputeAll();
		expect(summary).toEqual({
			total: 4,
			done: 4,
			changed: 2,
			unchanged: 1,
			refused: [{ path: 'bad.md', reason: '"first study" is "2024-02-30", which is not a real calendar date.' }],
			cancelled: false,
		});
		expect(await h.read('a.md')).toContain('next review: 2024-10-02');
		expect(await h.read('plain.md')).toBe('# x\n');
		expect(h.commands.get('recompute-all')?.name).toBe('Recompute all review notes');
	});
});

describe('"Recompute all review notes" over notes already up to date', () => {
	it('counts a note whose cached frontmatter shows nothing to change without reading it, and reads a stale one', async () => {
		vi.setSystemTime(new Date(2024, 9, 5, 8));
		const h = await loadPlugin({ 'a.md': FRESH, 'b.md': FRESH }, EN);
		await h.plugin.recomputeAll();
		await settle();
		// A day later b's fields are stale in the cache; a's were just written, and are for today.
		const reads = vi.spyOn(h.app.vault, 'read');
		const cachedReads = vi.spyOn(h.app.vault, 'cachedRead');
		const processed: string[] = [];
		vi.spyOn(h.app.vault, 'process').mockImplementation((file, fn) => {
			processed.push(file.path);
			return Promise.resolve(fn(''));
		});
		const summary = await h.plugin.recomputeAll();
		expect(summary).toMatchObject({ total: 2, changed: 0, unchanged: 2 });
		expect(processed).toEqual([]);
		expect([...reads.mock.calls, ...cachedReads.mock.calls]).toEqual([]);
		vi.restoreAllMocks();
		vi.setSystemTime(new Date(2024, 9, 6, 8));
		const next = await h.plugin.recomputeAll();
		expect(next).toMatchObject({ total: 2, changed: 2, unchanged: 0 });
	});
});

describe('"Recompute all review notes" in slices', () => {
	it('pauses for the app whenever a slice of work has taken 30 ms, however few notes that was', async () => {
		vi.setSystemTime(new Date(2024, 9, 5, 8));
		const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}.md`, FRESH]));
		const h = await loadPlugin(files, EN);
		// The clock is read once per note and moves 20 ms each time: slow notes, as on a phone.
		let now = 0;
		vi.spyOn(performance, 'now').mockImplementation(() => (now += 20));
		const pauses: number[] = [];
		const setTimeout = window.setTimeout.bind(window);
		vi.spyOn(window, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
			if (ms === 0) pauses.push(now);
			return setTimeout(fn, ms);
		}) as typeof window.setTimeout);
		const running = h.plugin.recomputeAll();
		for (let i = 0; i < 50; i++) {
			vi.advanceTimersByTime(1);
			await settle();
		}
		const summary = await running;
		expect(summary).toMatchObject({ total: 6, done: 6, changed: 6 });
		// The clock moves 20 ms per note: the 30 ms budget is spent every second note, so 3 pauses for 6
		// notes, where the 25-note batches alone would have made none.
		expect(pauses).toHaveLength(3);
	});
});

describe('"Recompute all review notes" progress', () => {
	it('can be cancelled from its progress notice, and says how far it got', async () => {
		vi.setSystemTime(new Date(2024, 9, 5, 8));
		const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`n${String(i).padStart(2, '0')}.md`, FRESH]));
		const h = await loadPlugin(files, EN);
		const messages: (string | DocumentFragment)[] = [];
		const setMessage = vi.spyOn(MockNotice.prototype, 'setMessage');
		vi.spyOn(MockNotice.prototype, 'constructor__').mockImplementation((message) => {
			messages.push(message);
		});
		const running = h.plugin.recomputeAll();
		for (let i = 0; i < 100 && setMessage.mock.calls.length === 0; i++) await settle();
		// The first batch of 25 is done and the notice was updated; press its cancel button.
		const latest = setMessage.mock.calls.at(-1)?.[0] ?? messages[0];
		expect(typeof latest === 'string' ? latest : latest?.textContent).toBe('Recomputing review notes: 25 of 60Cancel');
		if (typeof latest === 'string' || !latest) throw new Error('no progress fragment');
		latest.querySelector('button')?.click();
		vi.advanceTimersByTime(10);
		const summary = await running;
		expect(summary).toMatchObject({ total: 60, done: 25, changed: 25, cancelled: true });
		expect(messages.at(-1)).toBe('Stopped after 25 of 60 notes: 25 changed, 0 unchanged, 0 refused.');
	});
});
