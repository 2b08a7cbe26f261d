import { currentStageIndex, dueDayOf, isoOfDayNumber, isStageDone, REMINDER_DAYS, type Stage } from '../schedule';
import { type CalendarEvent, writeCalendar } from './ical';
import type { CalendarMode, ReviewConfig } from '../config';
import { dayLink } from './day-link';
import { facetKey } from '../filter';
import { noteTitle } from './note-title';
import { localTimeZone } from './time-zone';

/** The words of a daily event, in the learner's language (src/locale). */
export interface DayWords {
	/** The event's title: "14 reviews", "복습 14개". */
	title: (count: number) => string;
	/** The line after the notes listed when there are more: "and 6 more", "외 6개". */
	more: (count: number) => string;
	/** The line above the day's link: "Start these reviews". */
	start: string;
	/** The heading of the notes without a subject, when others have one: "Other notes", "기타 노트". */
	noSubject: string;
}

/** How many notes a day's event names; the rest are counted ("and N more"), keeping it under Google's ~8 KB. */
export const DAY_NOTES_LISTED = 20;
/** A daily event's length: a slot in the day view, not free/busy (TRANSP:TRANSPARENT). */
const DAY_EVENT_MINUTES = 15;

/** One review note as the calendar needs it: where it is, and its schedule as day numbers. */
export interface CalendarNote {
	path: string;
	firstDay: number;
	/** Bit i set: stage i is done. */
	doneMask: number;
	/** The current review is snoozed until this day number: its event moves there. */
	snoozedUntil?: number;
	/** The note's subject: a day's notes are listed under their subjects. */
	subject?: string | null;
}

export interface ReviewCalendarOptions {
	today: number;
	now: Date;
	vaultName: string;
	/** Minutes after midnight when the alarm rings (09:00 → 540); null for none. */
	reminderMinutes: number | null;
	calendarName?: string;
	/** How a stage is named in an event's summary, e.g. "4-day review" (src/locale/stages.ts). */
	stageName: (stage: Stage) => string;
	/** Daily (the settings' default) or one event per review; absent: per review. */
	mode?: CalendarMode;
	/** A daily event's words; needed in daily mode. */
	dayWords?: DayWords;
	/** The zone of the reminder time (an IANA name); absent: this device's. */
	timeZone?: string;
}


/**
 * The review calendar: one all-day event per review not yet done, on its due day; a review already
 * overdue is put on today, so the phone still reminds; a snoozed one on the day it comes back. UIDs are stable per (vault, note, stage), so importing a
 * newer export updates events instead of duplicating them.
 */
export function reviewCalendar(notes: readonly CalendarNote[], config: ReviewConfig, options: ReviewCalendarOptions): string {
	return writeCalendar(calendarEvents(notes, config, options), { name: options.calendarName ?? 'Forgetting Curve', stamp: utcStamp(options.now) });
}

/** The events of the calendar in the options' mode. */
export function calendarEvents(notes: readonly CalendarNote[], config: ReviewConfig, options: Omit<ReviewCalendarOptions, 'now' | 'calendarName'>): CalendarEvent[] {
	return options.mode === 'daily' ? dailyEvents(notes, config, options) : reviewEvents(notes, config, options);
}

/** A note's current review as the reminder places it. */
interface DayReview {
	path: string;
	stage: Stage;
	/** The day it was due; the reminder's day is this or later. */
	due: number;
	subject: string | null;
}

