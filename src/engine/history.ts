import { dayNumberAt, fastDayNumber } from './day-numbers';

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
 * Reads one device's journal. A broken line is skipped and reported, never fatal. Lines as
 * historyLine writes them (a flat object, no escapes) are read by a small scanner, several times
 * faster than JSON.parse over a 100,000-line journal; any other line goes through JSON.parse.
 */
export function parseJournal(text: string): ParsedJournal {
	const journal: ParsedJournal = { entries: [], brokenLines: [] };
	let lineNumber = 0;
	for (let from = 0; from < text.length; ) {
		let to = text.indexOf('\n', from);
		if (to < 0) to = text.length;
		lineNumber++;
		const line = text.slice(from, to);
		from = to + 1;
		if (line.trim() === '') continue;
		const entry = readReviewLine(line) ?? asEntry(readFlatObject(line) ?? jsonValue(line));
		if (entry) journal.entries.push(entry);
		else journal.brokenLines.push(lineNumber);
	}
	return journal;
}

/**
 * The everyday line, exactly as historyLine writes a review entry, read straight into an entry with
 * no intermediate object: the journal's bulk. Null for anything else (the general path reads it).
 */
function readReviewLine(line: string): ReviewEntry | null {
	if (!line.startsWith('{"at":"') || line.includes('\\')) return null;
	const atEnd = line.indexOf('"', 7);
	if (!line.startsWith('","path":"', atEnd)) return null;
	const pathEnd = line.indexOf('","stage":', atEnd + 10);
	if (pathEnd < 0) return null;
	let i = pathEnd + 10;
	let stage: string | number;
	if (line.charCodeAt(i) === 34) {
		const end = line.indexOf('"', i + 1);
		if (end < 0) return null;
		stage = line.slice(i + 1, end);
		i = end + 1;
	} else {
		let end = i;
		while (line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
		if (end === i || end - i > 9) return null;
		stage = Number(line.slice(i, end));
		i = end;
	}
	if (!line.startsWith(',"due":"', i) || !line.startsWith('","action":"', i + 18)) return null;
	const actionEnd = line.length - 2;
	if (line.charCodeAt(actionEnd) !== 34 || line.charCodeAt(actionEnd + 1) !== 125) return null;
	const at = line.slice(7, atEnd);
	const path = line.slice(atEnd + 10, pathEnd);
	const due = line.slice(i + 8, i + 18);
	const action = line.slice(i + 30, actionEnd) as ReviewAction;
	if (path === '' || instantOf(at) === null || dayNumberAt(due, 0) === null || due.charCodeAt(4) !== 45 || !REVIEW_ACTIONS.includes(action)) return null;
	return { at, path, stage, due, action };
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
	if (typeof v.at !== 'string' || instantOf(v.at) === null) return null;
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
	if (at.charCodeAt(10) !== 84 || at.charCodeAt(13) !== 58 || at.charCodeAt(4) !== 45) return null;
	const day = dayNumberAt(at, 0);
	if (day === null) return null;
	const hours = digit(at, 11) * 10 + digit(at, 12);
	const minutes = digit(at, 14) * 10 + digit(at, 15);
	let rest = 16;
	let milliseconds = 0;
	if (at.charCodeAt(16) === 58) {
		milliseconds = (digit(at, 17) * 10 + digit(at, 18)) * 1000;
		rest = 19;
		if (at.charCodeAt(19) === 46) {
			let end = 20;
			let scale = 100;
			while (end < at.length && end < 29 && at.charCodeAt(end) >= 48 && at.charCodeAt(end) <= 57) {
				milliseconds += digit(at, end) * scale;
				scale /= 10;
				end++;
			}
			if (end === 20) return null;
			rest = end;
		}
	}
	let offset = 0;
	const zone = at.charCodeAt(rest);
	if (zone === 90) {
		if (at.length !== rest + 1) return null;
	} else {
		if ((zone !== 43 && zone !== 45) || at.charCodeAt(rest + 3) !== 58 || at.length !== rest + 6) return null;
		offset = (zone === 45 ? -1 : 1) * ((digit(at, rest + 1) * 10 + digit(at, rest + 2)) * 60 + digit(at, rest + 4) * 10 + digit(at, rest + 5));
	}
	if (!(hours <= 23 && minutes <= 59 && milliseconds < 60_000) || Number.isNaN(offset)) return null;
	return ((day * 24 + hours) * 60 + minutes - offset) * 60_000 + milliseconds;
}

/** The local calendar day an entry was made on: the date its `at` was written with. */
export function dayOfEntry(entry: HistoryEntry): number {
	// Entries are checked on reading, so the date is always there.
	return dayNumberAt(entry.at, 0) ?? 0;
}

/**
 * Every device's entries in one timeline: by instant, and for equal instants in file order (devices
 * sorted by id), so the result does not depend on the order the files were listed in.
 */
export function mergeJournals(journals: ReadonlyMap<string, readonly HistoryEntry[]>): HistoryEntry[] {
	const merged: HistoryEntry[] = [];
	const instants: number[] = [];
	for (const device of [...journals.keys()].sort()) {
		for (const entry of journals.get(device) ?? []) {
			merged.push(entry);
			instants.push(instantOf(entry.at) ?? 0);
		}
	}
	const order = Array.from(merged.keys());
	order.sort((a, b) => instants[a]! - instants[b]! || a - b);
	return order.map((i) => merged[i]!);
}
