import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../../src/engine';
import { civilFromDays, dateOfDayNumber, dayNumberOf, daysFromCivil, fastDayNumber, isoOfDayNumber } from '../../../src/engine/schedule/day-numbers';

const civil = fc.tuple(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }));

describe('day numbers', () => {
	it('count 1970-01-01 as day 0 and round-trip every date', () => {
		expect(daysFromCivil(1970, 1, 1)).toBe(0);
		expect(daysFromCivil(2024, 10, 1)).toBe(19997);
		expect(isoOfDayNumber(19997)).toBe('2024-10-01');
		fc.assert(
			fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
				const { year, month, day } = civilFromDays(days);
				expect(daysFromCivil(year, month, day)).toBe(days);
			}),
			{ numRuns: 2000 },
		);
	});

	it('agree with date-fns calendar-day differences in the local zone', () => {
		fc.assert(
			fc.property(civil, civil, ([y1, m1, d1], [y2, m2, d2]) => {
				const a = new Date(y1, m1 - 1, Math.min(d1, 28));
				const b = new Date(y2, m2 - 1, Math.min(d2, 28));
				expect(dayNumberOf(b) - dayNumberOf(a)).toBe(differenceInCalendarDays(b, a));
				expect(dayNumberOf(dateOfDayNumber(dayNumberOf(a)))).toBe(dayNumberOf(a));
			}),
			{ numRuns: 2000 },
		);
	});

	it('read YYYY-MM-DD fast, exactly as the general parser does', () => {
		const text = fc
			.tuple(civil, fc.constantFrom('-', '/', '.'))
			.map(([[y, m, d], sep]) => `${y}${sep}${String(m).padStart(2, '0')}${sep}${String(d).padStart(2, '0')}`);
		fc.assert(
			fc.property(text, (value) => {
				const general = parseCalendarDate(value);
				expect(fastDayNumber(value)).toBe(general.ok ? dayNumberOf(general.date) : null);
			}),
			{ numRuns: 3000 },
		);
		expect(fastDayNumber('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
		expect(fastDayNumber('2023-02-29')).toBeNull();
		expect(fastDayNumber('2024-10-01T10:00')).toBeNull();
		expect(fastDayNumber('2024-1a-01')).toBeNull();
	});
});
