import { Platform, type Plugin } from 'obsidian';
import { CalendarExporter } from './calendar-export';
import { CalendarPush } from './calendar-push';
import type { DueService } from '../due';
import type { PluginContext } from '../notes';
import { requestUrlHttp } from './request-url-http';
import { readSecret } from './secret-storage';
import { ReviewReminder, showReminder } from './review-reminder';

/** Per-device, in the vault's local storage: a synced data.json would let one device silence another. */
const LAST_REMINDER_KEY = 'forgetting-curve-last-reminder';
const REMINDER_TICK_MS = 30_000;

/**
 * The daily reminder, the calendar file export (command and, if enabled, automatic) and the push into
 * a CalDAV calendar (phone reminders). Returns the exporter and the push, for the commands and the settings tab.
 */
export function registerReminderFeatures(plugin: Plugin, ctx: PluginContext, service: DueService, isTyping: () => boolean): { exporter: CalendarExporter; push: CalendarPush } {
	const exporter = new CalendarExporter(ctx, service);
	plugin.register(service.subscribe(() => exporter.onDueListChanged()));
	plugin.register(() => exporter.dispose());

	// The password lives in Obsidian's SecretStorage (1.11.4+); data.json holds only its name.
	const push = new CalendarPush(ctx, service, requestUrlHttp, () => readSecret(ctx.app, ctx.settings().caldavPasswordSecret));
	// Also at start-up: the index's first notice starts the first sync.
	plugin.register(service.subscribe(() => push.schedule()));
	plugin.register(() => push.dispose());

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
	return { exporter, push };
}
