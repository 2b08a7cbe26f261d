import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, reviewCalendar, type CalendarNote } from '../../../src/engine';
import { daysFromCivil } from '../../../src/engine/schedule/day-numbers';
import { configWith, englishStageNames } from '../../helpers';
import { readCalendar } from '../../support/ical-events';

const CONFIG = configWith({ preset: 'en' });
const TODAY = daysFromCivil(2024, 10, 10);
const NOTES: CalendarNote[] = [
	{ path: 'Reviews/Argo CD.md', firstDay: daysFromCivil(2024, 10, 1), doneMask: 0b00001 }, // 4d due 10-05: overdue
	{ path: '복습/쿠버네티스 파드 🚀.md', firstDay: daysFromCivil(2024, 10, 9), doneMask: 0 },
	{ path: 'done.md', firstDay: daysFromCivil(2024, 8, 1), doneMask: 0b11111 },
];
const OPTIONS = { today: TODAY, now: new Date(Date.UTC(2024, 9, 10, 0, 30)), vaultName: 'My Vault', reminderMinutes: 9 * 60, stageName: englishStageNames };

const parse = readCalendar;

describe('review calendar', () => {
	it('holds one all-day event per review not done, with alarms and obsidian:// links', () => {
		const events = parse(reviewCalendar(NOTES, CONFIG, OPTIONS));
		// Overdue reviews (Argo CD's 4- and 7-day) move to today; done ones have no event.
		expect(events.map((e) => `${e.start} ${e.summary}`).sort()).toEqual([
			'2024-10-10 Argo CD · 4-day review',
			'2024-10-10 Argo CD · 7-day review',
			'2024-10-10 쿠버네티스 파드 🚀 · 1-day review',
			'2024-10-13 쿠버네티스 파드 🚀 · 4-day review',
			'2024-10-15 Argo CD · 14-day review',
			'2024-10-16 쿠버네티스 파드 🚀 · 7-day review',
			'2024-10-23 쿠버네티스 파드 🚀 · 14-day review',
			'2024-10-31 Argo CD · long-term review',
			'2024-11-08 쿠버네티스 파드 🚀 · long-term review',
		]);
		expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
		expect(events).toHaveLength(9);
		expect(events.every((e) => e.allDay && e.trigger === 'PT9H' && e.action === 'DISPLAY')).toBe(true);
		const argo = events.find((e) => e.summary === 'Argo CD · 4-day review');
		expect(argo?.start).toBe('2024-10-10');
		expect(argo?.end).toBe('2024-10-11');
		expect(argo?.description).toBe('Argo CD · 4-day review\nobsidian://open?vault=My%20Vault&file=Reviews%2FArgo%20CD');
		expect(events.some((e) => e.summary.startsWith('done'))).toBe(false);
	});

	it('keeps UIDs stable across exports, so a re-import updates instead of duplicating', () => {
		const first = parse(reviewCalendar(NOTES, CONFIG, OPTIONS));
		const later = parse(reviewCalendar(NOTES.slice(0, 2).reverse(), CONFIG, { ...OPTIONS, now: new Date(Date.UTC(2024, 9, 11, 8)) }));
		expect(later.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
		expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
	});

	it('escapes and folds long Korean and emoji text at 75 octets without breaking a character', () => {
		const title = '아주 긴 제목; 쉼표, 백슬래시 \\ 그리고 이모지 🧠🟩⬜ '.repeat(4).trim();
		const text = reviewCalendar([{ path: `${title}.md`, firstDay: TODAY, doneMask: 0b11110 }], CONFIG, OPTIONS);
		for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(text).toContain('\\;');
		expect(text).toContain('\\,');
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		const [event] = parse(text);
		expect(event?.summary).toBe(`${title} · 1-day review`);
	});

	it('folds any text so that unfolding gives it back', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '가', '🧠', 'é', '\\', ';'), maxLength: 200 }), (value) => {
				const folded = foldLine(`SUMMARY:${value}`);
				for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
				expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${value}`);
			}),
			{ numRuns: 1000 },
		);
	});
});
