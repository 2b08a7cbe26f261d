import { describe, expect, it } from 'vitest';
import { dailyEvents, dayOfLink, DAY_NOTES_LISTED, notesOnDay, offsetMinutes, planSync, REMINDER_DAYS, reviewCalendar, writeCalendar, type CalendarNote } from '../../../src/engine';
import { daysFromCivil } from '../../../src/engine/schedule/day-numbers';
import { dayWords } from '../../../src/locale';
import { configWith, englishStageNames } from '../../helpers';
import { readCalendar } from '../../support/ical-events';

const CONFIG = configWith({ preset: 'en' });
const TODAY = daysFromCivil(2024, 10, 10);
const NOTES: CalendarNote[] = [
	{ path: 'Reviews/Argo CD.md', firstDay: daysFromCivil(2024, 10, 1), doneMask: 0b00001 }, // 4d due 10-05: overdue → today
	{ path: '복습/쿠버네티스 파드 🚀.md', firstDay: daysFromCivil(2024, 10, 9), doneMask: 0 }, // 1d due today
	{ path: 'later.md', firstDay: daysFromCivil(2024, 10, 9), doneMask: 0b1 }, // 4d due 10-13
	{ path: 'snoozed.md', firstDay: daysFromCivil(2024, 10, 8), doneMask: 0, snoozedUntil: daysFromCivil(2024, 10, 13) }, // 1d due 10-09, snoozed to the 13th
	{ path: 'done.md', firstDay: daysFromCivil(2024, 8, 1), doneMask: 0b11111 },
];
const OPTIONS = { today: TODAY, vaultName: 'My Vault', reminderMinutes: 9 * 60, stageName: englishStageNames, mode: 'daily' as const, dayWords: dayWords('en'), timeZone: 'Asia/Seoul' };

/** The calendar as a phone's calendar reads it: ical.js, with the VTIMEZONEs the file carries. */
const read = (text: string) => readCalendar(text).map((e) => ({ ...e, local: e.start, utc: e.startMs / 1000, alarm: e.action === null ? null : `${e.action} ${e.trigger ?? ''}` }));

