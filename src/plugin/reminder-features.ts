import { Platform, type Plugin } from 'obsidian';
import { CalendarExporter } from './calendar-export';
import type { DueService } from './due-service';
import { t } from './i18n';
import type { PluginContext } from './plugin-context';
import { ReviewReminder, showReminder } from './review-reminder';

/** Per-device, in the vault's local storage: a synced data.json would let one device silence another. */
const LAST_REMINDER_KEY = 'forgetting-curve-last-reminder';
const REMINDER_TICK_MS = 30_000;

/** The daily reminder and the calendar export (command and, if enabled, automatic). */
export function registerReminderFeatures(plugin: Plugin, ctx: PluginContext, service: DueService, isTyping: () => boolean): void {
	const exporter = new CalendarExporter(ctx, service);
	plugin.addCommand({ id: 'export-review-calendar', name: t('command.export-calendar'), icon: 'calendar-range', callback: () => void exporter.export(true) });
	plugin.register(service.subscribe(() => exporter.onDueListChanged()));
	plugin.register(() => exporter.dispose());

	const reminder = new ReviewReminder({
		now: () => ctx.clock().now,
		today: () => ctx.clock().today,
		settings: () => ctx.settings(),
		counts: () => service.counts(),
		isTyping,
		lastDay: () => {
			const stored: unknown = ctx.app.loadLocalStorage(LAST_REMINDER_KEY);
			return typeof stored === 'string' ? stored : null;
		},
		setLastDay: (day) => ctx.app.saveLocalStorage(LAST_REMINDER_KEY, day),
		notify: (counts) => showReminder(counts, Platform.isDesktopApp),
	});
	plugin.registerInterval(window.setInterval(() => reminder.tick(), REMINDER_TICK_MS));
	// Also as soon as the due list is ready: a late start catches up at once.
	plugin.register(service.subscribe(() => reminder.tick()));
}
