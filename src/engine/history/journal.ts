import { dayNumberAt, grownCopy } from '../schedule';
import { type HistoryEntry, instantAt, instantOnDay, readEntryLine } from './history';

/** Entry actions as numbers in the columns (the ones counting looks at are named). */
export const DONE = 0;
export const UNDO = 1;
export const RENAME = 4;
const ACTION_CODES: Record<HistoryEntry['action'], number> = { done: DONE, undo: UNDO, snooze: 2, start: 3, rename: RENAME };

/**
 * Every device's journal read for statistics, in columns: one typed array per field, paths and stages
 * as numbers from a shared dictionary. A year of daily study is tens of thousands of entries; reading
 * them into an object each, merging and counting those, cost several times the statistics' budget.
 * The lines' meaning is history.ts's; this is only their layout.
 */

export class Journals {
	length = 0;
	instants = new Float64Array(1024);
	/** Local day the entry was written on, and the review's due day (rename: unused). */
	days = new Int32Array(1024);
	dueDays = new Int32Array(1024);
	actions = new Uint8Array(1024);
	stages = new Int32Array(1024);
	paths = new Int32Array(1024);
	/** Rename: the path before. */
	froms = new Int32Array(1024);
	readonly pathNames: string[] = [];
	readonly stageNames: string[] = [];
	/** Per device (sorted by id): its entries' range, and its broken lines (1-based). */
	readonly devices: { id: string; start: number; end: number; brokenLines: number[] }[] = [];
	private readonly pathIds = new Map<string, number>();
	private readonly stageIds = new Map<string, number>();
	/**
	 * Path ids by a hash of the path's characters, read in place (open addressing, ids + 1, 0 empty):
	 * a path met again, the common case, is found without copying it out of the line.
	 */
	private slots = new Int32Array(4096);

	/** The id of the path text[start, end), copying it only the first time. */
	pathIdAt(text: string, start: number, end: number): number {
		const hash = hashOf(text, start, end);
		const mask = this.slots.length - 1;
		const length = end - start;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const stored = this.slots[slot]!;
			if (stored === 0) break;
			const name = this.pathNames[stored - 1]!;
			if (name.length === length && matchAt(text, start, name)) return stored - 1;
		}
		const id = this.pathId(text.slice(start, end));
		this.remember(hash, id);
		return id;
	}

	/** The id of the stage text[start, end): a schedule has a handful, compared in place. */
	stageIdAt(text: string, start: number, end: number): number {
		const length = end - start;
		for (let id = 0; id < this.stageNames.length; id++) {
			const name = this.stageNames[id]!;
			if (name.length === length && matchAt(text, start, name)) return id;
		}
		return this.stageId(text.slice(start, end));
	}

	private remember(hash: number, id: number): void {
		// Kept at most half full; growing re-hashes every path once.
		if ((this.pathNames.length + 1) * 2 > this.slots.length) {
			this.slots = new Int32Array(this.slots.length * 2);
			this.pathNames.forEach((name, known) => {
				if (known !== id) this.place(hashOf(name), known);
			});
		}
		this.place(hash, id);
	}

	private place(hash: number, id: number): void {
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
		this.slots[slot] = id + 1;
	}

	pathId(path: string): number {
		return intern(this.pathNames, this.pathIds, path);
	}

	stageId(stage: string): number {
		return intern(this.stageNames, this.stageIds, stage);
	}

	push(instant: number, day: number, dueDay: number, action: number, stage: number, path: number, from: number): void {
		if (this.length === this.instants.length) this.grow();
		const i = this.length++;
		this.instants[i] = instant;
		this.days[i] = day;
		this.dueDays[i] = dueDay;
		this.actions[i] = action;
		this.stages[i] = stage;
		this.paths[i] = path;
		this.froms[i] = from;
	}

	pushEntry(entry: HistoryEntry, instant: number): void {
		const day = dayNumberAt(entry.at, 0) ?? 0;
		if (entry.action === 'rename') this.push(instant, day, 0, RENAME, -1, this.pathId(entry.path), this.pathId(entry.from));
		else this.push(instant, day, dayNumberAt(entry.due, 0) ?? 0, ACTION_CODES[entry.action], this.stageId(String(entry.stage)), this.pathId(entry.path), -1);
	}

	private grow(): void {
		const size = this.instants.length * 2;
		this.instants = grownCopy(this.instants, size);
		this.days = grownCopy(this.days, size);
		this.dueDays = grownCopy(this.dueDays, size);
		this.actions = grownCopy(this.actions, size);
		this.stages = grownCopy(this.stages, size);
		this.paths = grownCopy(this.paths, size);
		this.froms = grownCopy(this.froms, size);
	}
}

/** The id of `name` in a table of names (its index there), added when new. */
function intern(names: string[], ids: Map<string, number>, name: string): number {
	let id = ids.get(name);
	if (id === undefined) {
		id = names.length;
		names.push(name);
		ids.set(name, id);
	}
	return id;
}

