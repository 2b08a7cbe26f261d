/**
 * A small iCalendar (RFC 5545) writer for the review calendar: all-day events with a display alarm.
 * Text values are escaped (§3.3.11) and lines folded at 75 octets of UTF-8 (§3.1) without splitting a
 * character, so Korean and emoji survive; lines end in CRLF.
 */
export interface CalendarEvent {
	uid: string;
	/** The event's day, as YYYYMMDD. */
	day: string;
	/** The day after, as YYYYMMDD (DTEND of an all-day event is exclusive). */
	nextDay: string;
	summary: string;
	description: string;
	url?: string;
	/** Minutes after the start of the day when the alarm rings; null for no alarm. */
	alarmMinutes: number | null;
}

export interface CalendarOptions {
	name: string;
	/** UTC timestamp of this export, YYYYMMDDTHHMMSSZ. */
	stamp: string;
}

export function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line: at most 75 octets per line, continuation lines starting with one space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; each continuation holds 74 after its leading space.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function alarmTrigger(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return `PT${hours}H${rest > 0 ? `${rest}M` : ''}`;
}

/** The VEVENT of one review, with its alarm; `extra` lines go before END:VEVENT. */
function eventLines(event: CalendarEvent, stamp: string, extra: readonly string[] = []): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${stamp}`,
		`DTSTART;VALUE=DATE:${event.day}`,
		`DTEND;VALUE=DATE:${event.nextDay}`,
		`SUMMARY:${escapeText(event.summary)}`,
		`DESCRIPTION:${escapeText(event.description)}`,
		...(event.url ? [`URL:${event.url}`] : []),
		'TRANSP:TRANSPARENT',
		...extra,
	];
	if (event.alarmMinutes !== null) {
		lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.summary)}`, `TRIGGER;RELATED=START:${alarmTrigger(event.alarmMinutes)}`, 'END:VALARM');
	}
	lines.push('END:VEVENT');
	return lines;
}

const PRODID = 'PRODID:-//Forgetting Curve//Review calendar//EN';
const finish = (lines: readonly string[]) => `${lines.map(foldLine).join('\r\n')}\r\n`;

/** A whole calendar feed (.ics file) of review events. */
export function writeCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', PRODID, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`];
	for (const event of events) lines.push(...eventLines(event, options.stamp));
	lines.push('END:VCALENDAR');
	return finish(lines);
}

/**
 * One event as a CalDAV calendar object resource (RFC 4791 §4.1: one UID, no METHOD). `extra` marks
 * it as ours, e.g. an X- property that servers keep.
 */
export function writeEventResource(event: CalendarEvent, stamp: string, extra: readonly string[]): string {
	return finish(['BEGIN:VCALENDAR', 'VERSION:2.0', PRODID, 'CALSCALE:GREGORIAN', ...eventLines(event, stamp, extra), 'END:VCALENDAR']);
}

/** Property values of a calendar object by name (after unfolding), e.g. all UID values. */
export function propertyValues(ics: string, name: string): string[] {
	const unfolded = ics.replace(/\r?\n[ \t]/g, '');
	const values: string[] = [];
	for (const line of unfolded.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const head = line.slice(0, colon);
		const property = head.split(';')[0]?.toUpperCase();
		if (property === name) values.push(line.slice(colon + 1));
	}
	return values;
}
