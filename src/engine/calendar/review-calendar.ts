import { currentStageIndex, dueDayOf, isoOfDayNumber, isStageDone, type Stage } from '../schedule';
import { type CalendarEvent, writeCalendar } from './ical';
import type { ReviewConfig } from '../config';
import { noteTitle } from './note-title';

/** One review note as the calendar needs it: where it is, and its schedule as day numbers. */
export interface CalendarNote {
	path: string;
	firstDay: number;
	/** Bit i set: stage i is done. */
	doneMask: number;
	/** The current review is snoozed until this day number: its event moves there. */
	snoozedUntil?: number;
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
}


/**
 * The review calendar: one all-day event per review not yet done, on its due day; a review already
 * overdue is put on today, so the phone still reminds; a snoozed one on the day it comes back. UIDs are stable per (vault, note, stage), so importing a
 * newer export updates events instead of duplicating them.
 */
export function reviewCalendar(notes: readonly CalendarNote[], config: ReviewConfig, options: ReviewCalendarOptions): string {
	return writeCalendar(reviewEvents(notes, config, options), { name: options.calendarName ?? 'Forgetting Curve', stamp: utcStamp(options.now) });
}

/** The events of the review calendar, sorted by day then UID. */
export function reviewEvents(notes: readonly CalendarNote[], config: ReviewConfig, options: Omit<ReviewCalendarOptions, 'now' | 'calendarName'>): CalendarEvent[] {
	const events: CalendarEvent[] = [];
	const vault = vaultTag(options.vaultName);
	for (const note of [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		const title = noteTitle(note.path);
		const link = `obsidian://open?vault=${encodeURIComponent(options.vaultName)}&file=${encodeURIComponent(note.path.replace(/\.md$/, ''))}`;
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
