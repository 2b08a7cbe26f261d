import { Notice } from 'obsidian';
import { CalDavClient, CalDavError, type CalDavFailure, type CalendarInfo, type HttpClient, calendarEvents, syncCalendar, type SyncCounts } from '../../engine';
import { calendarEventOptions } from './calendar-export';
import type { DueService } from '../due';
import { type MessageKey, t } from '../../locale';
import type { PluginContext } from '../notes';

/** Quiet time after the due list changes before the calendar is synced. */
export const PUSH_DELAY_MS = 5000;
/** First retry after a failure that may pass (offline, server busy); doubled each time, up to the cap. */
export const RETRY_FIRST_MS = 30_000;
export const RETRY_MAX_MS = 30 * 60_000;

/** Failures the learner must act on: said once in a notice, and automatic syncs pause until settings change. */
const NEEDS_ACTION: Partial<Record<CalDavFailure, MessageKey>> = {
	unauthorized: 'caldav.unauthorized',
	forbidden: 'caldav.forbidden',
	'not-found': 'caldav.not-found',
	protocol: 'caldav.protocol',
	'not-a-calendar': 'caldav.protocol',
	userinfo: 'caldav.protocol',
	insecure: 'caldav.insecure',
	elsewhere: 'caldav.insecure',
};

/** A CalDAV failure in the UI language, with the HTTP status when there was one. */
export function caldavErrorText(e: CalDavError): string {
	return `${t(`caldav.failure.${e.failure}`)}${e.status === null ? '' : ` (HTTP ${e.status})`}`;
}

export interface PushStatus {
	lastSync: Date | null;
	/** Review events in the calendar after the last sync. */
	events: number;
	lastError: string | null;
	/** When the next automatic attempt is due after a failure, if one is. */
	retryAt: Date | null;
}

/**
 * Keeps the learner's CalDAV calendar in step with the due list: at start-up, a few seconds after the
 * due list changes, and on "Sync review calendar now". The server is the truth (see calendar-sync), so
 * a change made while offline is never lost: the next sync that gets through sends it.
 */
export class CalendarPush {
	readonly status: PushStatus = { lastSync: null, events: 0, lastError: null, retryAt: null };
	private timer: number | null = null;
	private running: Promise<void> | null = null;
	private again = false;
	private retryDelay = RETRY_FIRST_MS;
	/** Failure kinds already told, so each is said once until a sync succeeds. */
	private readonly told = new Set<CalDavFailure>();
	private paused = false;
	/** The per-event problems last told, so the same ones are not told again at every sync. */
	private toldProblems = '';
	private readonly listeners = new Set<() => void>();

	constructor(
		private readonly ctx: PluginContext,
		private readonly service: DueService,
		private readonly http: HttpClient,
		private readonly password: () => string | null,
	) {}

	/** Whether pushing is on and has what it needs (the password is looked up when syncing). */
	get configured(): boolean {
		const s = this.ctx.settings();
		return s.caldavEnabled && s.caldavCalendar !== '' && s.caldavUser !== '' && s.caldavPasswordSecret !== '';
	}

	/** After the due list changed: sync once it settles, unless a failure asked the learner to act. */
	schedule(delay = PUSH_DELAY_MS): void {
		if (!this.configured || this.paused) return;
		this.clearTimer();
		this.timer = window.setTimeout(() => {
			this.timer = null;
			void this.sync(false);
		}, delay);
	}

	/** Settings changed: what paused automatic syncs may be fixed; try again. */
	settingsChanged(): void {
		this.paused = false;
		this.told.clear();
		this.retryDelay = RETRY_FIRST_MS;
		this.schedule();
	}

