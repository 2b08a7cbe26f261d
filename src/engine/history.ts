import { fastDayNumber } from './day-numbers';

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
 * Reads one device's journal. A broken line is skipped and reported, never fatal. The common case,
 * a file with no broken line, is read by one JSON.parse of the whole file, which is several times
 * faster than one call per line; any failure falls back to line by line.
 */
export function parseJournal(text: string): ParsedJournal {
	const lines = text.split('\n');
	const numbers: number[] = [];
	const kept: string[] = [];
	lines.forEach((line, i) => {
		if (line.trim() === '') return;
		numbers.push(i + 1);
		kept.push(line);
	});
	let values: unknown[] | null = null;
	try {
		values = JSON.parse(`[${kept.join(',')}]`) as unknown[];
		// A line holding two values ("{…},{…}") would shift every later line: read line by line then.
		if (values.length !== kept.length) values = null;
	} catch {
		values = null;
	}
	const journal: ParsedJournal = { entries: [], brokenLines: [] };
	kept.forEach((line, i) => {
		let value: unknown;
		if (values) value = values[i];
		else {
			try {
				value = JSON.parse(line);
			} catch {
				value = undefined;
			}
		}
		const entry = asEntry(value);
		if (entry) journal.entries.push(entry);
		else journal.brokenLines.push(numbers[i]!);
	});
	return journal;
}

const AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function asEntry(value: unknown): HistoryEntry | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	if (typeof v.at !== 'string' || !AT_PATTERN.test(v.at) || instantOf(v.at) === null) return null;
	if (typeof v.path !== 'string' || v.path === '') return null;
	if (v.action === 'rename') {
		return typeof v.from === 'string' && v.from !== '' ? { at: v.at, action: 'rename', from: v.from, path: v.path } : null;
	}
	if (!REVIEW_ACTIONS.includes(v.action as ReviewAction)) return null;
	if (typeof v.stage !== 'number' && typeof v.stage !== 'string') return null;
	if (typeof v.due !== 'string' || fastDayNumber(v.due) === null || v.due.charCodeAt(4) !== 45) return null;
	return { at: v.at, path: v.path, stage: v.stage, due: v.due, action: v.action as ReviewAction };
}

/**
 * Milliseconds since the epoch of an `at`, read by position (the pattern above fixed them): the merge
 * sorts 100,000 entries by this, and Date.parse would cost most of the statistics' time.
 */
export function instantOf(at: string): number | null {
	const digits = (from: number, to: number) => Number(at.slice(from, to));
	const day = fastDayNumber(at.slice(0, 10));
	if (day === null) return null;
	let rest = 16;
	let seconds = 0;
	if (at.charCodeAt(16) === 58) {
		seconds = digits(17, 19);
		rest = 19;
		if (at.charCodeAt(19) === 46) {
			let end = 20;
			while (end < at.length && at.charCodeAt(end) >= 48 && at.charCodeAt(end) <= 57) end++;
			seconds += Number(`0.${at.slice(20, end)}`);
			rest = end;
		}
	}
	const hours = digits(11, 13);
	const minutes = digits(14, 16);
	if (hours > 23 || minutes > 59 || seconds >= 60) return null;
	let offset = 0;
	if (at.charCodeAt(rest) !== 90) {
		const sign = at.charCodeAt(rest) === 45 ? -1 : 1;
		offset = sign * (digits(rest + 1, rest + 3) * 60 + digits(rest + 4, rest + 6));
	}
	return ((day * 24 + hours) * 60 + minutes - offset) * 60_000 + seconds * 1000;
}

/** The local calendar day an entry was made on: the date its `at` was written with. */
export function dayOfEntry(entry: HistoryEntry): number {
	// Entries are checked on reading, so the date is always there.
	return fastDayNumber(entry.at.slice(0, 10)) ?? 0;
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
