// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { isConflictCopy } from '../../../src/engine';
import type { DueView } from '../../../src/plugin/due/due-view';
import { reviewNote } from '../../helpers';
import { advance, fakeClockEachTest, type Harness, loadPlugin, settle } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 9));

const note = (first: string) => reviewNote({ first });
const VAULT = {
	'today.md': note('2024-10-09'), // 1-day review due today
	'today (Conflicted copy Laptop 202410091200).md': note('2024-10-09'),
	'today.sync-conflict-20241009-120000-ABCDEFG.md': note('2024-10-09'),
	'soon.md': note('2024-10-10'), // 1-day review due tomorrow
};

const openView = (h: Harness) => h.openDueView();

const rowPaths = (view: DueView) => [...view.contentEl.querySelectorAll<HTMLElement>('.forgetting-curve-row')].map((row) => row.dataset.path);
const counts = (view: DueView) => [...view.contentEl.querySelectorAll('.forgetting-curve-count')].map((el) => el.textContent);

describe('sync conflict copies', () => {
	it('recognises Obsidian Sync, Dropbox, Nextcloud and Syncthing copies by name only', () => {
		expect(isConflictCopy('a/Note (Conflicted copy Laptop 202411281230).md')).toBe(true);
		expect(isConflictCopy("Note (Jane's conflicted copy 2024-11-28).md")).toBe(true);
		expect(isConflictCopy('Note (conflicted copy 2024-11-28 123456).md')).toBe(true);
		expect(isConflictCopy('Note.sync-conflict-20241128-123456-ABCDEFG.md')).toBe(true);
		expect(isConflictCopy('Conflicted copy (notes)/Note.md')).toBe(false);
		expect(isConflictCopy('Why conflicted copy happens.md')).toBe(false);
		expect(isConflictCopy('Note.md')).toBe(false);
	});

	it('are left out of the due list, which names them in one line', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		expect(rowPaths(view)).toEqual(['today.md', 'soon.md']);
		expect(view.contentEl.querySelector('.forgetting-curve-conflicts')?.textContent).toBe(
			'Not listed, sync conflict copies: today (Conflicted copy Laptop 202410091200), today.sync-conflict-20241009-120000-ABCDEFG. Merge each into its note and delete it.',
		);
		// Resolved: the line goes away.
		await h.app.fileManager.trashFile(h.file('today (Conflicted copy Laptop 202410091200).md'));
		await h.app.fileManager.trashFile(h.file('today.sync-conflict-20241009-120000-ABCDEFG.md'));
		vi.advanceTimersByTime(200);
		expect(view.contentEl.querySelector('.forgetting-curve-conflicts')).toBeNull();
	});

	it('are left out of the calendar export and of "Recompute all", and never recomputed on open', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		h.app.workspace.setLayoutReady__();
		vi.advanceTimersByTime(200);
		h.runCommand('export-review-calendar');
		await settle();
		const calendar = await h.read('Forgetting Curve.ics');
		const named = [...calendar.replace(/\r\n /g, '').matchAll(/• (.*?) · /g)].map((m) => m[1]);
		// The day's reminders name the two real notes, never the copies.
		expect(named.sort()).toEqual(['soon', 'today']);
		const summary = (await h.plugin.recomputeAll()) as { total: number };
		expect(summary.total).toBe(2);
		h.app.workspace.trigger('file-open', h.file('today (Conflicted copy Laptop 202410091200).md'));
		await settle();
		expect(await h.read('today (Conflicted copy Laptop 202410091200).md')).toBe(note('2024-10-09'));
		expect(h.writes.map((w) => w.path).filter((p) => isConflictCopy(p))).toEqual([]);
	});
});

describe('after the computer slept', () => {
	it('a jump of a day with no timer firing, then the window showing again, moves notes between sections', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		expect(counts(view)).toEqual(['0', '1', '1']);
		// Asleep overnight: the clock moves, no timer runs.
		vi.setSystemTime(new Date(2024, 9, 11, 7, 30));
		document.dispatchEvent(new Event('visibilitychange'));
		vi.advanceTimersByTime(200);
		expect(counts(view)).toEqual(['1', '1', '0']);
		expect(rowPaths(view)).toEqual(['today.md', 'soon.md']);
	});

	it('the minute check catches the new day when no window event comes', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		vi.setSystemTime(new Date(2024, 9, 11, 7, 30));
		await advance(60_000, 10_000);
		expect(counts(view)).toEqual(['1', '1', '0']);
	});
});
