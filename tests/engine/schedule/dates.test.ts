import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockAt, computeSchedule, parseCalendarDate, recompute, toIsoDate } from '../../../src/engine';
import { buildStages } from '../../../src/engine/schedule/stages';
import { at, configWith } from '../../helpers';

/**
 * Every case runs in several zones: process.env.TZ is switched per block (Node re-reads it), and CI
 * runs this file again under TZ=America/New_York, Asia/Seoul and Pacific/Auckland.
 */
const ZONES = [process.env.TZ ?? 'UTC', 'America/New_York', 'Asia/Seoul', 'Pacific/Auckland', 'Europe/London'];
const STAGES = buildStages([1, 4, 7, 14], 30);
const NONE_DONE = new Map<string, boolean>();

function dueDates(first: string) {
	const parsed = parseCalendarDate(first);
	if (!parsed.ok) throw new Error(`bad test date ${first}`);
	return computeSchedule(parsed.date, parsed.date, STAGES, NONE_DONE).stages.map((s) => toIsoDate(s.due));
}

function dayCount(first: string, today: Date): number {
	const parsed = parseCalendarDate(first);
	if (!parsed.ok) throw new Error(`bad test date ${first}`);
	return computeSchedule(parsed.date, clockAt(today).today, STAGES, NONE_DONE).dayCount;
}

describe.each(ZONES)('calendar dates in %s', (zone) => {
	let saved: string | undefined;
	beforeAll(() => {
		saved = process.env.TZ;
		process.env.TZ = zone;
	});
	afterAll(() => {
		if (saved === undefined) delete process.env.TZ;
		else process.env.TZ = saved;
	});

	it('reads dates as the calendar day written, whatever the zone', () => {
		for (const text of ['2024-10-01', '2024/10/01', '2024.10.01', '2024-10-01T23:59', '2024-10-01T00:00:00Z', '2024-10-01T08:00:00+09:00']) {
			const parsed = parseCalendarDate(text);
			expect(parsed.ok && toIsoDate(parsed.date)).toBe('2024-10-01');
		}
	});

	it('rejects impossible and malformed dates', () => {
		expect(parseCalendarDate('2024-02-30')).toEqual({ ok: false, impossible: true });
		expect(parseCalendarDate('2023-02-29')).toEqual({ ok: false, impossible: true });
		expect(parseCalendarDate('2024-13-01')).toEqual({ ok: false, impossible: true });
		expect(parseCalendarDate('2024-10-01x')).toEqual({ ok: false, impossible: false });
		expect(parseCalendarDate('2024/10-01')).toEqual({ ok: false, impossible: false });
		expect(parseCalendarDate('2024/10/01T10:00')).toEqual({ ok: false, impossible: false });
	});

	it.each([
		['month end', '2024-01-31', ['2024-02-01', '2024-02-04', '2024-02-07', '2024-02-14', '2024-03-01']],
		['leap day', '2024-02-29', ['2024-03-01', '2024-03-04', '2024-03-07', '2024-03-14', '2024-03-30']],
		['leap-year February', '2024-02-28', ['2024-02-29', '2024-03-03', '2024-03-06', '2024-03-13', '2024-03-29']],
		['common-year February', '2023-02-28', ['2023-03-01', '2023-03-04', '2023-03-07', '2023-03-14', '2023-03-30']],
		['year end', '2024-12-31', ['2025-01-01', '2025-01-04', '2025-01-07', '2025-01-14', '2025-01-30']],
		['US spring forward (2024-03-10)', '2024-03-09', ['2024-03-10', '2024-03-13', '2024-03-16', '2024-03-23', '2024-04-08']],
		['US fall back (2024-11-03)', '2024-11-02', ['2024-11-03', '2024-11-06', '2024-11-09', '2024-11-16', '2024-12-02']],
		['NZ fall back (2024-04-07)', '2024-04-06', ['2024-04-07', '2024-04-10', '2024-04-13', '2024-04-20', '2024-05-06']],
		['NZ spring forward (2024-09-29)', '2024-09-28', ['2024-09-29', '2024-10-02', '2024-10-05', '2024-10-12', '2024-10-28']],
		['EU spring forward (2024-03-31)', '2024-03-30', ['2024-03-31', '2024-04-03', '2024-04-06', '2024-04-13', '2024-04-29']],
	])('due dates across a %s', (_name, first, expected) => {
		expect(dueDates(first)).toEqual(expected);
	});

	it('counts calendar days across DST changes and month, year and leap-day boundaries', () => {
		expect(dayCount('2024-03-09', at(2024, 3, 11, 0, 30))).toBe(2);
		expect(dayCount('2024-03-09', at(2024, 3, 10, 23, 59))).toBe(1);
		expect(dayCount('2024-11-02', at(2024, 11, 4, 1, 0))).toBe(2);
		expect(dayCount('2024-09-28', at(2024, 9, 30, 2, 30))).toBe(2);
		expect(dayCount('2024-04-06', at(2024, 4, 7, 23, 0))).toBe(1);
		expect(dayCount('2024-02-28', at(2024, 3, 1, 12))).toBe(2);
		expect(dayCount('2023-02-28', at(2023, 3, 1, 12))).toBe(1);
		expect(dayCount('2024-12-31', at(2025, 1, 1, 0, 0))).toBe(1);
		expect(dayCount('2024-10-01', at(2024, 10, 1, 23, 59))).toBe(0);
	});

	it('starts a new day at the configured hour', () => {
		expect(toIsoDate(clockAt(at(2024, 3, 10, 3, 59), 4).today)).toBe('2024-03-09');
		expect(toIsoDate(clockAt(at(2024, 3, 10, 4, 0), 4).today)).toBe('2024-03-10');
		expect(toIsoDate(clockAt(at(2024, 1, 1, 1, 0), 2).today)).toBe('2023-12-31');
	});

	it('recomputes the seed-style fields across the US fall-back weekend', () => {
		const note = '---\n❕첫 학습날: 2024-11-02\n---\n';
		const result = recompute(note, configWith({ rateFormula: 'template' }), clockAt(at(2024, 11, 3, 23, 30)));
		expect(result.kind).toBe('changed');
		const text = result.kind === 'changed' ? result.text : '';
		expect(text).toContain('🛑첫학습후 몇일째?: 첫 학습 후 ❤1일째❤');
		expect(text).toContain('🛑4일후: "🥉4일뒤 : 2024/11/06"');
		expect(text).toContain('오늘1: "@2024년 11월 3일 오후 11:30"');
	});
});