/** Reads every device's journal text (device id → JSON Lines). A broken line is skipped and kept in `brokenLines`. */
export function readJournals(texts: ReadonlyMap<string, string>): Journals {
	const journals = new Journals();
	for (const id of [...texts.keys()].sort()) {
		const text = texts.get(id) ?? '';
		const device = { id, start: journals.length, end: 0, brokenLines: [] as number[] };
		let backslash = text.indexOf('\\');
		let lineNumber = 0;
		for (let from = 0; from < text.length; ) {
			let to = text.indexOf('\n', from);
			if (to < 0) to = text.length;
			lineNumber++;
			if (backslash >= 0 && backslash < from) backslash = text.indexOf('\\', from);
			const plain = backslash < 0 || backslash >= to;
			if (!(plain && readReviewLineAt(text, from, to, journals)) && !isBlank(text, from, to)) {
				const line = text.slice(from, to);
				const entry = readEntryLine(line);
				const instant = entry ? instantAt(entry.at, 0, entry.at.length) : null;
				if (entry && instant !== null) journals.pushEntry(entry, instant);
				else device.brokenLines.push(lineNumber);
			}
			from = to + 1;
		}
		device.end = journals.length;
		journals.devices.push(device);
	}
	return journals;
}

/** The same from entries already read (tests, tools): one device per list, in the list's order. */
export function journalsFromEntries(lists: ReadonlyMap<string, readonly HistoryEntry[]>): Journals {
	const journals = new Journals();
	for (const id of [...lists.keys()].sort()) {
		const device = { id, start: journals.length, end: 0, brokenLines: [] as number[] };
		for (const entry of lists.get(id) ?? []) {
			const instant = instantAt(entry.at, 0, entry.at.length);
			if (instant !== null) journals.pushEntry(entry, instant);
		}
		device.end = journals.length;
		journals.devices.push(device);
	}
	return journals;
}

/**
 * Whether `pattern` occurs in `text` at `at`. By character codes: String#startsWith with a position
 * is not inlined and cost most of a 100,000-line read (about 70 ns a call on this machine).
 */
function matchAt(text: string, at: number, pattern: string): boolean {
	if (at + pattern.length > text.length) return false;
	for (let i = 0; i < pattern.length; i++) if (text.charCodeAt(at + i) !== pattern.charCodeAt(i)) return false;
	return true;
}

/** FNV-1a over text[start, end): the path table's hash, of a path in a line or of one already copied. */
function hashOf(text: string, start = 0, end = text.length): number {
	let hash = 0x811c9dc5;
	for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash;
}

function isBlank(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 13) return false;
	}
	return true;
}

const AT = '{"at":"';
const PATH = '","path":"';
const STAGE = '","stage":';
const DUE = ',"due":"';
const ACTION = '","action":"';
const ACTION_ENDINGS: readonly (readonly [string, number])[] = [
	['done"}', DONE],
	['undo"}', UNDO],
	['snooze"}', 2],
	['start"}', 3],
];

/** The action that ends the line at `start` (its closing quote and brace included), or -1. */
function actionAt(text: string, start: number, to: number): number {
	for (let k = 0; k < ACTION_ENDINGS.length; k++) {
		const [ending, code] = ACTION_ENDINGS[k]!;
		if (start + ending.length === to && text.charCodeAt(start) === ending.charCodeAt(0) && matchAt(text, start, ending)) return code;
	}
	return -1;
}

/**
 * A review line exactly as historyLine writes it, with no backslash, read in place: offsets into the
 * text, no copy of the line, the path copied only the first time it is met. False for anything else,
 * which the general reader (history.ts) then takes.
 */
function readReviewLineAt(text: string, from: number, to: number, journals: Journals): boolean {
	if (!matchAt(text, from, AT)) return false;
	const atStart = from + AT.length;
	const atEnd = text.indexOf('"', atStart);
	if (atEnd < 0 || atEnd >= to || !matchAt(text, atEnd, PATH)) return false;
	const pathStart = atEnd + PATH.length;
	// No backslash in the line, so the path's closing quote is the next quote (a one-character search
	// costs far less than looking for the whole delimiter).
	const pathEnd = text.indexOf('"', pathStart);
	if (pathEnd < 0 || pathEnd >= to || pathEnd === pathStart || !matchAt(text, pathEnd, STAGE)) return false;
	let i = pathEnd + STAGE.length;
	let stageStart: number;
	let stageEnd: number;
	if (text.charCodeAt(i) === 34) {
		stageStart = i + 1;
		stageEnd = text.indexOf('"', stageStart);
		if (stageEnd < 0 || stageEnd >= to) return false;
		i = stageEnd + 1;
	} else {
		stageStart = i;
		stageEnd = i;
		while (stageEnd < to && text.charCodeAt(stageEnd) >= 48 && text.charCodeAt(stageEnd) <= 57) stageEnd++;
		if (stageEnd === i || stageEnd - i > 9 || (text.charCodeAt(i) === 48 && stageEnd - i > 1)) return false;
		i = stageEnd;
	}
	if (!matchAt(text, i, DUE) || text.charCodeAt(i + DUE.length + 4) !== 45 || !matchAt(text, i + DUE.length + 10, ACTION)) return false;
	const dueDay = dayNumberAt(text, i + DUE.length);
	const actionStart = i + DUE.length + 10 + ACTION.length;
	const action = actionAt(text, actionStart, to);
	const day = dayNumberAt(text, atStart);
	const instant = day === null ? null : instantOnDay(text, atStart, atEnd, day);
	if (action < 0 || dueDay === null || instant === null || day === null) return false;
	journals.push(instant, day, dueDay, action, journals.stageIdAt(text, stageStart, stageEnd), journals.pathIdAt(text, pathStart, pathEnd), -1);
	return true;
}
