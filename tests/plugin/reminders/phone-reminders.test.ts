// @vitest-environment happy-dom
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import { CalDavClient, type ForgettingCurveSettings } from '../../../src/engine';
import { PUSH_DELAY_MS, RETRY_FIRST_MS } from '../../../src/plugin/reminders/calendar-push';
import { RADICALE, startRadicale, type Radicale } from '../../support/radicale';
import { reviewNote } from '../../helpers';
import { loadPlugin, settle, type Harness } from '../harness';
import { openSettingsTab, until } from './push-test-helpers';

/**
 * Phone reminders end to end: the plugin (obsidian-test-mocks) pushes into a real CalDAV server,
 * Radicale on 127.0.0.1, through its own requestUrl code with requestUrl carried by Node's http.
 */
const requests = vi.hoisted(() => [] as string[]);
// Imported in the factory: it runs while the test's own imports load (the plugin's import of obsidian).
vi.mock('obsidian', async (importOriginal) => (await import('../../support/node-request-url')).obsidianWithNodeRequests(await importOriginal<object>(), requests));

const available = existsSync(RADICALE);
const describeServer = available || process.env.CI === 'true' ? describe : describe.skip;
const PASSWORD = 'app-Specific-pa55word';

const note = (first: string, done = 0) => reviewNote({ first, done });
const VAULT = { 'Kubernetes.md': note('2024-10-09'), 'Kafka.md': note('2024-10-01', 2), 'plain.md': '# x\n' };

let server: Radicale;
let calendar = '';
let consoleLines: string[] = [];

