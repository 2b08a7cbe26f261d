import { ko } from 'date-fns/locale/ko';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, parseWithPattern } from '../../../src/engine/schedule/dates';

/** Formats and read-backs are remembered (dates.ts); what is remembered must still follow the zone. */
const saved = process.env.TZ;
afterEach(() => {
	if (saved === undefined) delete process.env.TZ;
	else process.env.TZ = saved;
});

describe('remembered date formats', () => {
	it('give the same moment the local day of each zone, asked twice', () => {
		const moment = new Date(Date.UTC(2024, 9, 27, 20));
		const inZone = (zone: string) => {
			process.env.TZ = zone;
			return [formatDate(moment, 'yyyy-MM-dd HH', ko), formatDate(moment, 'yyyy-MM-dd HH', ko)];
		};
		expect(inZone('UTC')).toEqual(['2024-10-27 20', '2024-10-27 20']);
		expect(inZone('Asia/Seoul')).toEqual(['2024-10-28 05', '2024-10-28 05']);
		expect(inZone('UTC')[0]).toBe('2024-10-27 20');
	});

	it('read text back as local fields in the zone of the moment, and hand out a new Date each time', () => {
		process.env.TZ = 'Asia/Seoul';
		const reference = new Date(2024, 9, 27);
		const first = parseWithPattern('2024년 10월 27일 오후 2:00', 'yyyy년 M월 d일 a h:mm', reference, ko);
		const second = parseWithPattern('2024년 10월 27일 오후 2:00', 'yyyy년 M월 d일 a h:mm', reference, ko);
		expect(first?.getHours()).toBe(14);
		expect(second).not.toBe(first);
		expect(second?.getTime()).toBe(first?.getTime());
		first?.setHours(3);
		expect(parseWithPattern('2024년 10월 27일 오후 2:00', 'yyyy년 M월 d일 a h:mm', reference, ko)?.getHours()).toBe(14);
		expect(parseWithPattern('not a date', 'yyyy년 M월 d일 a h:mm', reference, ko)).toBeNull();
	});
});
