import { dayNumberOf, fastDayNumber } from './day-numbers';
import { grownCopy } from './typed-arrays';
import { currentStageIndex, dueDayOf } from './done-mask';
import { FORECAST_DAYS, UPCOMING_DAYS } from './schedule';
import { canonicalKey, lookupKey } from './keys';
import { parseCalendarDate } from './dates';
import type { ReviewConfig } from './settings';

/** One review note as the due index holds it: its schedule reduced to integers. */
export interface IndexedNote {
	path: string;
	firstDay: number;
	/** Bit i set: stage i is done. */
	doneMask: number;
	/** Index of the current stage (the earliest not done); -1 once every stage is done. */
	stage: number;
	/** Day number the current stage is due; Infinity once every stage is done. */
	dueDay: number;
	subject: string | null;
	/** Set while the current review is snoozed: the day it comes back. */
	snoozedUntil?: number;
}

/** A review put off: stage index and the day number it comes back on. */
export interface IndexSnooze {
	stage: number;
	until: number;
}

export interface DueCounts {
	overdue: number;
	dueToday: number;
	upcoming: number;
}

export interface DueSnapshot {
	today: number;
	/** Each section sorted by due day then path, cut to the limit asked for; `counts` has the full sizes. */
	overdue: IndexedNote[];
	dueToday: IndexedNote[];
	upcoming: IndexedNote[];
	counts: DueCounts;
	/** Reviews due on each of the next days, today first (overdue ones count on today). */
	forecast: number[];
}

export interface SnapshotOptions {
	horizon?: number;
	forecastDays?: number;
	/** Rows wanted per section (the view draws a page at a time); the counts are always complete. */
	limits?: Partial<Record<keyof DueCounts, number>>;
}

export type Frontmatter = Record<string, unknown> | null | undefined;

/** Due day of a note whose reviews are all done, and of an empty slot (paths[slot] === ''). */
const NOT_DUE = 0x7fffffff;

/**
 * Which notes are due, kept from frontmatter objects as Obsidian's metadata cache holds them (never by
 * reading files). Built once, then updated per changed, deleted or renamed note.
 *
 * Stored as parallel typed arrays, one slot per note, because a full build over 100,000 notes must cost
 * little more than reading each note's first-study key: no object per note, and the path → slot table
 * (a Map insert costs more than everything else together) is only made when the first incremental
 * update needs it. Today's sections are a pass over the arrays with a top-k selection per section, so the
 * day rollover needs no rebuild and a long list is never fully sorted.
 */
export class DueIndex {
	private paths: string[] = [];
	private firstDays = new Int32Array(0);
	private masks = new Uint8Array(0);
	private stages = new Int8Array(0);
	private dueDays = new Int32Array(0);
	private subjects: (string | null)[] = [];
	private used = 0;
	private live = 0;
	private readonly free: number[] = [];
	private slotOf: Map<string, number> | null = null;
	private snoozes: ReadonlyMap<string, IndexSnooze> = new Map();

	private readonly stageDays: number[];
	private readonly checkboxKeys: readonly string[];
	private readonly firstKey: string;
	/** The first-study key in canonical form, made once: most notes are looked up by it (see lookupKey). */
	private readonly firstKeyCanonical: string;
	private readonly subjectKey: string | null;

	constructor(config: Pick<ReviewConfig, 'stages' | 'checkboxKeys' | 'firstStudyKey' | 'subjectKey'>) {
		if (config.stages.length > 8) throw new RangeError('The due index holds at most 8 stages');
		this.stageDays = config.stages.map((s) => s.days);
		this.checkboxKeys = config.stages.map((s) => config.checkboxKeys.get(s.id) ?? '');
		this.firstKey = config.firstStudyKey;
		this.firstKeyCanonical = canonicalKey(config.firstStudyKey);
		this.subjectKey = config.subjectKey;
	}

	/**
	 * Reviews put off by the learner, by path. A snooze holds only while its stage is the note's current
	 * one and its day is still ahead: it hides the review from the sections and the counts and moves it
	 * in the forecast to the day it comes back. The note's schedule is untouched.
	 */
	setSnoozes(snoozes: ReadonlyMap<string, IndexSnooze>): void {
		this.snoozes = snoozes;
	}

	has(path: string): boolean {
		return this.slots().has(path);
	}

	get size(): number {
		return this.live;
	}

