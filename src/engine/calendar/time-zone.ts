import { civilFromDays } from '../schedule';

/**
 * The VTIMEZONE (RFC 5545 §3.6.5) of a daily reminder's zone, made from the runtime's own time-zone
 * data (Intl) for the days the events cover: the zone's offset on the first day, and each change of
 * offset (a DST switch) inside them, found to the minute. A timed event with TZID and its VTIMEZONE is
 * the portable way to ring at a local time (Apple, Google through DAVx⁵, Samsung, Thunderbird); the
 * definition covers only the days written, which is all a reader needs for those events.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The learner's zone as the runtime knows it (an IANA name such as Asia/Seoul); UTC when it has none. */
export function localTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A zone's offset from UTC at an instant, in minutes east of Greenwich. */
export function offsetMinutes(zone: string, utcMs: number): number {
	let format = offsetFormats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
		offsetFormats.set(zone, format);
	}
	const name = format.formatToParts(utcMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
	const match = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
	if (!match) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
	return match[1] === '-' ? -minutes : minutes;
}

/** True when the runtime knows the zone by that name. */
export function isKnownTimeZone(zone: string): boolean {
	try {
		offsetMinutes(zone, 0);
		return true;
	} catch {
		return false;
	}
}

const MINUTE = 60_000;

function utcNoon(day: number): number {
	const { year, month, day: date } = civilFromDays(day);
	return Date.UTC(year, month - 1, date, 12);
}

/** ±HHMM, as TZOFFSETFROM/TO write an offset. */
function offsetText(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** YYYYMMDDTHHMMSS of a wall-clock time given as milliseconds in the UTC calendar. */
function wallText(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

interface Observance {
	/** Local time of the onset, before it (RFC 5545: DTSTART in the old offset). */
	start: string;
	from: number;
	to: number;
}

/** The zone's offsets over the days `firstDay`..`lastDay` (a day of margin each side): the first and every change. */
function observances(zone: string, firstDay: number, lastDay: number): Observance[] {
	const initial = offsetMinutes(zone, utcNoon(firstDay - 1));
	const list: Observance[] = [{ start: '19700101T000000', from: initial, to: initial }];
	let previous = initial;
	for (let day = firstDay - 1; day <= lastDay + 1; day++) {
		const next = offsetMinutes(zone, utcNoon(day + 1));
		if (next === previous) continue;
		// The instant of the change, to the minute: the last minute at the old offset, then one more.
		let low = utcNoon(day);
		let high = utcNoon(day + 1);
		while (high - low > MINUTE) {
			const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
			if (offsetMinutes(zone, middle) === previous) low = middle;
			else high = middle;
		}
		list.push({ start: wallText(high + previous * MINUTE), from: previous, to: next });
		previous = next;
	}
	return list;
}

/** The VTIMEZONE lines for `zone` over the given days (day numbers). */
export function timeZoneLines(zone: string, firstDay: number, lastDay: number): string[] {
	const list = observances(zone, firstDay, lastDay);
	const standard = Math.min(...list.map((o) => o.to));
	const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
	for (const o of list) {
		const kind = o.to > standard ? 'DAYLIGHT' : 'STANDARD';
		lines.push(`BEGIN:${kind}`, `DTSTART:${o.start}`, `TZOFFSETFROM:${offsetText(o.from)}`, `TZOFFSETTO:${offsetText(o.to)}`, `END:${kind}`);
	}
	lines.push('END:VTIMEZONE');
	return lines;
}