/** Orders by path, as the due list breaks ties. */
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Each note's current review on its reminder's day, grouped by day, each day most overdue first then
 * by path (the due list's order): an overdue review on today, a snoozed one on the day it comes back,
 * nothing after `lastDay`. The one rule behind the daily events and what a day's link opens.
 */
function reviewDays(notes: readonly CalendarNote[], config: ReviewConfig, today: number, lastDay: number): Map<number, DayReview[]> {
	const days = new Map<number, DayReview[]>();
	for (const note of notes) {
		const stage = config.stages[currentStageIndex(note.doneMask, config.stages.length)];
		if (!stage) continue;
		const due = dueDayOf(note.firstDay, stage);
		const day = Math.max(due, today, note.snoozedUntil ?? -Infinity);
		if (day > lastDay) continue;
		const list = days.get(day) ?? [];
		list.push({ path: note.path, stage, due, subject: note.subject ?? null });
		days.set(day, list);
	}
	for (const list of days.values()) list.sort((a, b) => a.due - b.due || byPath(a, b));
	return days;
}

/** The notes whose reminder falls on `day`: what the day's link opens. */
export function notesOnDay(notes: readonly CalendarNote[], config: ReviewConfig, today: number, day: number): string[] {
	return (reviewDays(notes, config, today, day).get(day) ?? []).map((review) => review.path);
}

/**
 * The daily reminder: one event per day that has reviews, today to REMINDER_DAYS ahead, counting notes
 * as the due list does (reviewDays). Its title counts them, its description names them with their
 * links (the first DAY_NOTES_LISTED) under the day's link, its URL is the day's link, and it rings
 * once, at the reminder time: a timed event in the learner's zone with TRIGGER at its start (the
 * portable form; an all-day event's positive offset is Apple's convention only). With the reminder
 * off, the events are all-day and silent. The UID is the vault's and the day's: marking a review done
 * changes the day's event in place, and a day with nothing left loses its event.
 */
export function dailyEvents(notes: readonly CalendarNote[], config: ReviewConfig, options: Omit<ReviewCalendarOptions, 'now' | 'calendarName'>): CalendarEvent[] {
	const words = options.dayWords;
	if (!words) throw new Error('dailyEvents needs the day words');
	const vault = vaultTag(options.vaultName);
	const zone = options.timeZone ?? localTimeZone();
	const minutes = options.reminderMinutes;
	const days = reviewDays(notes, config, options.today, options.today + REMINDER_DAYS);
	return [...days]
		.sort(([a], [b]) => a - b)
		.map(([day, list]) => {
			const link = dayLink(options.vaultName, isoOfDayNumber(day));
			const line = (n: DayReview) => `• ${noteTitle(n.path)} · ${options.stageName(n.stage)}\n  ${noteLink(options.vaultName, n.path)}`;
			const rest = list.length - DAY_NOTES_LISTED;
			const description = [`${words.start}: ${link}`, '', ...bySubject(list, words.noSubject, line), ...(rest > 0 ? [words.more(rest)] : [])].join('\n');
			return {
				uid: `${vault}.day-${basicDate(day)}${EVENT_UID_SUFFIX}`,
				day: basicDate(day),
				nextDay: basicDate(day + 1),
				summary: words.title(list.length),
				description,
				url: link,
				...(minutes === null ? {} : { time: { minutes, durationMinutes: DAY_EVENT_MINUTES, zone } }),
				alarmMinutes: minutes === null ? null : 0,
			};
		});
}

/**
 * A day's first DAY_NOTES_LISTED notes as lines, under a heading per subject ("쿠버네티스 (3)", the
 * count of the day's notes in it) when any has one: the subjects with the most notes first, notes
 * without one last. Spellings of one subject (NFC/NFD, case) are one heading, as in the filter.
 */
function bySubject(list: readonly DayReview[], noSubject: string, line: (n: DayReview) => string): string[] {
	if (!list.some((n) => n.subject !== null)) return list.slice(0, DAY_NOTES_LISTED).map(line);
	const groups = new Map<string, { name: string; notes: DayReview[] }>();
	for (const note of list) {
		const key = note.subject === null ? '' : facetKey('subject', note.subject);
		const group = groups.get(key) ?? { name: note.subject === null ? noSubject : note.subject.normalize('NFC').trim(), notes: [] };
		group.notes.push(note);
		groups.set(key, group);
	}
	const ordered = [...groups].sort(([a, ga], [b, gb]) => Number(a === '') - Number(b === '') || gb.notes.length - ga.notes.length || ga.name.localeCompare(gb.name));
	const lines: string[] = [];
	let listed = 0;
	for (const [, group] of ordered) {
		if (listed >= DAY_NOTES_LISTED) break;
		lines.push(`${group.name} (${group.notes.length})`);
		for (const note of group.notes.slice(0, DAY_NOTES_LISTED - listed)) lines.push(line(note));
		listed += Math.min(group.notes.length, DAY_NOTES_LISTED - listed);
	}
	return lines;
}

/** A note's `obsidian://open` link. */
function noteLink(vaultName: string, path: string): string {
	return `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(path.replace(/\.md$/, ''))}`;
}

/** The events of the review calendar, sorted by day then UID. */
export function reviewEvents(notes: readonly CalendarNote[], config: ReviewConfig, options: Omit<ReviewCalendarOptions, 'now' | 'calendarName'>): CalendarEvent[] {
	const events: CalendarEvent[] = [];
	const vault = vaultTag(options.vaultName);
	for (const note of [...notes].sort(byPath)) {
		const title = noteTitle(note.path);
		const link = noteLink(options.vaultName, note.path);
		const current = currentStageIndex(note.doneMask, config.stages.length);
		config.stages.forEach((stage, i) => {
			if (isStageDone(note.doneMask, i)) return;
			const snoozed = i === current && note.snoozedUntil !== undefined ? note.snoozedUntil : -Infinity;
			const day = Math.max(dueDayOf(note.firstDay, stage), options.today, snoozed);
			const summary = `${title} · ${options.stageName(stage)}`;
			events.push({
				uid: `${vault}.${hash(note.path)}-${stage.id}${EVENT_UID_SUFFIX}`,
				day: basicDate(day),
				nextDay: basicDate(day + 1),
				summary,
				description: `${summary}\n${link}`,
				url: link,
				alarmMinutes: options.reminderMinutes,
			});
		});
	}
	events.sort((a, b) => (a.day === b.day ? (a.uid < b.uid ? -1 : 1) : a.day < b.day ? -1 : 1));
	return events;
}

/** Every review event's UID ends so; a calendar's other events never do. */
export const EVENT_UID_SUFFIX = '@forgetting-curve';

/**
 * The vault's part of every UID (`<vault>.<note>-<stage>@forgetting-curve`): two vaults pushing into
 * one calendar each touch only their own events. Made from the vault's name, so the plugin and the CLI
 * run over the same vault folder agree without storing anything; two vaults sharing a calendar need
 * different names.
 */
export function vaultTag(vaultName: string): string {
	return hash(vaultName).slice(0, 8);
}

/** YYYYMMDD, iCalendar's DATE form. */
function basicDate(days: number): string {
	return isoOfDayNumber(days).replace(/-/g, '');
}

export function utcStamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Two 32-bit multiplicative hashes of a text (FNV-1a and a Murmur-style mix): a stable 64-bit id as hex. */
export function hash(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x9747b28c;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
		b = (b ^ (b >>> 15)) >>> 0;
	}
	return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
