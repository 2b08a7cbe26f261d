import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	countedReviews,
	historyLine,
	instantOf,
	isoOfDayNumber,
	journalsFromEntries,
	journalStats,
	localTimestamp,
	parseJournal,
	readJournals,
	reviewStats,
	timeline,
	type HistoryEntry,
	type ReviewAction,
} from '../../../src/engine';
import { fastDayNumber } from '../../../src/engine/schedule/day-numbers';

const done = (at: string, path: string, stage: number | string, due: string, action: ReviewAction = 'done'): HistoryEntry => ({ at, path, stage, due, action });
const journal = (...entries: HistoryEntry[]) => entries.map(historyLine).join('');
const day = (iso: string) => fastDayNumber(iso)!;
const one = (entries: HistoryEntry[]) => journalsFromEntries(new Map([['device', entries]]));
/** reviewStats over reviews given as objects. */
const statsOf = (reviews: { day: number; dueDay: number }[], today: number) => reviewStats(reviews.map((r) => r.day), reviews.map((r) => r.dueDay), today);

describe('review history journal', () => {
	it('writes one line per entry with the keys in the documented order', () => {
		const line = historyLine(done('2026-11-28T21:05:09+09:00', '수학/미적분.md', 4, '2026-11-27'));
		expect(line).toBe('{"at":"2026-11-28T21:05:09+09:00","path":"수학/미적분.md","stage":4,"due":"2026-11-27","action":"done"}\n');
		expect(parseJournal(line).entries).toEqual([done('2026-11-28T21:05:09+09:00', '수학/미적분.md', 4, '2026-11-27')]);
	});

	it('stamps local time with the offset of the moment, which reads back as the same instant', () => {
		const moment = new Date(2026, 10, 28, 21, 5, 9);
		const stamp = localTimestamp(moment);
		expect(stamp.slice(0, 19)).toBe('2026-11-28T21:05:09');
		expect(stamp).toMatch(/[+-]\d{2}:\d{2}$/);
		expect(instantOf(stamp)).toBe(moment.getTime());
		expect(instantOf('2026-11-28T12:00:00Z')).toBe(Date.parse('2026-11-28T12:00:00Z'));
		expect(instantOf('2026-11-28T21:00:00.250+09:00')).toBe(Date.parse('2026-11-28T21:00:00.250+09:00'));
		expect(instantOf('2026-11-28T21:00-05:30')).toBe(Date.parse('2026-11-28T21:00:00-05:30'));
	});

	it('skips and reports broken lines, never failing the rest', () => {
		const text = [
			historyLine(done('2026-11-01T09:00:00+09:00', 'a.md', 1, '2026-11-01')).trimEnd(),
			'{"at":"2026-11-01T09:01:00+09:00","path":"b.md","stage":1,"due":"2026-11-01","act', // half-written
			'',
			'{"at":"not a time","path":"b.md","stage":1,"due":"2026-11-01","action":"done"}',
			'{"at":"2026-11-01T09:02:00+09:00","path":"b.md","stage":1,"due":"2026-11-01","action":"launch"}',
			'[1,2]',
			historyLine(done('2026-11-01T09:03:00+09:00', 'c.md', 'long-term', '2026-12-01')).trimEnd(),
		].join('\n');
		const parsed = parseJournal(text);
		expect(parsed.entries.map((e) => e.path)).toEqual(['a.md', 'c.md']);
		expect(parsed.brokenLines).toEqual([2, 4, 5, 6]);
	});

	it('merges two devices’ interleaved files (one with a broken line) into the right per-day counts', () => {
		const phone = journal(
			done('2026-11-20T08:00:00+09:00', 'a.md', 1, '2026-11-20'),
			done('2026-11-21T23:30:00+09:00', 'b.md', 4, '2026-11-21'),
			done('2026-11-22T07:00:00+09:00', 'c.md', 7, '2026-11-20'),
		);
		// The laptop is in another zone: its times carry another offset, and the merge orders by instant.
		// The day an entry counts on is the day it was written with (local to the device).
		const laptop = `${journal(done('2026-11-20T20:00:00+01:00', 'd.md', 1, '2026-11-20'), done('2026-11-21T16:00:00+01:00', 'e.md', 1, '2026-11-22'))}{"broken"\n${journal(
			done('2026-11-22T06:00:00+01:00', 'c.md', 7, '2026-11-20', 'undo'),
		)}`;
		const journals = readJournals(new Map([['phone', phone], ['laptop', laptop]]));
		expect(journals.devices.map((d) => [d.id, d.brokenLines])).toEqual([['laptop', [3]], ['phone', []]]);
		expect(parseJournal(laptop).brokenLines).toEqual([3]);
		const laptopFirst = [...parseJournal(laptop).entries, ...parseJournal(phone).entries];
		expect(Array.from(timeline(journals), (i) => laptopFirst[i]?.at)).toEqual([
			'2026-11-20T08:00:00+09:00',
			'2026-11-20T20:00:00+01:00',
			'2026-11-21T23:30:00+09:00', // 14:30Z
			'2026-11-21T16:00:00+01:00', // 15:00Z
			'2026-11-22T07:00:00+09:00',
			'2026-11-22T06:00:00+01:00',
		]);
		const stats = journalStats(journals, day('2026-11-22'));
		// The laptop's undo (06:00 CET = 14:00 KST) comes after the phone's done of c.md (07:00 KST).
		expect(Object.fromEntries([...stats.reviewsByDay].map(([d, n]) => [isoOfDayNumber(d), n]))).toEqual({ '2026-11-20': 2, '2026-11-21': 2 });
		expect(stats.total).toBe(4);
		expect(stats.onTimeRate).toBe(1);
	});

	it('undo cancels the latest earlier done of the same note and stage, and only one', () => {
		const entries = [
			done('2026-11-01T09:00:00Z', 'a.md', 1, '2026-11-01'),
			done('2026-11-02T09:00:00Z', 'a.md', 4, '2026-11-04'),
			done('2026-11-03T09:00:00Z', 'a.md', 4, '2026-11-04'),
			done('2026-11-03T10:00:00Z', 'a.md', 4, '2026-11-04', 'undo'),
			done('2026-11-03T11:00:00Z', 'b.md', 1, '2026-11-01', 'undo'), // nothing to cancel
			done('2026-11-03T12:00:00Z', 'a.md', 7, '2026-11-07', 'undo'), // other stage: nothing
		];
		expect(countedReviews(one(entries)).map((r) => `${r.path}@${r.stage}@${isoOfDayNumber(r.day)}`)).toEqual(['a.md@1@2026-11-01', 'a.md@4@2026-11-02']);
	});

	it('follows renames: an undo after a move cancels the done before it, counted under the new path', () => {
		const entries: HistoryEntry[] = [
			done('2026-11-01T09:00:00Z', 'old/a.md', 1, '2026-11-01'),
			done('2026-11-01T09:30:00Z', 'old/a.md', 4, '2026-11-04'),
			{ at: '2026-11-01T10:00:00Z', action: 'rename', from: 'old/a.md', path: 'new/a.md' },
			done('2026-11-01T11:00:00Z', 'new/a.md', 4, '2026-11-04', 'undo'),
			// A new note takes the old path: it is another note.
			done('2026-11-01T12:00:00Z', 'old/a.md', 1, '2026-11-01', 'undo'),
		];
		expect(countedReviews(one(entries))).toEqual([{ path: 'new/a.md', stage: '1', day: day('2026-11-01'), dueDay: day('2026-11-01') }]);
	});

	it('counts streaks ending today, or yesterday while today has none, and the longest run', () => {
		const on = (...days: string[]) => days.map((d, i) => ({ path: `${i}.md`, stage: '1', day: day(d), dueDay: day(d) }));
		const reviews = on('2026-11-01', '2026-11-02', '2026-11-03', '2026-11-03', '2026-11-10', '2026-11-26', '2026-11-27');
		expect(statsOf(reviews, day('2026-11-27'))).toMatchObject({ currentStreakDays: 2, longestStreakDays: 3 });
		expect(statsOf(reviews, day('2026-11-28'))).toMatchObject({ currentStreakDays: 2 });
		expect(statsOf(reviews, day('2026-11-29'))).toMatchObject({ currentStreakDays: 0 });
		expect(statsOf([], day('2026-11-29'))).toMatchObject({ currentStreakDays: 0, longestStreakDays: 0, onTimeRate: null, late: { count: 0, averageDays: null } });
	});

	it('rates on time as done on or before the due day, and measures how late the late ones were', () => {
		const reviews = [
			{ path: 'a', stage: '1', day: day('2026-11-02'), dueDay: day('2026-11-02') },
			{ path: 'b', stage: '1', day: day('2026-11-01'), dueDay: day('2026-11-02') },
			{ path: 'c', stage: '1', day: day('2026-11-05'), dueDay: day('2026-11-02') },
			{ path: 'd', stage: '1', day: day('2026-11-03'), dueDay: day('2026-11-02') },
		];
		const stats = statsOf(reviews, day('2026-11-05'));
		expect(stats.onTimeRate).toBe(0.5);
		expect(stats.late).toEqual({ count: 2, averageDays: 2, maxDays: 3 });
	});
});

