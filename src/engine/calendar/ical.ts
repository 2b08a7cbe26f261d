import { daysFromCivil } from '../schedule';
import { timeZoneLines } from './time-zone';

/**
 * A small iCalendar (RFC 5545) writer for the review calendar: all-day events, or events at a local
 * time with their VTIMEZONE, each with a display alarm. Text values are escaped (§3.3.11) and lines
 * folded at 75 octets of UTF-8 (§3.1) without splitting a character, so Korean and emoji survive;
 * lines end in CRLF.
 */
export interface EventTime {
	/** Minutes after local midnight of `day` when the event starts (09:00 → 540). */
	minutes: number;
	durationMinutes: number;
	/** The IANA zone the time is in (TZID); its VTIMEZONE is written beside the event. */
	zone: string;
}

export interface CalendarEvent {
	uid: string;
	/** The event's day, as YYYYMMDD. */
	day: string;
	/** The day after, as YYYYMMDD (DTEND of an all-day event is exclusive). */
	nextDay: string;
	summary: string;
	description: string;
	url?: string;
	/** Set: the event starts at this local time (a timed event); absent: an all-day event. */
	time?: EventTime;
	/** Minutes after the event's start (an all-day event's: midnight) when the alarm rings; null for no alarm. */
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
	if (minutes === 0) return 'PT0M';
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}

/** The day number of a YYYYMMDD text. */
function dayOf(basic: string): number {
	return daysFromCivil(Number(basic.slice(0, 4)), Number(basic.slice(4, 6)), Number(basic.slice(6, 8)));
}

/** YYYYMMDDTHHMMSS of `minutes` after local midnight of `day` (which may run into the next day). */
function localTimeText(day: string, minutes: number): string {
	const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) + minutes * 60_000;
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

/** DTSTART and DTEND: dates for an all-day event, local times with TZID for a timed one. */
function whenLines(event: CalendarEvent): string[] {
	const time = event.time;
	if (!time) return [`DTSTART;VALUE=DATE:${event.day}`, `DTEND;VALUE=DATE:${event.nextDay}`];
	return [`DTSTART;TZID=${time.zone}:${localTimeText(event.day, time.minutes)}`, `DTEND;TZID=${time.zone}:${localTimeText(event.day, time.minutes + time.durationMinutes)}`];
}

/** One VTIMEZONE per zone the events use, covering their days. */
function zoneLines(events: readonly CalendarEvent[]): string[] {
	const spans = new Map<string, { first: number; last: number }>();
	for (const event of events) {
		if (!event.time) continue;
		const day = dayOf(event.day);
		const span = spans.get(event.time.zone);
		spans.set(event.time.zone, span ? { first: Math.min(span.first, day), last: Math.max(span.last, day + 1) } : { first: day, last: day + 1 });
	}
	return [...spans].flatMap(([zone, { first, last }]) => timeZoneLines(zone, first, last));
}

/** The VEVENT of one review, with its alarm; `extra` lines go before END:VEVENT. */
function eventLines(event: CalendarEvent, stamp: string, extra: readonly string[] = []): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${stamp}`,
		...whenLines(event),
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
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', PRODID, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`, ...zoneLines(events)];
	for (const event of events) lines.push(...eventLines(event, options.stamp));
	lines.push('END:VCALENDAR');
	return finish(lines);
}

/**
 * One event as a CalDAV calendar object resource (RFC 4791 §4.1: one UID, no METHOD). `extra` marks
 * it as ours, e.g. an X- property that servers keep.
 */
export function writeEventResource(event: CalendarEvent, stamp: string, extra: readonly string[]): string {
	return finish(['BEGIN:VCALENDAR', 'VERSION:2.0', PRODID, 'CALSCALE:GREGORIAN', ...zoneLines([event]), ...eventLines(event, stamp, extra), 'END:VCALENDAR']);
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