	/** Replaces the whole index. */
	build(notes: Iterable<readonly [string, Frontmatter]>): void {
		const expected = Array.isArray(notes) ? notes.length : 1024;
		// Rebuilds (day rollover, settings) reuse the arrays when they are large enough.
		// Entries past `used` are never read, so old ones can stay until overwritten.
		if (this.firstDays.length < expected) {
			this.allocate(expected);
			this.paths = new Array<string>(expected);
			this.subjects = new Array<string | null>(expected);
		}
		this.used = 0;
		this.live = 0;
		this.free.length = 0;
		this.slotOf = null;
		for (const [path, frontmatter] of notes) {
			if (this.used === this.firstDays.length) this.grow();
			if (this.readInto(this.used, path, frontmatter)) {
				this.used++;
				this.live++;
			}
		}
	}

	/** A note's frontmatter changed (or it appeared). Returns whether the index changed. */
	update(path: string, frontmatter: Frontmatter): boolean {
		const slots = this.slots();
		const existing = slots.get(path);
		const slot = existing ?? this.takeSlot();
		const before = existing === undefined ? null : this.noteAt(existing);
		if (!this.readInto(slot, path, frontmatter)) {
			if (existing === undefined) {
				this.free.push(slot);
				return false;
			}
			return this.remove(path);
		}
		if (existing === undefined) {
			slots.set(path, slot);
			this.live++;
			return true;
		}
		const after = this.noteAt(slot);
		return before?.firstDay !== after.firstDay || before.doneMask !== after.doneMask || before.subject !== after.subject;
	}

	remove(path: string): boolean {
		const slots = this.slots();
		const slot = slots.get(path);
		if (slot === undefined) return false;
		slots.delete(path);
		this.clearSlot(slot);
		return true;
	}

	rename(oldPath: string, newPath: string): boolean {
		const slots = this.slots();
		const slot = slots.get(oldPath);
		if (slot === undefined) return false;
		const displaced = slots.get(newPath);
		if (displaced !== undefined) this.clearSlot(displaced);
		slots.delete(oldPath);
		slots.set(newPath, slot);
		this.paths[slot] = newPath;
		return true;
	}

	/** Every indexed note (for tests and tools; the view asks for a snapshot). */
	entries(): IndexedNote[] {
		const notes: IndexedNote[] = [];
		for (let slot = 0; slot < this.used; slot++) if (this.paths[slot] !== '') notes.push(this.noteAt(slot));
		return notes;
	}

	/** How many reviews are overdue, due today and upcoming within `horizon` days: a snapshot with no rows. */
	counts(today: Date | number, horizon = UPCOMING_DAYS): DueCounts {
		return this.snapshot(today, { horizon, limits: { overdue: 0, dueToday: 0, upcoming: 0 } }).counts;
	}

	/** Overdue, due today, and upcoming within the horizon, each sorted by due day then path. */
	snapshot(today: Date | number, options: SnapshotOptions = {}): DueSnapshot {
		const { horizon = UPCOMING_DAYS, forecastDays = FORECAST_DAYS, limits = {} } = options;
		const day = typeof today === 'number' ? today : dayNumberOf(today);
		const sections = { overdue: new TopK(this, limits.overdue), dueToday: new TopK(this, limits.dueToday), upcoming: new TopK(this, limits.upcoming) };
		const forecast = new Array<number>(forecastDays).fill(0);
		const due = this.dueDays;
		const anySnoozed = this.snoozes.size > 0;
		const reach = Math.max(horizon + 1, forecastDays);
		for (let slot = 0; slot < this.used; slot++) {
			if (this.paths[slot] === '' || due[slot] === NOT_DUE) continue;
			let ahead = due[slot]! - day;
			if (anySnoozed && ahead < reach) {
				const until = this.snoozedUntil(slot, day);
				if (until !== null) {
					ahead = until - day;
					if (ahead < forecastDays) forecast[ahead] = (forecast[ahead] ?? 0) + 1;
					continue;
				}
			}
			if (ahead < 0) sections.overdue.offer(slot);
			else if (ahead === 0) sections.dueToday.offer(slot);
			else if (ahead <= horizon) sections.upcoming.offer(slot);
			if (ahead < forecastDays) {
				const index = ahead < 0 ? 0 : ahead;
				forecast[index] = (forecast[index] ?? 0) + 1;
			}
		}
		return {
			today: day,
			overdue: sections.overdue.sorted(),
			dueToday: sections.dueToday.sorted(),
			upcoming: sections.upcoming.sorted(),
			counts: { overdue: sections.overdue.count, dueToday: sections.dueToday.count, upcoming: sections.upcoming.count },
			forecast,
		};
	}

