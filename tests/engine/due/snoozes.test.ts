import { describe, expect, it } from 'vitest';
import { DueIndex, indexSnoozes, isoOfDayNumber, liveSnoozes, reviewEvents, ReviewSession } from '../../../src/engine';
import { fastDayNumber } from '../../../src/engine/schedule/day-numbers';
import { configWith, englishStageNames } from '../../helpers';

const CONFIG = configWith({ preset: 'en' });
const day = (iso: string) => fastDayNumber(iso)!;

/** Three notes: one overdue (1-day review due 10-02), one due today (10-03), one upcoming (10-05). */
function index(): DueIndex {
	const i = new DueIndex(CONFIG);
	i.build([
		['overdue.md', { 'first study': '2024-10-01' }],
		['today.md', { 'first study': '2024-10-02' }],
		['later.md', { 'first study': '2024-10-04' }],
	]);
	return i;
}

describe('snoozes', () => {
	it('hide a review from the sections and counts until its day, count it then in the forecast, and let it back on that day', () => {
		const due = index();
		const today = day('2024-10-03');
		due.setSnoozes(indexSnoozes({ 'overdue.md': { stage: '1', until: '2024-10-04' } }, CONFIG.stages));
		const before = due.snapshot(today);
		expect(before.overdue.map((n) => n.path)).toEqual([]);
		expect(before.counts).toEqual({ overdue: 0, dueToday: 1, upcoming: 1 });
		expect(before.forecast.slice(0, 3)).toEqual([1, 1, 1]);
		// On its day it is back where its schedule puts it: overdue, its due day unchanged.
		const after = due.snapshot(day('2024-10-04'));
		expect(after.overdue.map((n) => [n.path, isoOfDayNumber(n.dueDay)])).toEqual([['overdue.md', '2024-10-02'], ['today.md', '2024-10-03']]);
		expect(due.counts(today)).toEqual({ overdue: 0, dueToday: 1, upcoming: 1 });
	});

	it('only hold for the stage they were made for', () => {
		const due = index();
		due.setSnoozes(indexSnoozes({ 'overdue.md': { stage: '4', until: '2024-10-09' } }, CONFIG.stages));
		expect(due.snapshot(day('2024-10-03')).overdue.map((n) => n.path)).toEqual(['overdue.md']);
	});

	it('move the review’s calendar event to the day it comes back, leaving the later stages’ events', () => {
		const due = index();
		due.setSnoozes(indexSnoozes({ 'overdue.md': { stage: '1', until: '2024-10-06' } }, CONFIG.stages));
		const note = due.entries().find((n) => n.path === 'overdue.md')!;
		expect(note.snoozedUntil).toBe(day('2024-10-06'));
		const events = reviewEvents([note], CONFIG, { today: day('2024-10-03'), vaultName: 'v', reminderMinutes: null, stageName: englishStageNames });
		expect(events.map((e) => `${e.day}:${e.summary}`)).toEqual([
			'20241005:overdue · 4-day review',
			'20241006:overdue · 1-day review',
			'20241008:overdue · 7-day review',
			'20241015:overdue · 14-day review',
			'20241031:overdue · long-term review',
		]);
	});

	it('read from data.json drop what is over, malformed, or of a stage the schedule lacks', () => {
		const raw = {
			'a.md': { stage: '1', until: '2024-10-04' },
			'b.md': { stage: '1', until: '2024-10-03' }, // its day has come
			'c.md': { stage: '5', until: '2024-10-09' },
			'd.md': { stage: '4', until: 'tomorrow' },
			'e.md': 'x',
			'f.md': { stage: 'long-term', until: '2024-11-01' },
		};
		expect(liveSnoozes(raw, CONFIG.stages, day('2024-10-03'))).toEqual({ 'a.md': { stage: '1', until: '2024-10-04' }, 'f.md': { stage: 'long-term', until: '2024-11-01' } });
		expect(liveSnoozes(null, CONFIG.stages, 0)).toEqual({});
	});
});

describe('review session', () => {
	it('walks the live due list once per note and counts what was done', () => {
		const session = new ReviewSession();
		let due = ['a', 'b', 'c', 'd', 'e'];
		expect(session.advance(due)).toBe('a');
		expect(session.position(due)).toEqual({ index: 1, total: 5 });
		session.record('a', 'done');
		// Marking "a" done left another of its reviews overdue: it stays in the list but not in the session.
		expect(session.advance(due)).toBe('b');
		session.record('b', 'snoozed');
		due = ['a', 'c', 'e']; // "d" was done on another device, "b" snoozed
		expect(session.advance(due)).toBe('c');
		expect(session.position(due)).toEqual({ index: 3, total: 4 });
		session.record('c', 'skipped');
		session.rename('e', 'E');
		expect(session.advance(['a', 'E'])).toBe('E');
		session.record('E', 'done');
		expect(session.advance(['a', 'E'])).toBeNull();
		expect(session.summary()).toEqual({ done: 2, snoozed: 1, skipped: 1 });
	});
});