/** The same figures computed the slow, obvious way: every pair compared, every day walked. */
function reference(journals: Map<string, HistoryEntry[]>, today: number) {
	const all: { entry: HistoryEntry; device: string; line: number; t: number }[] = [];
	for (const [device, entries] of journals) entries.forEach((entry, line) => all.push({ entry, device, line, t: Date.parse(entry.at) }));
	all.sort((a, b) => a.t - b.t || (a.device < b.device ? -1 : a.device > b.device ? 1 : a.line - b.line));
	// A note's identity: follow each path back through the renames before it.
	const identity: { id: number; entry: HistoryEntry }[] = [];
	let next = 0;
	const owner = new Map<string, number>();
	for (const { entry } of all) {
		if (entry.action === 'rename') {
			const id = owner.get(entry.from) ?? next++;
			owner.delete(entry.from);
			owner.set(entry.path, id);
			continue;
		}
		if (!owner.has(entry.path)) owner.set(entry.path, next++);
		identity.push({ id: owner.get(entry.path)!, entry });
	}
	const kept: { id: number; stage: string; at: string; due: string; cancelled: boolean }[] = [];
	for (const { id, entry } of identity) {
		if (entry.action === 'rename') continue;
		if (entry.action === 'done') kept.push({ id, stage: String(entry.stage), at: entry.at, due: entry.due, cancelled: false });
		if (entry.action === 'undo') {
			const candidates = kept.filter((k) => k.id === id && k.stage === String(entry.stage) && !k.cancelled);
			const last = candidates[candidates.length - 1];
			if (last) last.cancelled = true;
		}
	}
	const counted = kept.filter((k) => !k.cancelled);
	const byDay: Record<string, number> = {};
	for (const k of counted) byDay[k.at.slice(0, 10)] = (byDay[k.at.slice(0, 10)] ?? 0) + 1;
	const has = (d: number) => (byDay[isoOfDayNumber(d)] ?? 0) > 0;
	let current = 0;
	const start = has(today) ? today : today - 1;
	while (has(start - current)) current++;
	let longest = 0;
	for (const iso of Object.keys(byDay)) {
		let run = 0;
		while (has(day(iso) + run)) run++;
		longest = Math.max(longest, run);
	}
	const onTime = counted.filter((k) => k.at.slice(0, 10) <= k.due).length;
	return { byDay, current, longest, onTimeRate: counted.length === 0 ? null : onTime / counted.length };
}

