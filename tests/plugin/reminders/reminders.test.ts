// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCalendar } from '../../support/ical-events';
import { loadPlugin, openInEditor, settle, type Harness } from '../harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const VAULT = {
	'due-today.md': '---\nfirst study: 2024-10-09\n---\n',
	'overdue.md': '---\nfirst study: 2024-10-01\nreview 1d done: true\n---\n',
	'later.md': '---\nfirst study: 2024-10-09\nreview 1d done: true\n---\n',
};
const reminders = (h: Harness) => h.notices.filter((n) => n.startsWith('Reviews due today'));
const MINUTE = 60_000;

async function start(time: Date, data: object = {}, files: Record<string, string> = VAULT): Promise<Harness> {
	vi.setSystemTime(time);
	const h = await loadPlugin(files, { preset: 'en', ...data });
	h.app.workspace.setLayoutReady__();
	await advance(200);
	return h;
}

async function advance(ms: number): Promise<void> {
	vi.advanceTimersByTime(ms);
	await settle();
}

describe('daily reminder', () => {
	it('fires once a day at the set time, with the counts', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 0));
		await advance(59 * MINUTE);
		expect(reminders(h)).toEqual([]);
		await advance(2 * MINUTE);
		expect(reminders(h)).toEqual(['Reviews due today: 1. Overdue: 1.']);
		await advance(10 * 60 * MINUTE);
		expect(reminders(h)).toHaveLength(1);
		// The next morning yesterday's 1-day review is late too (later.md's 4-day review is not due till the 13th).
		await advance(14 * 60 * MINUTE);
		expect(reminders(h)).toEqual(['Reviews due today: 1. Overdue: 1.', 'Reviews due today: 0. Overdue: 2.']);
	});

	it('catches up when Obsidian opens after the set time, and not twice that day', async () => {
		const h = await start(new Date(2024, 9, 10, 15, 30));
		expect(reminders(h)).toEqual(['Reviews due today: 1. Overdue: 1.']);
		// Restarted later the same day on the same device: already reminded.
		const again = await loadPlugin(VAULT, { preset: 'en' });
		vi.spyOn(again.app, 'loadLocalStorage').mockImplementation((key) => h.app.loadLocalStorage(key));
		again.app.workspace.setLayoutReady__();
		await advance(2 * MINUTE);
		expect(reminders(again)).toEqual([]);
	});

	it('stays quiet while the learner is typing, then reminds', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 58), {}, { ...VAULT, 'typing.md': '# Notes\n' });
		const { editor } = await openInEditor(h, 'typing.md', { cursor: 3 });
		for (let ms = 0; ms < 6 * MINUTE; ms += 500) {
			editor.type('a');
			await advance(500);
		}
		expect(new Date().getHours() * 60 + new Date().getMinutes()).toBe(9 * 60 + 4);
		expect(reminders(h)).toEqual([]);
		await advance(MINUTE);
		expect(reminders(h)).toEqual(['Reviews due today: 1. Overdue: 1.']);
	});

	it('says nothing on a day with no review due, or when turned off', async () => {
		const quiet = await start(new Date(2024, 9, 10, 8, 0), {}, { 'later.md': VAULT['later.md'] });
		await advance(2 * 60 * MINUTE);
		expect(reminders(quiet)).toEqual([]);
		const off = await start(new Date(2024, 9, 10, 8, 0), { reminderEnabled: false });
		await advance(2 * 60 * MINUTE);
		expect(reminders(off)).toEqual([]);
	});

	it('honours another reminder time', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 0), { reminderTime: '7:30' });
		expect(reminders(h)).toHaveLength(1);
		const evening = await start(new Date(2024, 9, 10, 8, 0), { reminderTime: '20:15' });
		await advance(12 * 60 * MINUTE);
		expect(reminders(evening)).toHaveLength(0);
		await advance(16 * MINUTE);
		expect(reminders(evening)).toHaveLength(1);
	});
});

