import { currentStageIndex, dayNumberOf, dueDayOf, FORECAST_DAYS, grownCopy, UPCOMING_DAYS } from '../schedule';
import type { ReviewConfig } from '../config';
import type { DueCounts, DueSnapshot, Frontmatter, IndexedNote, IndexSnooze, SnapshotOptions } from './due-types';
import { ReviewFieldReader } from './review-field-reader';
import { FacetCounter, type FacetCount, frontmatterTags, noteMatcher, type NoteMatcher, type ReviewFilter } from '../filter';
import { TopK } from './top-k';

/** The sections in the order `place` numbers them. */
const SECTIONS = ['overdue', 'dueToday', 'upcoming'] as const satisfies readonly (keyof DueCounts)[];

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
	/**
	 * Each note's tags as the frontmatter holds them (the value itself, not a copy: reading and
	 * splitting 100,000 notes' tags in a build cost ten times the build), with the inline ones when it
	 * has any; null for none. Read into names when a filter or its choices need them (tagsAt).
	 */
	private tags: unknown[] = [];
	/** Tag values already read into names, by their text: a vault's notes share a few tag lists. */
	private readonly tagNames = new Map<string, readonly string[]>();
	private used = 0;
	private live = 0;
	private readonly free: number[] = [];
	private slotOf: Map<string, number> | null = null;
	private snoozes: ReadonlyMap<string, IndexSnooze> = new Map();
	private revision = 0;

	private readonly stageDays: number[];
	private readonly reader: ReviewFieldReader;

	constructor(config: Pick<ReviewConfig, 'stages' | 'checkboxKeys' | 'firstStudyKey' | 'subjectKey'>) {
		if (config.stages.length > 8) throw new RangeError('The due index holds at most 8 stages');
		this.stageDays = config.stages.map((s) => s.days);
		this.reader = new ReviewFieldReader(config);
	}

	/**
	 * Reviews put off by the learner, by path. A snooze holds only while its stage is the note's current
	 * one and its day is still ahead: it hides the review from the sections and the counts and moves it
	 * in the forecast to the day it comes back. The note's schedule is untouched.
	 */
	setSnoozes(snoozes: ReadonlyMap<string, IndexSnooze>): void {
		this.snoozes = snoozes;
		this.revision++;
	}

	/** Counts the calls that may have changed the index: an answer worked out at one count holds while it stays. */
	get changes(): number {
		return this.revision;
	}

	has(path: string): boolean {
		return this.slots().has(path);
	}

	get size(): number {
		return this.live;
	}

	/** One note as indexed, or null when the path is not an indexed review note. */
	get(path: string): IndexedNote | null {
		const slot = this.slots().get(path);
		return slot === undefined ? null : this.noteAt(slot);
	}

	/** Replaces the whole index. Each note may come with its inline tags (the frontmatter's are read here). */
	build(notes: Iterable<readonly [string, Frontmatter] | readonly [string, Frontmatter, readonly string[] | null]>): void {
		this.revision++;
		const expected = Array.isArray(notes) ? notes.length : 1024;
		// Rebuilds (day rollover, settings) reuse the arrays when they are large enough.
		// Entries past `used` are never read, so old ones can stay until overwritten.
		if (this.firstDays.length < expected) {
			this.allocate(expected);
			this.paths = new Array<string>(expected);
			this.subjects = new Array<string | null>(expected);
			this.tags = new Array<unknown>(expected);
		}
		this.used = 0;
		this.live = 0;
		this.free.length = 0;
		this.slotOf = null;
		for (const [path, frontmatter, inline] of notes) {
			if (this.used === this.firstDays.length) this.grow();
			if (this.readInto(this.used, path, frontmatter, inline)) {
				this.used++;
				this.live++;
			}
		}
	}

	/** A note's frontmatter changed (or it appeared). Returns whether the index changed. */
	update(path: string, frontmatter: Frontmatter, inlineTags: readonly string[] | null = null): boolean {
		this.revision++;
		const slots = this.slots();
		const existing = slots.get(path);
		const slot = existing ?? this.takeSlot();
		// What the lists show of the note before, read from the columns (no object, no tag names made).
		const before = existing === undefined ? null : { firstDay: this.firstDays[existing], mask: this.masks[existing], subject: this.subjects[existing], tags: this.tags[existing] };
		if (!this.readInto(slot, path, frontmatter, inlineTags)) {
			if (existing === undefined) {
				this.free.push(slot);
				return false;
			}
			return this.remove(path);
		}
		if (existing === undefined || before === null) {
			slots.set(path, slot);
			this.live++;
			return true;
		}
		return before.firstDay !== this.firstDays[slot] || before.mask !== this.masks[slot] || before.subject !== this.subjects[slot] || !sameTagValue(before.tags, this.tags[slot]);
	}

	remove(path: string): boolean {
		this.revision++;
		const slots = this.slots();
		const slot = slots.get(path);
		if (slot === undefined) return false;
		slots.delete(path);
		this.clearSlot(slot);
		return true;
	}

	rename(oldPath: string, newPath: string): boolean {
		this.revision++;
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
		const matches = this.slotMatcher(options.filter ?? []);
		const compare = (a: number, b: number) => this.compare(a, b);
		const sections = SECTIONS.map((section) => new TopK(compare, limits[section]));
		const forecast = new Array<number>(forecastDays).fill(0);
		const due = this.dueDays;
		const reach = this.snoozes.size > 0 ? Math.max(horizon + 1, forecastDays) : -Infinity;
		for (let slot = 0; slot < this.used; slot++) {
			if (this.paths[slot] === '' || due[slot] === NOT_DUE || (matches && !matches(slot))) continue;
			const section = this.place(slot, day, horizon, reach, forecast);
			if (section >= 0) sections[section]!.offer(slot);
		}
		const [overdue, dueToday, upcoming] = sections as [TopK, TopK, TopK];
		return {
			today: day,
			overdue: overdue.sorted().map((slot) => this.noteAt(slot)),
			dueToday: dueToday.sorted().map((slot) => this.noteAt(slot)),
			upcoming: upcoming.sorted().map((slot) => this.noteAt(slot)),
			counts: { overdue: overdue.count, dueToday: dueToday.count, upcoming: upcoming.count },
			forecast,
		};
	}

	/**
	 * Every subject, folder and tag of the indexed notes with how many notes have it and how many of
	 * those are due now (today or overdue, not snoozed): the due list's filter choices.
	 */
	facets(today: Date | number): FacetCount[] {
		const day = typeof today === 'number' ? today : dayNumberOf(today);
		const reach = this.snoozes.size > 0 ? 1 : -Infinity;
		const none: number[] = [];
		const counter = new FacetCounter();
		for (let slot = 0; slot < this.used; slot++) {
			const path = this.paths[slot];
			if (!path) continue;
			const due = this.dueDays[slot] !== NOT_DUE && this.place(slot, day, 0, reach, none) >= 0;
			counter.add(path, this.subjects[slot] ?? null, this.tagsAt(slot), due);
		}
		return counter.counts();
	}

	/** A filter as a test of slots; null for no filter (every note). */
	private slotMatcher(filter: ReviewFilter): ((slot: number) => boolean) | null {
		const matcher: NoteMatcher | null = noteMatcher(filter);
		if (!matcher) return null;
		const note = { path: '', subject: null as string | null, tags: null as readonly string[] | null };
		return (slot) => {
			note.path = this.paths[slot]!;
			note.subject = this.subjects[slot] ?? null;
			note.tags = this.tagsAt(slot);
			return matcher(note);
		};
	}

	/**
	 * The same sections for the given notes only, each in the order given (a base's own sorting), cut to
	 * the limits; paths that are not review notes are left out.
	 */
	snapshotOf(paths: Iterable<string>, today: Date | number, options: SnapshotOptions = {}): DueSnapshot {
		const { horizon = UPCOMING_DAYS, forecastDays = FORECAST_DAYS, limits = {} } = options;
		const day = typeof today === 'number' ? today : dayNumberOf(today);
		const snapshot: DueSnapshot = { today: day, overdue: [], dueToday: [], upcoming: [], counts: { overdue: 0, dueToday: 0, upcoming: 0 }, forecast: new Array<number>(forecastDays).fill(0) };
		const reach = this.snoozes.size > 0 ? Math.max(horizon + 1, forecastDays) : -Infinity;
		const slots = this.slots();
		for (const path of paths) {
			const slot = slots.get(path);
			if (slot === undefined || this.dueDays[slot] === NOT_DUE) continue;
			const section = SECTIONS[this.place(slot, day, horizon, reach, snapshot.forecast)];
			if (section === undefined) continue;
			if (snapshot.counts[section]++ < (limits[section] ?? Infinity)) snapshot[section].push(this.noteAt(slot));
		}
		return snapshot;
	}

	/**
	 * One due note's section on `day` as an index into SECTIONS (-1: beyond the horizon, or snoozed),
	 * counted into `forecast`. Snoozes are looked up only for notes due before `reach` (-Infinity when
	 * there are none): the one rule for the due list, its counts and a base's rows.
	 */
	private place(slot: number, day: number, horizon: number, reach: number, forecast: number[]): number {
		let ahead = this.dueDays[slot]! - day;
		if (ahead < reach) {
			const until = this.snoozedUntil(slot, day);
			if (until !== null) {
				ahead = until - day;
				if (ahead < forecast.length) forecast[ahead] = (forecast[ahead] ?? 0) + 1;
				return -1;
			}
		}
		if (ahead < forecast.length) {
			const index = ahead < 0 ? 0 : ahead;
			forecast[index] = (forecast[index] ?? 0) + 1;
		}
		return ahead < 0 ? 0 : ahead === 0 ? 1 : ahead <= horizon ? 2 : -1;
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
		const tags = this.tagsAt(slot);
		if (tags) note.tags = tags;
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
	buildFromSchedules(notes: Iterable<{ path: string; firstDay: number; doneMask: number; subject?: string | null; tags?: readonly string[] | null }>): void {
		this.build([]);
		for (const note of notes) {
			if (this.used === this.firstDays.length) this.grow();
			this.fill(this.used, note.path, note.firstDay, note.doneMask, note.subject ?? null);
			this.tags[this.used++] = note.tags && note.tags.length > 0 ? note.tags : null;
			this.live++;
		}
	}

	/** Reads a frontmatter object into a slot; false (slot untouched) for anything not a valid review note. */
	private readInto(slot: number, path: string, frontmatter: Frontmatter, inlineTags: readonly string[] | null | undefined): boolean {
		if (!frontmatter) return false;
		const reader = this.reader;
		const firstDay = reader.firstDay(frontmatter);
		if (firstDay === null) return false;
		const mask = reader.doneMask(frontmatter);
		if (mask < 0) return false;
		this.fill(slot, path, firstDay, mask, reader.subject(frontmatter));
		// One property read, no copy: see `tags`.
		const written = frontmatter.tags ?? frontmatter.tag ?? null;
		this.tags[slot] = inlineTags && inlineTags.length > 0 ? { written, inline: inlineTags } : written;
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
		this.tags[slot] = null;
	}

	/** A slot's tag names without '#': its frontmatter's and inline ones; null for none. */
	private tagsAt(slot: number): readonly string[] | null {
		const value = this.tags[slot];
		if (value === null || value === undefined) return null;
		const { written, inline } = isWithInline(value) ? value : { written: value, inline: null };
		const own = this.namesOf(written);
		if (!inline) return own;
		const more = inline.map((tag) => tag.replace(/^#/, ''));
		return own ? [...own, ...more] : more;
	}

	/** A frontmatter tags value (a list or a string) as names, read once per distinct text. */
	private namesOf(written: unknown): readonly string[] | null {
		if (written === null || written === undefined) return null;
		const plain = typeof written === 'string' || (Array.isArray(written) && written.every((item) => typeof item === 'string'));
		if (!plain) return orNull(frontmatterTags(written));
		const text = typeof written === 'string' ? written : written.join(',');
		let names = this.tagNames.get(text);
		if (!names) this.tagNames.set(text, (names = frontmatterTags(written)));
		return orNull(names);
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
		this.tags[slot] = null;
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

/** A slot's tags when the note also has inline ones (the plugin hands those in from Obsidian's cache). */
interface WithInline {
	written: unknown;
	inline: readonly string[];
}

function isWithInline(value: unknown): value is WithInline {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'inline' in value;
}

/** Whether two stored tag values say the same (Obsidian's cache gives a new list with every change). */
function sameTagValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	const text = (v: unknown): string => (isWithInline(v) ? `${written(v.written)}\u0000${v.inline.join(',')}` : written(v));
	// A frontmatter value is JSON-like (strings, numbers, lists, maps): its JSON says what it holds.
	const written = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
	return text(a) === text(b);
}

const orNull = (names: readonly string[]) => (names.length === 0 ? null : names);
