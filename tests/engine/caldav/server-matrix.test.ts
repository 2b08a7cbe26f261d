import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import { CalDavClient, CalDavError, dayNumberOf, reviewEvents, syncCalendar, type CalendarNote, type HttpClient } from '../../../src/engine';
import { propertyValues } from '../../../src/engine/calendar/ical';
import { configWith, englishStageNames } from '../../helpers';
import { RADICALE, startRadicale } from '../../support/radicale';
import { CYRUS_MASTER, startCyrus } from '../../support/cyrus';
import { DAVICAL, startDavical } from '../../support/davical';
import { SABRE, startSabreDav } from '../../support/sabredav';
import { startXandikos, XANDIKOS, type CalDavTestServer } from '../../support/xandikos';

/**
 * The same sync suite on every CalDAV server the tests can start from Debian's packages on 127.0.0.1:
 * discovery from the server's root, "create a Reviews calendar" twice, the first push, an unchanged
 * rerun in one request, a review ticked, a note renamed, the next day, a wrong password, and another
 * app's event left alone. `.ci/run` installs every server; elsewhere a missing one is skipped.
 */
const SERVERS: { name: string; binary: string; start: () => Promise<CalDavTestServer> }[] = [
	{
		name: 'Radicale',
		binary: RADICALE,
		start: async () => {
			const radicale = await startRadicale();
			return { name: 'Radicale', url: radicale.url, user: radicale.user, password: radicale.password, dispose: () => radicale.dispose() };
		},
	},
	{ name: 'Xandikos', binary: XANDIKOS, start: () => startXandikos() },
	{ name: 'SabreDAV', binary: SABRE, start: () => startSabreDav() },
	{ name: 'Cyrus', binary: CYRUS_MASTER, start: () => startCyrus() },
	{ name: 'DAViCal', binary: DAVICAL, start: () => startDavical() },
];

const CONFIG = configWith({ preset: 'en' });
const day = (iso: string) => dayNumberOf(new Date(`${iso}T00:00:00`));
const NOW = new Date(2024, 9, 10, 9, 0);
const eventsOn = (today: string, notes: readonly CalendarNote[]) => reviewEvents(notes, CONFIG, { today: day(today), vaultName: 'Vault', reminderMinutes: 540, stageName: englishStageNames });
const NOTES: CalendarNote[] = [
	{ path: 'Kubernetes.md', firstDay: day('2024-10-09'), doneMask: 0 },
	{ path: 'Reviews/Kafka 파티션.md', firstDay: day('2024-10-01'), doneMask: 0b00011 },
];
const FOREIGN = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@example.com\r\nDTSTAMP:20241001T000000Z\r\nDTSTART;VALUE=DATE:20241012\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

for (const { name, binary, start } of SERVERS) {
	const run = existsSync(binary) || process.env.CI === 'true' ? describe : describe.skip;
	run(`the sync suite on ${name}`, () => {
		let server: CalDavTestServer;
		let requests = 0;
		let client: CalDavClient;
		let calendar = '';
		const counting: HttpClient = (request) => (requests++, nodeHttp(request));
		const uids = async () => (await client.events(calendar)).map((r) => propertyValues(r.data, 'UID')[0] ?? '').sort();
		const days = async () => new Map((await client.events(calendar)).map((r) => [propertyValues(r.data, 'UID')[0] ?? '', /DTSTART;VALUE=DATE:(\d+)/.exec(r.data)?.[1] ?? '']));

		beforeAll(async () => {
			server = await start();
			client = new CalDavClient(counting, server.user, server.password, server.url);
		}, 30_000);
		afterAll(async () => {
			await server?.dispose();
		});

		it('discovers the account from the server root, and creates the Reviews calendar twice as once', async () => {
			const { home } = await client.discover(server.url);
			const first = await client.createCalendar(home, 'forgetting-curve-reviews', 'Reviews');
			const second = await client.createCalendar(home, 'forgetting-curve-reviews', 'Reviews');
			expect(second.url).toBe(first.url);
			expect((await client.discover(server.url)).calendars.map((c) => c.url)).toContain(first.url);
			calendar = first.url;
		});

		it('pushes every review, leaves another app\'s event alone, and reruns unchanged in one request', async () => {
			await client.put(`${calendar}dentist.ics`, FOREIGN, { create: true });
			const wanted = eventsOn('2024-10-10', NOTES);
			expect(await syncCalendar(client, calendar, wanted, NOW, 'Vault')).toMatchObject({ created: wanted.length, deleted: 0, failed: [] });
			expect(await uids()).toEqual([...wanted.map((e) => e.uid), 'dentist@example.com'].sort());
			requests = 0;
			expect(await syncCalendar(client, calendar, wanted, NOW, 'Vault')).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: wanted.length });
			expect(requests).toBe(1);
		});

		it('follows a tick, a rename and the next day', async () => {
			const ticked: CalendarNote[] = [{ ...(NOTES[0] as CalendarNote), doneMask: 0b1 }, NOTES[1] as CalendarNote];
			expect(await syncCalendar(client, calendar, eventsOn('2024-10-10', ticked), NOW, 'Vault')).toMatchObject({ created: 0, deleted: 1, failed: [] });
			const renamed: CalendarNote[] = [{ ...(ticked[0] as CalendarNote), path: 'Topics/Kubernetes.md' }, NOTES[1] as CalendarNote];
			const afterRename = eventsOn('2024-10-10', renamed);
			expect(await syncCalendar(client, calendar, afterRename, NOW, 'Vault')).toMatchObject({ created: 4, deleted: 4, failed: [] });
			const nextDay = eventsOn('2024-10-11', renamed);
			const moved = nextDay.filter((e) => afterRename.find((a) => a.uid === e.uid)?.day !== e.day).length;
			expect(moved).toBeGreaterThan(0);
			expect(await syncCalendar(client, calendar, nextDay, NOW, 'Vault')).toMatchObject({ created: 0, updated: moved, deleted: 0, failed: [] });
			const held = await days();
			for (const event of nextDay) expect(held.get(event.uid)).toBe(event.day);
			expect(held.get('dentist@example.com')).toBe('20241012');
		});

		it('refuses a wrong password as such, and deletes nothing', async () => {
			const before = await uids();
			const wrong = new CalDavClient(nodeHttp, server.user, 'wrong-password', server.url);
			const failure = await syncCalendar(wrong, calendar, [], NOW, 'Vault').catch((e: unknown) => e);
			expect(failure).toBeInstanceOf(CalDavError);
			expect((failure as CalDavError).failure).toBe('unauthorized');
			expect(await uids()).toEqual(before);
		});
	});
}