describe('statistics from a random journal', () => {
	const paths = ['a.md', 'b.md', 'c.md', '노트.md', 'say "hi".md', 'back\\slash},{.md'];
	const entry = fc.oneof(
		{ weight: 6, arbitrary: fc.record({ minute: fc.integer({ min: 0, max: 60 * 24 * 40 }), offset: fc.constantFrom(-300, 0, 60, 540), path: fc.constantFrom(...paths), stage: fc.constantFrom<number | string>(1, 4, 7, 14, 'long-term'), dueOffset: fc.integer({ min: -5, max: 5 }), action: fc.constantFrom<ReviewAction>('done', 'done', 'undo', 'snooze', 'start') }) },
		{ weight: 1, arbitrary: fc.record({ minute: fc.integer({ min: 0, max: 60 * 24 * 40 }), offset: fc.constantFrom(-300, 0, 540), from: fc.constantFrom(...paths), to: fc.constantFrom(...paths), action: fc.constant('rename' as const) }) },
	);
	const toEntry = (e: { minute: number; offset: number; action: string } & Record<string, unknown>): HistoryEntry => {
		// A local time (minutes after 2026-10-20 00:00 at that offset) written with its offset.
		const local = new Date(Date.UTC(2026, 9, 20) + e.minute * 60_000);
		const sign = e.offset < 0 ? '-' : '+';
		const abs = Math.abs(e.offset);
		const at = `${local.toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
		if (e.action === 'rename') return { at, action: 'rename', from: e.from as string, path: e.to as string };
		return { at, path: e.path as string, stage: e.stage as number | string, due: isoOfDayNumber(day(at.slice(0, 10)) + (e.dueOffset as number)), action: e.action as ReviewAction };
	};

	it('equals a from-scratch reference computation (1,000 cases)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(entry, { maxLength: 40 }), { minLength: 1, maxLength: 3 }),
				fc.integer({ min: 0, max: 45 }),
				(devices, todayOffset) => {
					// Files in any order: appending keeps time order, but a clock set back breaks it.
					const journals = new Map(devices.map((list, i) => [`device-${i}`, list.map(toEntry)]));
					const today = day('2026-10-20') + todayOffset;
					// Through the file format: write, read back, merge.
					// Written as historyLine does, or by hand (keys in another order, spaces): both read alike.
					const write = (entry: HistoryEntry, i: number) => (i % 3 === 2 ? `${JSON.stringify(Object.fromEntries(Object.entries(entry).reverse()), null, 1).replace(/\n/g, '')}\n` : historyLine(entry));
					const stats = journalStats(readJournals(new Map([...journals].map(([id, list]) => [id, list.map(write).join('')]))), today);
					const expected = reference(journals, today);
					expect(Object.fromEntries([...stats.reviewsByDay].map(([d, n]) => [isoOfDayNumber(d), n]))).toEqual(expected.byDay);
					expect(stats.currentStreakDays).toBe(expected.current);
					expect(stats.longestStreakDays).toBe(expected.longest);
					expect(stats.onTimeRate).toBe(expected.onTimeRate);
				},
			),
			{ numRuns: 1000 },
		);
	});
});
