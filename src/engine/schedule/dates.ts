import { addDays, differenceInCalendarDays, format, isValid, type Locale, parse, startOfDay } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { ko } from 'date-fns/locale/ko';

/** Date-fns locales a preset may name. Adding a language is adding a row here. */
export const LOCALES: Record<string, Locale> = { ko, 'en-US': enUS };

export const ISO_DATE_FORMAT = 'yyyy-MM-dd';

/**
 * "Today" and "now" for one recompute. `today` is a local midnight: every schedule calculation
 * works in calendar days, so it never meets a DST hour.
 */
export interface Clock {
	today: Date;
	now: Date;
}

/** The learner's day may end after midnight ("new day starts at 4"); before that hour it is still yesterday. */
export function clockAt(now: Date, dayStartHour = 0): Clock {
	// Compare wall-clock hours rather than subtracting hours: on a DST morning 04:00 minus 4 h is 23:00.
	const midnight = startOfDay(now);
	return { today: now.getHours() < dayStartHour ? addDays(midnight, -1) : midnight, now };
}

// YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD, optionally followed by an ISO time and zone.
const DATE_PATTERN = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export type DateParse = { ok: true; date: Date } | { ok: false; impossible: boolean };

/**
 * Reads a date as the calendar date written, at local midnight. A date-time keeps only its date part:
 * the learner studied on the day they wrote down, whatever zone the time carries.
 * (`new Date('2024-10-01')` would be UTC midnight, the previous day west of Greenwich.)
 */
export function parseCalendarDate(text: string): DateParse {
	const match = DATE_PATTERN.exec(text.trim());
	if (!match) return { ok: false, impossible: false };
	const dashOnlyForTime = match[5] !== undefined && match[2] !== '-';
	if (dashOnlyForTime) return { ok: false, impossible: false };
	const year = Number(match[1]);
	const month = Number(match[3]);
	const day = Number(match[4]);
	const date = new Date(year, month - 1, day);
	// Guard against years 0-99, which the Date constructor maps to 1900-1999.
	date.setFullYear(year);
	if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
		return { ok: false, impossible: true };
	}
	return { ok: true, date };
}

export function daysAfter(date: Date, days: number): Date {
	return addDays(date, days);
}

export function calendarDaysBetween(from: Date, to: Date): number {
	return differenceInCalendarDays(to, from);
}

/**
 * date-fns' format, remembered: recomputing a vault formats the same few days (today, each note's
 * review days) with the same patterns over and over, and formatting is most of a recompute's time.
 * Keyed by the moment, the pattern and the locale's code; cleared when full.
 */
const formatted = new Map<string, string>();
/** Read-backs as local date and time fields, so a remembered one is rebuilt in the zone of the moment. */
const parsedBack = new Map<string, readonly number[] | null>();
const REMEMBER_AT_MOST = 10_000;

export function formatDate(date: Date, pattern: string, locale: Locale): string {
	// The offset too: the same moment reads as other local fields in another zone (tests switch TZ).
	const key = `${date.getTime()}\u0000${date.getTimezoneOffset()}\u0000${locale.code ?? ''}\u0000${pattern}`;
	let text = formatted.get(key);
	if (text === undefined) {
		text = format(date, pattern, { locale });
		if (formatted.size >= REMEMBER_AT_MOST) formatted.clear();
		formatted.set(key, text);
	}
	return text;
}

export function toIsoDate(date: Date): string {
	return format(date, ISO_DATE_FORMAT);
}

/** Reads text back with a date-fns pattern; null when it does not match. */
export function parseWithPattern(text: string, pattern: string, reference: Date, locale: Locale): Date | null {
	const key = `${reference.getTime()}\u0000${reference.getTimezoneOffset()}\u0000${locale.code ?? ''}\u0000${pattern}\u0000${text}`;
	let fields = parsedBack.get(key);
	if (fields === undefined) {
		const parsed = parse(text, pattern, reference, { locale });
		fields = isValid(parsed) ? [parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), parsed.getHours(), parsed.getMinutes(), parsed.getSeconds(), parsed.getMilliseconds()] : null;
		if (parsedBack.size >= REMEMBER_AT_MOST) parsedBack.clear();
		parsedBack.set(key, fields);
	}
	if (fields === null) return null;
	// A new Date each time (callers may change theirs), built as parse builds it: from local fields.
	const [year = 0, month = 0, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0] = fields;
	const date = new Date(year, month, day, hours, minutes, seconds, ms);
	date.setFullYear(year);
	return date;
}