	/** Orders two slots by due day, then path. */
	compare(a: number, b: number): number {
		const byDay = this.dueDays[a]! - this.dueDays[b]!;
		if (byDay !== 0) return byDay;
		const pa = this.paths[a]!;
		const pb = this.paths[b]!;
		return pa < pb ? -1 : pa > pb ? 1 : 0;
	}

	noteAt(slot: number): IndexedNote {
		const due = this.dueDays[slot]!;
		const note: IndexedNote = {
			path: this.paths[slot] ?? '',
			firstDay: this.firstDays[slot]!,
			doneMask: this.masks[slot]!,
			stage: this.stages[slot]!,
			dueDay: due === NOT_DUE ? Infinity : due,
			subject: this.subjects[slot] ?? null,
		};
		const snooze = this.snoozes.get(note.path);
		if (snooze && snooze.stage === note.stage) note.snoozedUntil = snooze.until;
		return note;
	}

	/** The day a slot's current review comes back, when it is snoozed past today and past its due day; else null. */
	private snoozedUntil(slot: number, today: number): number | null {
		const snooze = this.snoozes.get(this.paths[slot]!);
		return snooze && snooze.stage === this.stages[slot] && snooze.until > today && snooze.until > this.dueDays[slot]! ? snooze.until : null;
	}

	/** Fills the index from schedules already read (the CLI reads notes itself, not frontmatter objects). */
	buildFromSchedules(notes: Iterable<{ path: string; firstDay: number; doneMask: number }>): void {
		this.build([]);
		for (const note of notes) {
			if (this.used === this.firstDays.length) this.grow();
			this.fill(this.used++, note.path, note.firstDay, note.doneMask, null);
			this.live++;
		}
	}

	/** Reads a frontmatter object into a slot; false (slot untouched) for anything not a valid review note. */
	private readInto(slot: number, path: string, frontmatter: Frontmatter): boolean {
		if (!frontmatter) return false;
		// lookupKey also finds the key spelled another way (U+FE0F, decomposed Hangul).
		const firstDay = readDay(lookupKey(frontmatter, this.firstKey, this.firstKeyCanonical));
		if (firstDay === null) return false;
		let mask = this.readMask(frontmatter);
		if (mask === MISSING_KEY) mask = this.readMaskByCanonicalKeys(frontmatter);
		if (mask < 0) return false;
		const subject = this.subjectKey === null ? undefined : frontmatter[this.subjectKey];
		this.fill(slot, path, firstDay, mask, typeof subject === 'string' && subject !== '' ? subject : null);
		return true;
	}

	private fill(slot: number, path: string, firstDay: number, mask: number, subject: string | null): void {
		const stage = currentStageIndex(mask, this.stageDays.length);
		this.paths[slot] = path;
		this.firstDays[slot] = firstDay;
		this.masks[slot] = mask;
		this.stages[slot] = stage;
		this.dueDays[slot] = stage < 0 ? NOT_DUE : dueDayOf(firstDay, { days: this.stageDays[stage]! });
		this.subjects[slot] = subject;
	}

	/**
	 * The checkboxes as a bit mask, or -1 when one holds something other than true/false. Unrolled on
	 * purpose: each `frontmatter[kN]` is its own property-load site that only ever sees one key, so V8
	 * keeps it monomorphic; a loop over the keys makes one megamorphic site and costs several times more
	 * over 100,000 notes.
	 */
	private readMask(frontmatter: Record<string, unknown>): number {
		const [k0, k1, k2, k3, k4, k5, k6, k7] = this.checkboxKeys;
		const n = this.checkboxKeys.length;
		let mask = 0;
		let bit: number;
		if (n > 0 && (bit = checkbox(frontmatter[k0!])) !== 0) mask = bit < 0 ? bit : mask | 1;
		if (n > 1 && mask >= 0 && (bit = checkbox(frontmatter[k1!])) !== 0) mask = bit < 0 ? bit : mask | 2;
		if (n > 2 && mask >= 0 && (bit = checkbox(frontmatter[k2!])) !== 0) mask = bit < 0 ? bit : mask | 4;
		if (n > 3 && mask >= 0 && (bit = checkbox(frontmatter[k3!])) !== 0) mask = bit < 0 ? bit : mask | 8;
		if (n > 4 && mask >= 0 && (bit = checkbox(frontmatter[k4!])) !== 0) mask = bit < 0 ? bit : mask | 16;
		if (n > 5 && mask >= 0 && (bit = checkbox(frontmatter[k5!])) !== 0) mask = bit < 0 ? bit : mask | 32;
		if (n > 6 && mask >= 0 && (bit = checkbox(frontmatter[k6!])) !== 0) mask = bit < 0 ? bit : mask | 64;
		if (n > 7 && mask >= 0 && (bit = checkbox(frontmatter[k7!])) !== 0) mask = bit < 0 ? bit : mask | 128;
		return mask;
	}