describe('the daily reminder', () => {
	it('is one event a day with reviews, counting notes at their current stage: overdue on today, snoozed on its day, nothing done or past', () => {
		const events = read(reviewCalendar(NOTES, CONFIG, { ...OPTIONS, now: new Date(Date.UTC(2024, 9, 10)) }));
		expect(events.map((e) => `${e.local} ${e.summary}`)).toEqual(['2024-10-10T09:00:00 2 reviews', '2024-10-13T09:00:00 2 reviews']);
		const [today, thirteenth] = events;
		expect(today?.description).toBe(
			[
				'Start these reviews: obsidian://forgetting-curve?vault=My%20Vault&day=2024-10-10',
				'',
				'• Argo CD · 4-day review',
				'  obsidian://open?vault=My%20Vault&file=Reviews%2FArgo%20CD',
				'• 쿠버네티스 파드 🚀 · 1-day review',
				`  obsidian://open?vault=My%20Vault&file=${encodeURIComponent('복습/쿠버네티스 파드 🚀')}`,
			].join('\n'),
		);
		expect(thirteenth?.description).toMatch(/• snoozed · 1-day review\n.*\n• later · 4-day review/);
		expect(today?.url).toBe('obsidian://forgetting-curve?vault=My%20Vault&day=2024-10-10');
		expect(dayOfLink({ action: 'forgetting-curve', vault: 'My Vault', day: '2024-10-13' })).toBe(daysFromCivil(2024, 10, 13));
		expect(notesOnDay(NOTES, CONFIG, TODAY, daysFromCivil(2024, 10, 13))).toEqual(['snoozed.md', 'later.md']);
		expect(new Set(events.map((e) => e.uid)).size).toBe(2);
	});

	it('rings once at the reminder time in the learner\'s zone: a timed event with its VTIMEZONE and an alarm at its start', () => {
		const events = read(reviewCalendar(NOTES, CONFIG, { ...OPTIONS, now: new Date(Date.UTC(2024, 9, 10)) }));
		for (const event of events) {
			expect(event.zone).toBe('Asia/Seoul');
			expect(event.alarm).toBe('DISPLAY PT0S');
			expect(event.minutes).toBe(15);
		}
		// 09:00 in Seoul (UTC+9) is midnight UTC.
		expect(events[0]?.utc).toBe(Date.UTC(2024, 9, 10, 0, 0) / 1000);
	});

	it('keeps 09:00 local across a DST change (New York, Auckland), with the offsets the runtime gives', () => {
		// New York leaves DST on 2024-11-03, Auckland enters it on 2024-09-29: a reminder the day before and after each.
		for (const [zone, days, utc] of [
			['America/New_York', [daysFromCivil(2024, 11, 2), daysFromCivil(2024, 11, 4)], [Date.UTC(2024, 10, 2, 13), Date.UTC(2024, 10, 4, 14)]],
			['Pacific/Auckland', [daysFromCivil(2024, 9, 28), daysFromCivil(2024, 9, 30)], [Date.UTC(2024, 8, 27, 21), Date.UTC(2024, 8, 29, 20)]],
		] as const) {
			const notes: CalendarNote[] = days.map((day, i) => ({ path: `${i}.md`, firstDay: day - 1, doneMask: 0 }));
			const events = read(writeCalendar(dailyEvents(notes, CONFIG, { ...OPTIONS, today: days[0], timeZone: zone }), { name: 'x', stamp: '20241001T000000Z' }));
			expect([zone, events.map((e) => e.local)]).toEqual([zone, days.map((d) => `${basic(d).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}T09:00:00`)]);
			expect([zone, events.map((e) => e.utc * 1000)]).toEqual([zone, utc]);
			// The zone's own offsets, as Intl knows them, differ across the change.
			expect(offsetMinutes(zone, utc[0])).not.toBe(offsetMinutes(zone, utc[1]));
		}
	});

	it('names the first 20 notes of a busy day and counts the rest, in the learner\'s language', () => {
		const many: CalendarNote[] = Array.from({ length: 27 }, (_, i) => ({ path: `노트 ${String(i).padStart(2, '0')}.md`, firstDay: TODAY - 1, doneMask: 0 }));
		const [day] = dailyEvents(many, CONFIG, { ...OPTIONS, dayWords: dayWords('ko'), stageName: () => '1일 복습' });
		expect(day?.summary).toBe('복습 27개');
		expect(day?.description.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(DAY_NOTES_LISTED);
		expect(day?.description.endsWith('\n외 7개')).toBe(true);
		expect(day?.description.startsWith('이 복습 시작하기: obsidian://forgetting-curve?')).toBe(true);
		expect(new TextEncoder().encode(day?.description).length).toBeLessThan(8000);
	});

	it("groups a day's notes by subject (NFC and NFD one), the biggest first, those without one last, within the 20 named", () => {
		const k8s = '쿠버네티스';
		const subjects = [k8s, k8s.normalize('NFD'), 'Kafka', null, k8s, 'kafka '];
		const notes: CalendarNote[] = subjects.map((subject, i) => ({ path: `n${i}.md`, firstDay: TODAY - 1, doneMask: 0, subject }));
		const [day] = read(writeCalendar(dailyEvents(notes, CONFIG, { ...OPTIONS, dayWords: dayWords('ko'), stageName: () => '1일 복습' }), { name: 'x', stamp: '20241001T000000Z' }));
		const lines = day?.description.split('\n').filter((line) => !line.startsWith('  ') && line !== '') ?? [];
		expect(lines.slice(1)).toEqual([`${k8s} (3)`, '• n0 · 1일 복습', '• n1 · 1일 복습', '• n4 · 1일 복습', 'Kafka (2)', '• n2 · 1일 복습', '• n5 · 1일 복습', '기타 노트 (1)', '• n3 · 1일 복습']);
		// A busy day: 30 notes in two subjects; 20 named under their headings, the rest counted.
		const busy: CalendarNote[] = Array.from({ length: 30 }, (_, i) => ({ path: `b${String(i).padStart(2, '0')}.md`, firstDay: TODAY - 1, doneMask: 0, subject: i < 18 ? 'Go' : 'Rust' }));
		const [busyDay] = dailyEvents(busy, CONFIG, OPTIONS);
		const text = busyDay?.description ?? '';
		expect(text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(DAY_NOTES_LISTED);
		expect(text).toContain('Go (18)\n');
		expect(text).toContain('Rust (12)\n');
		expect(text.endsWith('\nand 10 more')).toBe(true);
	});

	it('stops at the horizon, and with the reminder off writes silent all-day events', () => {
		const far: CalendarNote[] = [
			{ path: 'near.md', firstDay: TODAY + REMINDER_DAYS - 1, doneMask: 0 },
			{ path: 'far.md', firstDay: TODAY + REMINDER_DAYS, doneMask: 0 },
		];
		expect(dailyEvents(far, CONFIG, OPTIONS).map((e) => e.day)).toEqual([basic(TODAY + REMINDER_DAYS)]);
		const silent = read(writeCalendar(dailyEvents(NOTES, CONFIG, { ...OPTIONS, reminderMinutes: null }), { name: 'x', stamp: '20241001T000000Z' }));
		expect(silent.map((e) => [e.local, e.alarm])).toEqual([
			['2024-10-10', null],
			['2024-10-13', null],
		]);
	});

	it('follows the learner: a review done changes the day\'s event in place, a day all done loses it', () => {
		const before = dailyEvents(NOTES, CONFIG, OPTIONS);
		const remote = (events: typeof before) => events.map((e, i) => ({ url: `https://x/${i}.ics`, etag: `"${i}"`, data: writeCalendar([e], { name: 'x', stamp: '20241001T000000Z' }).replace('END:VEVENT', `X-FORGETTING-CURVE-HASH:${planSync([e], [], 'v').create[0]?.hash ?? ''}\r\nEND:VEVENT`) }));
		const argoDone = NOTES.map((n) => (n.path === 'Reviews/Argo CD.md' ? { ...n, doneMask: 0b111 } : n));
		const tag = before[0]?.uid.split('.')[0] ?? '';
		const plan = planSync(dailyEvents(argoDone, CONFIG, OPTIONS), remote(before), tag);
		expect(plan.update.map((u) => u.desired.event.summary)).toEqual(['1 review']);
		expect(plan.update[0]?.desired.uid).toBe(before[0]?.uid);
		expect(plan.create.map((c) => c.event.day)).toEqual(['20241015']);
		const todayDone = NOTES.map((n) => (n.path === 'Reviews/Argo CD.md' ? { ...n, doneMask: 0b111 } : n.path.startsWith('복습') ? { ...n, doneMask: 0b1 } : n));
		const emptied = planSync(dailyEvents(todayDone, CONFIG, OPTIONS), remote(before), tag);
		expect(emptied.remove.map((r) => r.uid)).toEqual([before[0]?.uid]);
	});
});

function basic(day: number): string {
	const d = new Date(Date.UTC(1970, 0, 1 + day));
	return d.toISOString().slice(0, 10).replace(/-/g, '');
}
