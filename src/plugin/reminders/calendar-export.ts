import { normalizePath, Notice, TFile } from 'obsidian';
import { reminderMinutes, reviewCalendar, type ReviewCalendarOptions } from '../../engine';
import type { DueService } from '../due';
import { dayWords, stageText, t, uiLanguage } from '../../locale';
import type { PluginContext } from '../notes';

/** Quiet time after the due list changes before the calendar file is rewritten. */
export const AUTO_EXPORT_DELAY_MS = 5000;

/** How the review events are made in this vault today: the .ics export and the CalDAV push agree. */
export function calendarEventOptions(ctx: PluginContext, service: DueService): Omit<ReviewCalendarOptions, 'now'> {
	const settings = ctx.settings();
	return {
		today: service.today(),
		vaultName: ctx.app.vault.getName(),
		reminderMinutes: settings.reminderEnabled ? reminderMinutes(settings.reminderTime) : null,
		stageName: (stage) => stageText(stage, 'review'),
		mode: settings.calendarMode,
		dayWords: dayWords(uiLanguage()),
	};
}

/** DTSTAMP changes on every export; two feeds that differ only there are the same calendar. */
const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');

/**
 * Writes the review calendar (.ics) into the vault from the due index, so a synced phone can import it
 * and remind. Nothing is written when the events did not change.
 */
export class CalendarExporter {
	private timer: number | null = null;

	constructor(
		private readonly ctx: PluginContext,
		private readonly service: DueService,
	) {}

	async export(announce: boolean): Promise<number | null> {
		const config = this.ctx.config();
		const notes = this.service.calendarNotes();
		if (!config || !notes) return null;
		const settings = this.ctx.settings();
		const text = reviewCalendar(notes, config, { ...calendarEventOptions(this.ctx, this.service), now: this.ctx.clock().now });
		const events = text.split('BEGIN:VEVENT').length - 1;
		const path = normalizePath(settings.calendarPath);
		try {
			const existing = this.ctx.app.vault.getAbstractFileByPath(path);
			if (existing instanceof TFile) {
				if (withoutStamps(await this.ctx.app.vault.read(existing)) !== withoutStamps(text)) await this.ctx.app.vault.modify(existing, text);
			} else {
				await this.createFolders(path);
				await this.ctx.app.vault.create(path, text);
			}
		} catch (e) {
			new Notice(t('notice.calendar-failed', { path, reason: (e as Error).message }));
			return null;
		}
		if (announce) new Notice(t('notice.calendar-written', { events, path }));
		return events;
	}

	/** The folders on the way to `path` that do not exist yet. */
	private async createFolders(path: string): Promise<void> {
		const parts = path.split('/').slice(0, -1);
		for (let i = 1; i <= parts.length; i++) {
			const folder = parts.slice(0, i).join('/');
			if (!this.ctx.app.vault.getAbstractFileByPath(folder)) await this.ctx.app.vault.createFolder(folder);
		}
	}

	/** With "keep the calendar file up to date" on: rewrite a few seconds after the due list settles. */
	onDueListChanged(): void {
		if (!this.ctx.settings().calendarAutoExport) return;
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => {
			this.timer = null;
			void this.export(false);
		}, AUTO_EXPORT_DELAY_MS);
	}

	dispose(): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
	}
}
