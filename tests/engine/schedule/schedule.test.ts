import { describe, expect, it } from 'vitest';
import { at } from '../../helpers';
import { computeSchedule, daysUntilDue, dueBucket } from './schedule-helpers';

describe('schedule', () => {
	const first = at(2024, 10, 1);

	it('makes the earliest stage not done the current one', () => {
		const s = computeSchedule(first, at(2024, 10, 6), { '1': true, '4': true });
		expect(s.current?.stage.id).toBe('7');
		expect(s.overdue).toBe(false);
		expect(daysUntilDue(s)).toBe(2);
		expect(dueBucket(s)).toBe('upcoming');
	});

	it('is overdue when the current stage was due before today', () => {
		const s = computeSchedule(first, at(2024, 10, 6), { '1': true });
		expect(s.current?.stage.id).toBe('4');
		expect(s.overdue).toBe(true);
		expect(daysUntilDue(s)).toBe(-1);
		expect(dueBucket(s)).toBe('overdue');
	});

	it('is due today on the due date, and beyond the horizon later', () => {
		expect(dueBucket(computeSchedule(first, at(2024, 10, 2), {}))).toBe('dueToday');
		const farAhead = computeSchedule(first, at(2024, 10, 16), { '1': true, '4': true, '7': true, '14': true });
		expect(farAhead.current?.stage.id).toBe('long-term');
		expect(daysUntilDue(farAhead)).toBe(15);
		expect(dueBucket(farAhead)).toBeNull();
	});

	it('has no current stage once everything is done', () => {
		const s = computeSchedule(first, at(2024, 12, 1), { '1': true, '4': true, '7': true, '14': true, 'long-term': true });
		expect(s.current).toBeNull();
		expect(s.overdue).toBe(false);
		expect(daysUntilDue(s)).toBeNull();
		expect(dueBucket(s)).toBeNull();
	});

	it('takes a stage skipped ahead as done without moving the others', () => {
		const s = computeSchedule(first, at(2024, 10, 2), { '4': true });
		expect(s.current?.stage.id).toBe('1');
		expect(s.stages.map((x) => x.done)).toEqual([false, true, false, false, false]);
	});
});