describe('review calendar export', () => {
	it('writes the .ics at the vault root, one reminder a day by default, and leaves it alone when nothing changed', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 0));
		vi.spyOn(h.app.vault, 'getName').mockReturnValue('My Vault');
		h.runCommand('export-review-calendar');
		await settle();
		const text = await h.read('Forgetting Curve.ics');
		const events = readCalendar(text);
		// Today: the overdue 4-day review and the 1-day review due today; the 13th: "later"'s 4-day review.
		expect(events.map((e) => `${e.start} ${e.summary}`)).toEqual(['2024-10-10T09:00:00 2 reviews', '2024-10-13T09:00:00 1 review']);
		expect(events[0]?.startMs).toBe(new Date(2024, 9, 10, 9, 0).getTime());
		expect(events[0]?.description).toBe(
			['Start these reviews: obsidian://forgetting-curve?vault=My%20Vault&day=2024-10-10', '', '• overdue · 4-day review', '  obsidian://open?vault=My%20Vault&file=overdue', '• due-today · 1-day review', '  obsidian://open?vault=My%20Vault&file=due-today'].join('\n'),
		);
		expect(h.notices.at(-1)).toBe('Wrote 2 calendar events to Forgetting Curve.ics.');
		vi.setSystemTime(new Date(2024, 9, 10, 8, 30));
		h.runCommand('export-review-calendar');
		await settle();
		expect(h.writes.filter((w) => w.path === 'Forgetting Curve.ics')).toEqual([]);
	});

	it('writes one all-day event per review when the learner chose so', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 0), { calendarMode: 'per-review' });
		h.runCommand('export-review-calendar');
		await settle();
		const text = await h.read('Forgetting Curve.ics');
		const events = readCalendar(text);
		expect(events).toHaveLength(13);
		expect(events.map((e) => `${e.start} ${e.summary}`).slice(0, 3).sort()).toEqual(['2024-10-10 due-today · 1-day review', '2024-10-10 overdue · 4-day review', '2024-10-10 overdue · 7-day review']);
		expect(h.notices.at(-1)).toBe('Wrote 13 calendar events to Forgetting Curve.ics.');
	});

	it('rewrites the file by itself after reviews change, when asked to: the day\'s event moves with the note', async () => {
		// The folders on the way do not exist yet: they are made.
		const h = await start(new Date(2024, 9, 10, 8, 0), { calendarAutoExport: true, calendarPath: 'Calendars/Phone/reviews.ics' });
		expect(h.app.vault.getAbstractFileByPath('Calendars')).toBeNull();
		await advance(6000);
		const before = (await h.read('Calendars/Phone/reviews.ics')).replace(/\r\n /g, '');
		expect(before).toContain(':20241013T090000');
		expect(before).toContain('• later · 4-day review');
		await h.app.vault.modify(h.file('later.md'), '---\nfirst study: 2024-10-09\nreview 1d done: true\nreview 4d done: true\n---\n');
		await advance(6000);
		const after = (await h.read('Calendars/Phone/reviews.ics')).replace(/\r\n /g, '');
		expect(after).not.toContain(':20241013T090000');
		expect(after).toContain(':20241016T090000');
		expect(after).toContain('• later · 7-day review');
	});

	it('says so in a notice when the file cannot be written', async () => {
		const h = await start(new Date(2024, 9, 10, 8, 0), { calendarPath: 'Blocked/reviews.ics' });
		// A file where the folder should be: Obsidian refuses to create the calendar there.
		await h.app.vault.create('Blocked', 'not a folder');
		vi.spyOn(h.app.vault, 'create').mockRejectedValue(new Error('Not a folder: Blocked'));
		h.runCommand('export-review-calendar');
		await settle();
		expect(h.notices.at(-1)).toBe('Could not write the review calendar to Blocked/reviews.ics: Not a folder: Blocked');
	});
});
