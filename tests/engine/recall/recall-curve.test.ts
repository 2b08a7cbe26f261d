import { createEmptyCard, forgetting_curve, fsrs, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { type HistoryEntry, recallCurve, recallOfSchedules, recallToday, reviewPoints } from '../../../src/engine';
import { daysFromCivil } from '../../../src/engine/schedule/day-numbers';
import { configWith } from '../../helpers';

const STAGES = configWith({ preset: 'en' }).stages;
const day = (m: number, d: number) => daysFromCivil(2024, m, d);
const FIRST = day(10, 1);
const done = (at: string, stage: number | string, action: HistoryEntry['action'] = 'done'): HistoryEntry => ({ at: `${at}T09:00:00+09:00`, path: 'a.md', stage, due: '', action }) as HistoryEntry;

/** The library's own figure: a card studied on the first day and reviewed on the given days, each Good, asked on `on`. */
function library(reviews: string[], on: string): number {
	const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });
	const noon = (iso: string) => new Date(`${iso}T12:00:00`);
	let card = scheduler.next(createEmptyCard(noon('2024-10-01')), noon('2024-10-01'), Rating.Good).card;
	for (const review of reviews) card = scheduler.next(card, noon(review), Rating.Good).card;
	return scheduler.get_retrievability(card, noon(on), false);
}

describe('a note\'s forgetting curve', () => {
	it('is the library\'s retrievability for the same history, at several days', () => {
		// The 1- and 4-day reviews done, the 1-day one a day late (journal), the 4-day one by its checkbox only.
		const journal = [done('2024-10-03', 1)];
		const curve = recallCurve({ firstDay: FIRST, doneMask: 0b11 }, STAGES, journal, day(10, 9));
		const at = (d: number) => curve.samples.filter((s) => s.day === d).at(-1)?.recall;
		expect(at(day(10, 2))).toBeCloseTo(library([], '2024-10-02'), 12);
		expect(at(day(10, 3))).toBeCloseTo(library(['2024-10-03'], '2024-10-03'), 12);
		expect(at(day(10, 5))).toBeCloseTo(library(['2024-10-03', '2024-10-05'], '2024-10-05'), 12);
		expect(at(day(10, 15))).toBeCloseTo(library(['2024-10-03', '2024-10-05'], '2024-10-15'), 12);
		expect(curve.todayRecall).toBeCloseTo(library(['2024-10-03', '2024-10-05'], '2024-10-09'), 12);
		// Just before the late review the curve had fallen; right after it, recall is whole again.
		const third = curve.samples.filter((s) => s.day === day(10, 3));
		expect(third.map((s) => s.recall)).toEqual([expect.closeTo(library([], '2024-10-03'), 12), expect.closeTo(1, 6)]);
		expect(third[0]!.recall).toBeLessThan(0.99);
		// The next review (7-day, due 10-08) and a week past it; after today, a projection.
		expect(curve.next?.day).toBe(day(10, 8));
		expect(curve.samples.at(-1)?.day).toBe(day(10, 9) + 7);
		expect(curve.samples.filter((s) => s.projected).every((s) => s.day > day(10, 9))).toBe(true);
		expect(recallToday({ firstDay: FIRST, doneMask: 0b11 }, STAGES, journal, day(10, 9))).toBeCloseTo(curve.todayRecall ?? Number.NaN, 12);
	});

	it('counts calendar days across a daylight-saving change (the library counts 24-hour periods)', () => {
		// Reviewed on 2024-03-09, asked on the 11th: two days, also where the clocks went forward on the 10th.
		const first = daysFromCivil(2024, 3, 8);
		const curve = recallCurve({ firstDay: first, doneMask: 0b1 }, STAGES, [], daysFromCivil(2024, 3, 20));
		const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });
		const noon = (iso: string) => new Date(`${iso}T12:00:00`);
		const card = scheduler.next(scheduler.next(createEmptyCard(noon('2024-03-08')), noon('2024-03-08'), Rating.Good).card, noon('2024-03-09'), Rating.Good).card;
		const at = (d: number) => curve.samples.filter((s) => s.day === d).at(-1)?.recall;
		for (const [asked, days] of [[daysFromCivil(2024, 3, 11), 2], [daysFromCivil(2024, 3, 20), 11]] as const) {
			expect(at(asked)).toBeCloseTo(forgetting_curve(scheduler.parameters.w, days, +card.stability.toFixed(8)), 12);
		}
		// The day after the review is one day, where the library (in New York, under test:dates) counts none.
		expect(at(daysFromCivil(2024, 3, 10))).toBeCloseTo(forgetting_curve(scheduler.parameters.w, 1, +card.stability.toFixed(8)), 12);
		expect(at(daysFromCivil(2024, 3, 10))).toBeLessThan(1);
	});

	it('has no recall before the first study: a note planned for a later day is neither averaged nor at risk', () => {
		expect(recallToday({ firstDay: day(10, 13), doneMask: 0 }, STAGES, [], day(10, 10))).toBeNull();
		expect(recallCurve({ firstDay: day(10, 13), doneMask: 0 }, STAGES, [], day(10, 10)).todayRecall).toBeNull();
		const report = recallOfSchedules([{ path: 'later.md', firstDay: day(10, 13), doneMask: 0 }, { path: 'now.md', firstDay: day(10, 9), doneMask: 0 }], new Map(), STAGES, day(10, 10));
		expect(report.atRisk.map((r) => r.path)).toEqual(['now.md']);
		expect(report.average).toBe(report.atRisk[0]?.recall);
		expect(report.average).toBeGreaterThan(0.9);
	});

	it('puts review points on their days: on time, late, early, assumed from a checkbox, undone, snoozed', () => {
		const journal = [done('2024-10-02', 1), done('2024-10-07', 4), done('2024-10-07', 4, 'undo'), done('2024-10-06', 4), done('2024-10-08', 7, 'snooze'), done('2024-10-07', 7)];
		const points = reviewPoints({ firstDay: FIRST, doneMask: 0b111 }, STAGES, journal);
		expect(points.map((p) => [p.day - FIRST, p.kind, p.stage?.id ?? null, p.assumed ?? false])).toEqual([
			[0, 'first', null, false],
			[1, 'on-time', '1', false],
			[5, 'late', '4', false],
			[6, 'early', '7', false],
			[7, 'snoozed', '7', false],
		]);
		// An entry from before the first study (the note's date was reset since) is not this study's.
		expect(reviewPoints({ firstDay: FIRST, doneMask: 0b1 }, STAGES, [done('2024-09-03', 1)]).map((p) => [p.day - FIRST, p.kind, p.assumed ?? false])).toEqual([
			[0, 'first', false],
			[1, 'on-time', true],
		]);
	});
});
