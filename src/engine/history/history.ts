import { dayNumberAt, fastDayNumber } from '../schedule';

/**
 * The review history: a journal of what the learner did, one JSON Lines file per device, so two
 * devices never write the same file and a sync never conflicts. Reading merges every device's file.
 * The journal never feeds the schedule; it is only looked back on (statistics).
 */
export type ReviewAction = 'done' | 'undo' | 'snooze' | 'start';

export const REVIEW_ACTIONS: readonly ReviewAction[] = ['done', 'undo', 'snooze', 'start'];

/** One thing done to one review: `stage` as the CLI's JSON gives it (1, 4, 7, 14, "long-term"). */
export interface ReviewEntry {
	/** Local date-time with its offset, e.g. 2026-11-28T21:05:09+09:00. */
	at: string;
	path: string;
	stage: number | string;
	/** The review's due day (YYYY-MM-DD) as the note's schedule has it. */
	due: string;
	action: ReviewAction;
}

/** A note moved: later entries name `path`, earlier ones `from`. */
export interface RenameEntry {
	at: string;
	action: 'rename';
	from: string;
	path: string;
}

export type HistoryEntry = ReviewEntry | RenameEntry;

/** One line of the journal, keys in a fixed order. */
export function historyLine(entry: HistoryEntry): string {
	const ordered =
		entry.action === 'rename'
			? { at: entry.at, action: entry.action, from: entry.from, path: entry.path }
			: { at: entry.at, path: entry.path, stage: entry.stage, due: entry.due, action: entry.action };
	return `${JSON.stringify(ordered)}\n`;
}

