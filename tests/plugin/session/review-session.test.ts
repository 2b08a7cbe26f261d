// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { parseJournal, type HistoryEntry } from '../../../src/engine';
import { advance, fakeClockEachTest, loadPlugin, savedData, settle, type Harness } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 8, 0));

const note = (first: string, done1d = false) => `---\nfirst study: ${first}\n${done1d ? 'review 1d done: true\n' : ''}---\nWhat I learned.\n`;
/** Today is 2024-10-10. Due order: a (10-05), b (10-06), c (10-09), d and e (today); later.md is upcoming. */
const VAULT = {
	'a.md': note('2024-10-01', true),
	'b.md': note('2024-10-02', true),
	'c.md': note('2024-10-08'),
	'd.md': note('2024-10-09'),
	'e.md': note('2024-10-09'),
	'later.md': note('2024-10-09', true),
};

async function start(data: object = {}): Promise<Harness> {
	const h = await loadPlugin(VAULT, { preset: 'en', ...data });
	h.app.workspace.setLayoutReady__();
	await advance(200);
	return h;
}

/** The session bar in the active note's view. */
function bar(h: Harness): HTMLElement | null {
	const leaf = h.app.workspace.activeLeaf as unknown as { view: { contentEl: HTMLElement } } | null;
	return leaf?.view.contentEl.querySelector<HTMLElement>('.forgetting-curve-session') ?? null;
}

async function click(h: Harness, button: 'done' | 'snooze' | 'skip' | 'end'): Promise<void> {
	const el = bar(h)?.querySelector<HTMLButtonElement>(`.forgetting-curve-session-${button}`);
	if (!el) throw new Error(`no ${button} button`);
	el.click();
	await advance(300);
}

async function journal(h: Harness): Promise<HistoryEntry[]> {
	const listing = await h.app.vault.adapter.list(`${h.app.vault.configDir}/plugins/forgetting-curve/history`);
	const entries: HistoryEntry[] = [];
	for (const file of listing.files) entries.push(...parseJournal(await h.app.vault.adapter.read(file)).entries);
	return entries;
}

const statusText = (h: Harness) => (h.plugin as unknown as { statusBarItems__: HTMLElement[] }).statusBarItems__[0]?.textContent;

describe('review session', () => {
	it('works through five due notes in order (done, snooze, skip, done, end) and ends with the summary', async () => {
		const h = await start();
		h.runCommand('review-due-notes');
		await advance(200);
		expect(h.opened).toEqual(['a.md']);
		expect(bar(h)?.querySelector('.forgetting-curve-session-position')?.textContent).toBe('1 of 5');
		await click(h, 'done');
		await advance(2500); // the editor's autosave
		expect(await h.read('a.md')).toContain('review 4d done: true');
		expect(bar(h)?.querySelector('.forgetting-curve-session-position')?.textContent).toBe('2 of 5');
		await click(h, 'snooze');
		await click(h, 'skip');
		await click(h, 'done');
		expect(h.opened).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
		await click(h, 'end');
		expect(h.notices.at(-1)).toBe('Review session over: 2 done, 1 snoozed, 1 skipped.');
		expect(bar(h)).toBeNull();
		// The snoozed and the skipped notes were not marked (opening them recomputed their fields only).
		expect(await h.read('b.md')).not.toContain('review 4d done: true');
		expect(await h.read('c.md')).not.toContain('review 1d done: true');
		await advance(2500); // the editor's autosave
		expect(await h.read('d.md')).toContain('review 1d done: true');
		expect((await journal(h)).map((e) => (e.action === 'rename' ? e.action : `${e.action} ${e.path} ${e.stage} ${e.due}`))).toEqual([
			'done a.md 4 2024-10-05',
			'snooze b.md 4 2024-10-06',
			'done d.md 1 2024-10-10',
		]);
		// The session commands are offered only while a session runs.
		expect(h.commands.get('review-session-done')?.checkCallback?.(true)).toBe(false);
	});

	it('ends by itself after the last note, and says so when nothing is due', async () => {
		const h = await start();
		h.runCommand('review-due-notes');
		await advance(200);
		for (let i = 0; i < 5; i++) await click(h, 'skip');
		expect(h.notices.at(-1)).toBe('Review session over: 0 done, 0 snoozed, 5 skipped.');
		const quiet = await loadPlugin({ 'later.md': VAULT['later.md'] }, { preset: 'en' });
		quiet.app.workspace.setLayoutReady__();
		await advance(200);
		quiet.runCommand('review-due-notes');
		await advance(200);
		expect(quiet.notices).toEqual(['Nothing is due: no review to work through.']);
		expect(quiet.opened).toEqual([]);
	});

	it('drops a note marked done elsewhere (another device) during the session', async () => {
		const h = await start();
		h.runCommand('review-due-notes');
		await advance(200);
		// c.md arrives by sync with its 1-day review ticked: its next review is in two days.
		await h.app.vault.modify(h.file('c.md'), note('2024-10-08', true));
		await advance(300);
		expect(bar(h)?.querySelector('.forgetting-curve-session-position')?.textContent).toBe('1 of 4');
		await click(h, 'skip');
		await click(h, 'skip');
		expect(h.opened).toEqual(['a.md', 'b.md', 'd.md']);
	});

	it('lets "Undo last review mark" take back a review marked done in the session', async () => {
		const h = await start();
		h.runCommand('review-due-notes');
		await advance(2500); // opening recomputes the note's fields; the editor saves them
		const before = await h.read('a.md');
		await click(h, 'done');
		await advance(2500);
		expect(await h.read('a.md')).not.toBe(before);
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('a.md'));
		const undo = h.commands.get('undo-review-mark');
		expect(undo?.checkCallback?.(true)).toBe(true);
		undo?.checkCallback?.(false);
		await advance(300);
		await advance(2500);
		expect(await h.read('a.md')).toBe(before);
		expect((await journal(h)).map((e) => e.action)).toEqual(['done', 'undo']);
		// The session goes on with the next note.
		expect(bar(h)?.querySelector('.forgetting-curve-session-position')?.textContent).toBe('2 of 5');
	});
});