beforeAll(async () => {
	if (!available && process.env.CI !== 'true') return;
	server = await startRadicale({ learner: PASSWORD });
}, 30_000);
afterAll(async () => {
	await server?.dispose();
});
beforeEach(async () => {
	if (!server) return;
	const client = new CalDavClient(nodeHttp, server.user, PASSWORD, server.url);
	calendar = (await client.createCalendar((await client.discover(server.url)).home, `c${Math.random().toString(36).slice(2, 8)}`, 'Reviews')).url;
	// Only the clock is faked: Node's sockets keep their own timers.
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
	vi.setSystemTime(new Date(2024, 9, 10, 8, 0)); // before the 09:00 daily reminder
	consoleLines = [];
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const unfold = (data: string) => data.replace(/\r\n[ \t]/g, '');
const resources = async () => new CalDavClient(nodeHttp, server.user, PASSWORD, server.url).events(calendar);
const held = async () => (await resources()).map((r) => /^SUMMARY:(.*)$/m.exec(unfold(r.data))?.[1]?.trim() ?? '').sort();
/** The daily events held: day, title and the notes the description names, in day order. */
const days = async () =>
	(await resources())
		.map((r) => {
			const data = unfold(r.data);
			const notes = [...data.matchAll(/• ([^\\]*?) · /g)].map((m) => m[1]);
			return { url: r.url, line: `${/^DTSTART;TZID=[^:]+:(\d{8})/m.exec(data)?.[1] ?? '?'} ${/^SUMMARY:(.*)$/m.exec(data)?.[1]?.trim() ?? ''}: ${notes.join(', ')}` };
		})
		.sort((a, b) => (a.line < b.line ? -1 : 1));
const lines = async () => (await days()).map((d) => d.line);
/** Waits for the calendar to hold these daily events (one sync's writes land in parallel), then checks them. */
async function untilLines(expected: string[]): Promise<void> {
	await until(async () => JSON.stringify(await lines()) === JSON.stringify(expected)).catch(() => undefined);
	expect(await lines()).toEqual(expected);
}

async function start(settings: Partial<ForgettingCurveSettings> = {}): Promise<{ h: Harness; saved: unknown[] }> {
	const h = await loadPlugin(VAULT, { preset: 'en', caldavEnabled: true, caldavServer: server.url, caldavUser: server.user, caldavPasswordSecret: 'caldav-password', caldavCalendar: calendar, ...settings });
	const saved: unknown[] = [];
	h.plugin.saveData = (data: unknown) => (saved.push(structuredClone(data)), Promise.resolve());
	h.app.secretStorage.setSecret('caldav-password', PASSWORD);
	h.app.workspace.setLayoutReady__();
	vi.advanceTimersByTime(200);
	return { h, saved };
}



describeServer('phone reminders over CalDAV (Radicale)', () => {
	it('pushes one reminder a day a few seconds after start-up; marking done updates the day\'s event in place, a day all done loses it', async () => {
		const { h } = await start();
		expect(await held()).toEqual([]);
		vi.advanceTimersByTime(PUSH_DELAY_MS);
		// Today: Kafka's overdue 7-day review first, then Kubernetes' 1-day review.
		await untilLines(['20241010 2 reviews: Kafka, Kubernetes']);
		const [today] = await days();
		await until(() => h.plugin.push?.status.lastSync !== null);
		expect(h.plugin.push?.status).toMatchObject({ events: 1, lastError: null });

		await h.app.vault.modify(h.file('Kafka.md'), note('2024-10-01', 3));
		await settle();
		vi.advanceTimersByTime(200 + PUSH_DELAY_MS);
		await untilLines(['20241010 1 review: Kubernetes', '20241015 1 review: Kafka']);
		// The same resource, rewritten: an update of today's event, not a new one.
		expect((await days())[0]?.url).toBe(today?.url);

		await h.app.vault.modify(h.file('Kubernetes.md'), note('2024-10-09', 1));
		await settle();
		vi.advanceTimersByTime(200 + PUSH_DELAY_MS);
		await untilLines(['20241013 1 review: Kubernetes', '20241015 1 review: Kafka']);
		expect(h.notices).toEqual([]);
	});

	it('"Sync review calendar now" says what it did; a second device with the same vault finds nothing to change', async () => {
		const { h } = await start();
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 0);
		expect(h.notices).toEqual(['Review calendar synced: 1 added, 0 changed, 0 removed, 0 unchanged.']);
		const other = await start();
		requests.length = 0;
		other.h.runCommand('sync-review-calendar');
		await until(() => other.h.notices.length > 0);
		expect(other.h.notices).toEqual(['Review calendar synced: 0 added, 0 changed, 0 removed, 1 unchanged.']);
		expect(requests).toEqual(['REPORT']);
	});

	it('switching between a reminder a day and an event per review replaces this vault\'s events once, both ways, and nothing else', async () => {
		const client = new CalDavClient(nodeHttp, server.user, PASSWORD, server.url);
		const dentist = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@example.com\r\nDTSTAMP:20241001T000000Z\r\nDTSTART;VALUE=DATE:20241012\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
		await client.put(`${calendar}dentist.ics`, dentist, { create: true });
		// Another vault pushes into the same calendar.
		const neighbour = await start();
		vi.spyOn(neighbour.h.app.vault, 'getName').mockReturnValue('Other vault');
		neighbour.h.runCommand('sync-review-calendar');
		await until(() => neighbour.h.notices.length > 0);
		const neighbours = (await resources()).map((r) => r.url).filter((url) => !url.endsWith('dentist.ics'));
		expect(neighbours).toHaveLength(1);

		const { h } = await start({ calendarMode: 'per-review' });
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 0);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 8 added, 0 changed, 0 removed, 0 unchanged.');
		expect(await held()).toHaveLength(10);
		expect(await h.plugin.updateSettings({ calendarMode: 'daily' })).toEqual([]);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 1);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 1 added, 0 changed, 8 removed, 0 unchanged.');
		expect(await h.plugin.updateSettings({ calendarMode: 'per-review' })).toEqual([]);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 2);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 8 added, 0 changed, 1 removed, 0 unchanged.');
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 3);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 0 added, 0 changed, 0 removed, 8 unchanged.');
		// The dentist and the other vault's reminder were never touched.
		const urls = (await resources()).map((r) => r.url);
		expect(urls).toEqual(expect.arrayContaining([`${calendar}dentist.ics`, ...neighbours]));
		expect(urls).toHaveLength(10);
	});

	it('a wrong password: one notice naming the fix, nothing deleted, no retries until the settings change', async () => {
		const first = await start();
		vi.advanceTimersByTime(PUSH_DELAY_MS);
		await until(async () => (await held()).length === 1);
		first.h.plugin.onunload();

		const { h } = await start();
		h.app.secretStorage.setSecret('caldav-password', 'wrong');
		vi.advanceTimersByTime(PUSH_DELAY_MS);
		await until(() => h.notices.length > 0);
		expect(h.notices).toEqual(['Phone reminders: the calendar server refused the user name or password. Check the user name and the app password in the Forgetting Curve settings.']);
		expect(await held()).toHaveLength(1);
		// More due-list changes: paused, so no request and no second notice.
		requests.length = 0;
		await h.app.vault.modify(h.file('Kubernetes.md'), note('2024-10-09', 1));
		await settle();
		vi.advanceTimersByTime(200 + PUSH_DELAY_MS * 3);
		await settle();
		expect(requests).toEqual([]);
		expect(h.notices).toHaveLength(1);
		// Fixed in the settings: it syncs again.
		h.app.secretStorage.setSecret('caldav-password', PASSWORD);
		expect(await h.plugin.updateSettings({ caldavUser: server.user })).toEqual([]);
		// The settings change rebuilds the due list too (its notice comes 100 ms later and restarts the wait).
		vi.advanceTimersByTime(200 + PUSH_DELAY_MS);
		await untilLines(['20241010 1 review: Kafka', '20241013 1 review: Kubernetes']);
	});

	it('with the server down, the change waits quietly and is delivered once the server is back', async () => {
		const { h } = await start();
		vi.advanceTimersByTime(PUSH_DELAY_MS);
		await until(async () => (await held()).length === 1);
		await server.stop();
		await h.app.vault.modify(h.file('Kubernetes.md'), note('2024-10-09', 1));
		await settle();
		vi.advanceTimersByTime(200 + PUSH_DELAY_MS);
		await until(() => h.plugin.push?.status.retryAt !== null && h.plugin.push?.status.retryAt !== undefined);
		expect(h.plugin.push?.status.lastError).toBe('The server could not be reached');
		expect(h.notices).toEqual([]);
		await server.start();
		vi.advanceTimersByTime(RETRY_FIRST_MS);
		await untilLines(['20241010 1 review: Kafka', '20241013 1 review: Kubernetes']);
	});

	it('never puts the password into data.json, a notice or the console', async () => {
		const { h, saved } = await start();
		await h.plugin.updateSettings({ caldavCalendar: calendar });
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 0);
		h.app.secretStorage.setSecret('caldav-password', `${PASSWORD}-old`);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 1);
		expect(saved.length).toBeGreaterThan(0);
		const everything = JSON.stringify({ saved, notices: h.notices, consoleLines });
		expect(everything).not.toContain(PASSWORD);
		expect(JSON.stringify(saved)).toContain('"caldavPasswordSecret":"caldav-password"');
	});

	it('settings: Connect lists the account\'s calendars, Create makes a "Reviews" calendar and saves its address', async () => {
		const { h } = await start({ caldavCalendar: '' });
		const { tab, press, picker } = openSettingsTab(h);
		press('Connect');
		await until(() => (picker?.options.length ?? 0) > 1);
		expect([...(picker?.options ?? [])].map((o) => o.textContent)).toEqual(expect.arrayContaining(['Choose a calendar', 'Reviews']));
		expect(tab.containerEl.textContent).toMatch(/Found \d+ calendars\./);
		press('Create a "Reviews" calendar');
		await until(() => h.plugin.reviewSettings.caldavCalendar !== '');
		expect(h.plugin.reviewSettings.caldavCalendar).toBe(`${server.url}${server.user}/forgetting-curve-reviews/`);
		const found = await new CalDavClient(nodeHttp, server.user, PASSWORD, server.url).discover(server.url);
		expect(found.calendars.map((c) => c.url)).toContain(h.plugin.reviewSettings.caldavCalendar);
		expect(tab.containerEl.textContent).toContain('Created the calendar "Reviews".');
		tab.hide();
	});
});