/** A moment as local ISO date-time with its UTC offset (the offset keeps entries from two zones in order). */
export function localTimestamp(date: Date): string {
	const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
	const offset = -date.getTimezoneOffset();
	const sign = offset < 0 ? '-' : '+';
	return (
		`${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
		`${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
	);
}

export interface ParsedJournal {
	entries: HistoryEntry[];
	/** 1-based numbers of lines that are not an entry (half-written by a crash, edited by hand). */
	brokenLines: number[];
}

/**
 * Reads one device's journal into entries (for tools and tests; the statistics read journals in
 * columns, journal.ts). A broken line is skipped and reported, never fatal.
 */
export function parseJournal(text: string): ParsedJournal {
	const journal: ParsedJournal = { entries: [], brokenLines: [] };
	text.split('\n').forEach((line, i) => {
		if (line.trim() === '') return;
		const entry = readEntryLine(line);
		if (entry) journal.entries.push(entry);
		else journal.brokenLines.push(i + 1);
	});
	return journal;
}

/** One line of a journal as an entry, or null when it is not one. */
export function readEntryLine(line: string): HistoryEntry | null {
	// The bulk of a journal is read in place by journal.ts; this reads a line at a time, for the rest.
	const entry = asEntry(readFlatObject(line) ?? jsonValue(line));
	return entry && instantOf(entry.at) !== null ? entry : null;
}

function jsonValue(line: string): unknown {
	try {
		return JSON.parse(line);
	} catch {
		return undefined;
	}
}

/**
 * `{"key":"text","key":123,...}` with no backslash, no nesting and no spaces: what historyLine
 * writes. Null for anything else (the caller then asks JSON.parse, which also reports what is broken).
 */
function readFlatObject(line: string): Record<string, string | number> | null {
	if (line.charCodeAt(0) !== 123 || line.charCodeAt(line.length - 1) !== 125 || line.includes('\\')) return null;
	const record: Record<string, string | number> = {};
	let at = 1;
	for (;;) {
		if (line.charCodeAt(at) !== 34) return null;
		const keyEnd = line.indexOf('"', at + 1);
		if (keyEnd < 0 || line.charCodeAt(keyEnd + 1) !== 58) return null;
		const key = line.slice(at + 1, keyEnd);
		at = keyEnd + 2;
		if (line.charCodeAt(at) === 34) {
			const valueEnd = line.indexOf('"', at + 1);
			if (valueEnd < 0) return null;
			record[key] = line.slice(at + 1, valueEnd);
			at = valueEnd + 1;
		} else {
			let end = at;
			while (end < line.length && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
			if (end === at || end - at > 15) return null;
			record[key] = Number(line.slice(at, end));
			at = end;
		}
		const next = line.charCodeAt(at);
		if (next === 125) return at === line.length - 1 ? record : null;
		if (next !== 44) return null;
		at++;
	}
}

function asEntry(value: unknown): HistoryEntry | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	// The caller checks the time stamp (instantOf), once per entry.
	if (typeof v.at !== 'string') return null;
	if (typeof v.path !== 'string' || v.path === '') return null;
	if (v.action === 'rename') {
		return typeof v.from === 'string' && v.from !== '' ? { at: v.at, action: 'rename', from: v.from, path: v.path } : null;
	}
	if (!REVIEW_ACTIONS.includes(v.action as ReviewAction)) return null;
	if (typeof v.stage !== 'number' && typeof v.stage !== 'string') return null;
	if (typeof v.due !== 'string' || fastDayNumber(v.due) === null || v.due.charCodeAt(4) !== 45) return null;
	return { at: v.at, path: v.path, stage: v.stage, due: v.due, action: v.action as ReviewAction };
}

/** A digit's value, or NaN (which then spoils every sum it enters). */
function digit(text: string, i: number): number {
	const c = text.charCodeAt(i) - 48;
	return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * Milliseconds since the epoch of an `at` (YYYY-MM-DDTHH:mm[:ss[.fff]] then Z or ±HH:MM), or null
 * when it is not one. Read by character codes: the merge sorts 100,000 entries by it, and Date.parse
 * or a regex per entry would cost most of the statistics' time.
 */
export function instantOf(at: string): number | null {
	return instantAt(at, 0, at.length);
}

/** instantOf for the characters [start, end) of a longer text (a journal line read in place). */
export function instantAt(text: string, start: number, end: number): number | null {
	if (text.charCodeAt(start + 4) !== 45) return null;
	const day = dayNumberAt(text, start);
	return day === null ? null : instantOnDay(text, start, end, day);
}

/** instantAt when the caller has already read the date part as `day` (dayNumberAt). */
export function instantOnDay(text: string, start: number, end: number, day: number): number | null {
	const at = (i: number) => start + i;
	if (text.charCodeAt(at(10)) !== 84 || text.charCodeAt(at(13)) !== 58 || text.charCodeAt(at(4)) !== 45) return null;
	const hours = digit(text, at(11)) * 10 + digit(text, at(12));
	const minutes = digit(text, at(14)) * 10 + digit(text, at(15));
	let rest = at(16);
	let milliseconds = 0;
	if (text.charCodeAt(rest) === 58) {
		milliseconds = (digit(text, at(17)) * 10 + digit(text, at(18))) * 1000;
		rest = at(19);
		if (text.charCodeAt(rest) === 46) {
			let i = rest + 1;
			let scale = 100;
			while (i < end && i < rest + 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
				milliseconds += digit(text, i) * scale;
				scale /= 10;
				i++;
			}
			if (i === rest + 1) return null;
			rest = i;
		}
	}
	let offset = 0;
	const zone = text.charCodeAt(rest);
	if (zone === 90) {
		if (end !== rest + 1) return null;
	} else {
		if ((zone !== 43 && zone !== 45) || text.charCodeAt(rest + 3) !== 58 || end !== rest + 6) return null;
		offset = (zone === 45 ? -1 : 1) * ((digit(text, rest + 1) * 10 + digit(text, rest + 2)) * 60 + digit(text, rest + 4) * 10 + digit(text, rest + 5));
	}
	if (!(hours <= 23 && minutes <= 59 && milliseconds < 60_000) || Number.isNaN(offset)) return null;
	return ((day * 24 + hours) * 60 + minutes - offset) * 60_000 + milliseconds;
}
