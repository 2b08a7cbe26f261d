import { dayNumberOf, fastDayNumber } from './day-numbers';
import { parseCalendarDate } from './dates';
import type { ReviewConfig } from './settings';
import type { Stage } from './stages';

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
}

export interface DueSnapshot {
	today: number;
	overdue: IndexedNote[];
	dueToday: IndexedNote[];
	upcoming: IndexedNote[];
	/** Reviews due on each of the next days, today first (overdue ones count on today). */
	forecast: number[];
}

export type Frontmatter = Record<string, unknown> | null | undefined;

/**
 * Which notes are due, kept from frontmatter objects as Obsidian's metadata cache holds them (never by
 * reading files). Built once, then updated per changed, deleted or renamed note; asking for today's
 * sections is a pass over the entries, so the day rollover needs no rebuild.
 */
export class DueIndex {
	readonly notes = new Map<string, IndexedNote>();
	private readonly stageDays: number[];
	private readonly checkboxKeys: string[];
	private readonly firstKey: string;

	private readonly subjectKey: string | null;

	constructor(config: Pick<ReviewConfig, 'stages' | 'checkboxKeys' | 'firstStudyKey' | 'subjectKey'>) {
		this.stageDays = config.stages.map((s: Stage) => s.days);
		this.checkboxKeys = config.stages.map((s) => config.checkboxKeys.get(s.id) ?? '');
		this.firstKey = config.firstStudyKey;
		this.subjectKey = config.subjectKey;
	}

	/** Replaces the whole index. */
	build(notes: Iterable<readonly [string, Frontmatter]>): void {
		this.notes.clear();
		for (const [path, frontmatter] of notes) {
			const note = this.read(path, frontmatter);
			if (note) this.notes.set(path, note);
		}
	}

	/** A note's frontmatter changed (or it appeared). Returns whether the index changed. */
	update(path: string, frontmatter: Frontmatter): boolean {
		const note = this.read(path, frontmatter);
		const old = this.notes.get(path);
		if (!note) return this.notes.delete(path);
		if (old && sameNote(old, note)) return false;
		this.notes.set(path, note);
		return true;
	}

	remove(path: string): boolean {
		return this.notes.delete(path);
	}

	rename(oldPath: string, newPath: string): boolean {
		const note = this.notes.get(oldPath);
		if (!note) return false;
		this.notes.delete(oldPath);
		this.notes.set(newPath, { ...note, path: newPath });
		return true;
	}

	/** Overdue, due today, and upcoming within `horizon` days, each sorted by due day then path. */
	snapshot(today: Date | number, horizon = 7, forecastDays = 14): DueSnapshot {
		const day = typeof today === 'number' ? today : dayNumberOf(today);
		const overdue: IndexedNote[] = [];
		const dueToday: IndexedNote[] = [];
		const upcoming: IndexedNote[] = [];
		const forecast = new Array<number>(forecastDays).fill(0);
		for (const note of this.notes.values()) {
			const ahead = note.dueDay - day;
			if (ahead < 0) overdue.push(note);
			else if (ahead === 0) dueToday.push(note);
			else if (ahead <= horizon) upcoming.push(note);
			if (ahead < forecastDays) {
				const slot = Math.max(0, ahead);
				forecast[slot] = (forecast[slot] ?? 0) + 1;
			}
		}
		for (const list of [overdue, dueToday, upcoming]) list.sort(byDueThenPath);
		return { today: day, overdue, dueToday, upcoming, forecast };
	}

	/** Reduces a frontmatter object to the note's schedule; null for anything that is not a valid review note. */
	private read(path: string, frontmatter: Frontmatter): IndexedNote | null {
		if (!frontmatter) return null;
		const firstDay = readDay(frontmatter[this.firstKey]);
		if (firstDay === null) return null;
		let doneMask = 0;
		let stage = -1;
		const keys = this.checkboxKeys;
		for (let i = 0; i < keys.length; i++) {
			const value = frontmatter[keys[i] ?? ''];
			if (value === true || value === 'true') doneMask |= 1 << i;
			else if (value === undefined || value === null || value === false || value === 'false') {
				if (stage < 0) stage = i;
			} else return null;
		}
		const dueDay = stage < 0 ? Infinity : firstDay + (this.stageDays[stage] ?? 0);
		const subjectValue = this.subjectKey === null ? undefined : frontmatter[this.subjectKey];
		const subject = typeof subjectValue === 'string' && subjectValue !== '' ? subjectValue : null;
		return { path, firstDay, doneMask, stage, dueDay, subject };
	}
}

/** The same rules as the engine's input reader, with a fast path for the everyday form. */
function readDay(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const fast = fastDayNumber(value);
	if (fast !== null) return fast;
	const parsed = parseCalendarDate(value);
	return parsed.ok ? dayNumberOf(parsed.date) : null;
}

function sameNote(a: IndexedNote, b: IndexedNote): boolean {
	return a.firstDay === b.firstDay && a.doneMask === b.doneMask && a.subject === b.subject;
}

function byDueThenPath(a: IndexedNote, b: IndexedNote): number {
	return a.dueDay - b.dueDay || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
