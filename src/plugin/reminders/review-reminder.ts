import { Notice } from 'obsidian';
import { type DueCounts, reminderMinutes, toIsoDate } from '../../engine';
import { t } from '../../locale';

/** What the reminder needs; injected so the timing can be tested with fake timers. */
export interface ReminderDeps {
	now(): Date;
	/** Today's date as the schedule counts it (honours "new day starts at"). */
	today(): Date;
	settings(): { reminderEnabled: boolean; reminderTime: string };
	/** Null while the due list is not ready yet. */
	counts(): DueCounts | null;
	isTyping(): boolean;
	/** The last day a reminder was given, kept per device (not synced: each device reminds once). */
	lastDay(): string | null;
	setLastDay(day: string): void;
	notify(counts: DueCounts): void;
}

/**
 * Once a day at the set time, when reviews are due, a notice with the counts. If Obsidian opens later
 * that day, it catches up; while the learner is typing it waits; a day with nothing due stays quiet.
 */
export class ReviewReminder {
	constructor(private readonly deps: ReminderDeps) {}

	/** Called every half minute and when the due list is first ready. */
	tick(): void {
		const { reminderEnabled, reminderTime } = this.deps.settings();
		const at = reminderMinutes(reminderTime);
		if (!reminderEnabled || at === null) return;
		const now = this.deps.now();
		const day = toIsoDate(this.deps.today());
		if (this.deps.lastDay() === day) return;
		if (now.getHours() * 60 + now.getMinutes() < at) return;
		const counts = this.deps.counts();
		if (!counts || this.deps.isTyping()) return;
		this.deps.setLastDay(day);
		if (counts.overdue + counts.dueToday > 0) this.deps.notify(counts);
	}
}

/** A notice, and on desktop a system notification when the learner has allowed them. */
export function showReminder(counts: DueCounts, desktop: boolean): void {
	const message = t('reminder.body', { today: counts.dueToday, overdue: counts.overdue });
	new Notice(message, 10_000);
	if (desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
		new Notification(t('reminder.title'), { body: message, silent: false });
	}
}