describe('snooze', () => {
	it('hides the review from the due list, the status bar, the reminder and the calendar until its day, never touching the note', async () => {
		const h = await start({ reminderTime: '09:00' });
		const saved = savedData(h);
		expect(statusText(h)).toBe('5 reviews due');
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('a.md'));
		h.commands.get('snooze-review-tomorrow')?.checkCallback?.(false);
		await advance(300);
		expect(h.notices.at(-1)).toBe('The 4-day review is snoozed until 2024-10-11.');
		expect(saved.at(-1)).toMatchObject({ preset: 'en', snoozes: { 'a.md': { stage: '4', until: '2024-10-11' } } });
		expect(statusText(h)).toBe('4 reviews due');
		const view = await h.openDueView();
		await advance(200);
		const rows = () => [...view.contentEl.querySelectorAll<HTMLElement>('.forgetting-curve-row')].map((r) => r.dataset.path);
		expect(rows()).toEqual(['b.md', 'c.md', 'd.md', 'e.md', 'later.md']);
		// The reminder at 09:00 counts without it.
		await advance(61 * 60_000, 30_000);
		expect(h.notices.filter((n) => n.startsWith('Reviews due today'))).toEqual(['Reviews due today: 2. Overdue: 2.']);
		// The calendar puts it on the day it comes back.
		h.runCommand('export-review-calendar');
		await advance(300);
		const ics = await h.read('Forgetting Curve.ics');
		const eventDay = (review: string) => /DTSTART;TZID=[^:]+:(\d{8})/.exec(ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').find((event) => event.includes(`• ${review}\\n`)) ?? '')?.[1];
		expect(eventDay('a · 4-day review')).toBe('20241011');
		expect(eventDay('b · 4-day review')).toBe('20241010');
		// The next day it is back, still five days late by its schedule.
		vi.setSystemTime(new Date(2024, 9, 11, 8, 0));
		(h.plugin as unknown as { due: { checkDay(): void } }).due.checkDay();
		await advance(300);
		expect(statusText(h)).toBe('5 reviews due');
		expect(rows()[0]).toBe('a.md');
		expect(view.contentEl.querySelector('.forgetting-curve-row-meta')?.textContent).toBe('6 days late');
		// The note's bytes never changed.
		expect(await h.read('a.md')).toBe(VAULT['a.md']);
		expect(h.writes.filter((w) => w.path === 'a.md')).toEqual([]);
	});

	it('follows a rename, and the history records it', async () => {
		const h = await start();
		const saved = savedData(h);
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('a.md'));
		h.commands.get('snooze-review-tomorrow')?.checkCallback?.(false);
		await advance(300);
		await h.app.fileManager.renameFile(h.file('a.md'), 'topics/a.md');
		await advance(300);
		expect(saved.at(-1)).toMatchObject({ snoozes: { 'topics/a.md': { stage: '4', until: '2024-10-11' } } });
		expect(statusText(h)).toBe('4 reviews due');
		expect((await journal(h)).at(-1)).toMatchObject({ action: 'rename', from: 'a.md', path: 'topics/a.md' });
		expect(await h.read('topics/a.md')).toBe(VAULT['a.md']);
	});

	it('is cleared when the review is marked done', async () => {
		const h = await start();
		const saved = savedData(h);
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('d.md'));
		h.commands.get('snooze-review-tomorrow')?.checkCallback?.(false);
		await settle();
		expect(saved.at(-1)).toMatchObject({ snoozes: { 'd.md': { stage: '1' } } });
		h.commands.get('mark-review-done')?.checkCallback?.(false);
		await advance(300);
		expect(saved.at(-1)).toMatchObject({ snoozes: {} });
	});
});