	/** The slow path for a note with a checkbox key missing as spelled: every key compared canonically. */
	private readMaskByCanonicalKeys(frontmatter: Record<string, unknown>): number {
		let mask = 0;
		for (let i = 0; i < this.checkboxKeys.length; i++) {
			const bit = checkbox(lookupKey(frontmatter, this.checkboxKeys[i] ?? ''));
			if (bit === INVALID) return INVALID;
			if (bit === 1) mask |= 1 << i;
		}
		return mask;
	}

	/** Makes the path → slot table now (the plugin does it when idle after a build), so no edit waits for it. */
	prepareForUpdates(): void {
		this.slots();
	}

	/** The path → slot table, made on first need (see the class comment). */
	private slots(): Map<string, number> {
		if (this.slotOf) return this.slotOf;
		const map = new Map<string, number>();
		for (let slot = 0; slot < this.used; slot++) {
			const path = this.paths[slot];
			if (path) map.set(path, slot);
		}
		this.slotOf = map;
		return map;
	}

	private takeSlot(): number {
		const reused = this.free.pop();
		if (reused !== undefined) return reused;
		if (this.used === this.firstDays.length) this.grow();
		const slot = this.used++;
		this.paths[slot] = '';
		this.dueDays[slot] = NOT_DUE;
		return slot;
	}

	private clearSlot(slot: number): void {
		this.paths[slot] = '';
		this.subjects[slot] = null;
		this.dueDays[slot] = NOT_DUE;
		this.free.push(slot);
		this.live--;
	}

	private allocate(capacity: number): void {
		this.firstDays = new Int32Array(capacity);
		this.masks = new Uint8Array(capacity);
		this.stages = new Int8Array(capacity);
		this.dueDays = new Int32Array(capacity);
	}

	private grow(): void {
		const capacity = Math.max(1024, this.firstDays.length * 2);
		this.firstDays = grownCopy(this.firstDays, capacity);
		this.masks = grownCopy(this.masks, capacity);
		this.stages = grownCopy(this.stages, capacity);
		this.dueDays = grownCopy(this.dueDays, capacity);
	}
}

/**
 * The k smallest slots of a section (by due day, then path) in a bounded max-heap, and the section's
 * full count. A section of 50,000 notes asked for 100 rows costs 50,000 offers, not a 50,000-item sort.
 */
class TopK {
	count = 0;
	private readonly heap: number[] = [];

	constructor(
		private readonly index: DueIndex,
		private readonly limit = Infinity,
	) {}

	offer(slot: number): void {
		this.count++;
		const heap = this.heap;
		if (heap.length < this.limit) {
			heap.push(slot);
			this.siftUp(heap.length - 1);
		} else if (this.limit > 0 && this.index.compare(slot, heap[0]!) < 0) {
			heap[0] = slot;
			this.siftDown(0);
		}
	}

	sorted(): IndexedNote[] {
		return [...this.heap].sort((a, b) => this.index.compare(a, b)).map((slot) => this.index.noteAt(slot));
	}

	private siftUp(at: number): void {
		const heap = this.heap;
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (this.index.compare(heap[at]!, heap[parent]!) <= 0) return;
			[heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
			at = parent;
		}
	}

	private siftDown(at: number): void {
		const heap = this.heap;
		for (;;) {
			const left = 2 * at + 1;
			const right = left + 1;
			let largest = at;
			if (left < heap.length && this.index.compare(heap[left]!, heap[largest]!) > 0) largest = left;
			if (right < heap.length && this.index.compare(heap[right]!, heap[largest]!) > 0) largest = right;
			if (largest === at) return;
			[heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
			at = largest;
		}
	}
}

/** 1 ticked, 0 unticked (missing, empty, false), -1 anything else: the engine's checkbox rules. */
/** checkbox(): not true/false. readMask(): a key absent as spelled, so look again by canonical keys. */
const INVALID = -1;
const MISSING_KEY = -2;

function checkbox(value: unknown): number {
	if (value === true || value === 'true') return 1;
	if (value === null || value === false || value === 'false') return 0;
	if (value === undefined) return MISSING_KEY;
	return INVALID;
}


/** The same rules as the engine's input reader, with a fast path for the everyday form. */
function readDay(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const fast = fastDayNumber(value);
	if (fast !== null) return fast;
	const parsed = parseCalendarDate(value);
	return parsed.ok ? dayNumberOf(parsed.date) : null;
}