	/** One sync now; `announce` for the command: a notice says what happened either way. */
	async sync(announce: boolean): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.run(announce).finally(() => {
			this.running = null;
			if (this.again) {
				this.again = false;
				this.schedule(0);
			}
		});
		return this.running;
	}

	/** For the settings tab: the calendars of the account in the settings (throws CalDavError). */
	async discover(): Promise<{ home: string; calendars: CalendarInfo[] }> {
		const s = this.ctx.settings();
		return this.client().discover(s.caldavServer);
	}

	/** For the settings tab: a calendar of its own for the reviews, in the account's calendar home. */
	async createCalendar(home: string): Promise<CalendarInfo> {
		return this.client().createCalendar(home, 'forgetting-curve-reviews', t('calendar.reviews-name'));
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	dispose(): void {
		this.clearTimer();
		this.listeners.clear();
	}

	private async run(announce: boolean): Promise<void> {
		if (!this.configured) {
			if (announce) new Notice(t('caldav.not-set-up'));
			return;
		}
		const config = this.ctx.config();
		const notes = this.service.calendarNotes();
		if (!config || !notes) return;
		const password = this.password();
		if (!password) {
			this.fail('unauthorized', t('caldav.no-password'), announce);
			return;
		}
		const options = calendarEventOptions(this.ctx, this.service);
		const events = calendarEvents(notes, config, options);
		try {
			const counts = await syncCalendar(this.client(password), this.ctx.settings().caldavCalendar, events, this.ctx.clock().now, options.vaultName);
			this.succeeded(events.length, counts, announce);
		} catch (e) {
			if (!(e instanceof CalDavError)) throw e;
			this.fail(e.failure, caldavErrorText(e), announce);
		}
	}

	private succeeded(events: number, counts: SyncCounts, announce: boolean): void {
		const refused = counts.failed.map((f) => `${f.summary} (${t(`caldav.failure.${f.failure}`)}${f.status === null ? '' : `, HTTP ${f.status}`})`);
		Object.assign(this.status, { lastSync: new Date(), events, lastError: refused.length > 0 ? refused.join('; ') : null, retryAt: null });
		this.told.clear();
		this.paused = false;
		this.retryDelay = RETRY_FIRST_MS;
		const { created, updated, deleted, unchanged } = counts;
		if (announce) new Notice(t('caldav.synced', { created, updated, deleted, unchanged }));
		// An event the server keeps refusing does not stop the others, nor pause the push: it is named once.
		const problems = [...refused, ...counts.leftAlone.map((name) => t('caldav.left-alone', { name }))].join('; ');
		if (problems !== '' && (announce || problems !== this.toldProblems)) new Notice(t('caldav.some-refused', { names: problems }));
		this.toldProblems = problems;
		this.changed();
	}

	private fail(failure: CalDavFailure, reason: string, announce: boolean): void {
		this.status.lastError = reason;
		const notice = NEEDS_ACTION[failure];
		if (notice) {
			// Retrying cannot help (and a wrong password, retried, can lock an account): wait for the learner.
			this.paused = true;
			this.status.retryAt = null;
			if (announce || !this.told.has(failure)) new Notice(t(notice));
			this.told.add(failure);
		} else {
			// Offline, a busy server, a calendar that kept changing: quietly later, each time later. A
			// server that did not answer at all is told once: the learner may be waiting on it.
			if (failure === 'timeout' && !announce && !this.told.has(failure)) new Notice(t('caldav.will-retry', { reason }));
			this.told.add(failure);
			this.status.retryAt = new Date(Date.now() + this.retryDelay);
			this.schedule(this.retryDelay);
			this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
			if (announce) new Notice(t('caldav.will-retry', { reason }));
		}
		this.changed();
	}

	private client(password = this.password()): CalDavClient {
		if (!password) throw new CalDavError('unauthorized', null, t('caldav.no-password'));
		const s = this.ctx.settings();
		return new CalDavClient(this.http, s.caldavUser, password, s.caldavServer || s.caldavCalendar, () => new Promise((resolve) => window.setTimeout(resolve, 0)));
	}

	private changed(): void {
		for (const listener of this.listeners) listener();
	}

	private clearTimer(): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
	}
}
