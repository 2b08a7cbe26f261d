import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import ICAL from 'ical.js';
import { CalDavClient, CalDavError, dailyEvents, dayNumberOf, reviewEvents, syncCalendar, type CalendarNote, type HttpClient } from '../../../src/engine';
import { dayWords } from '../../../src/locale';
import { propertyValues } from '../../../src/engine/calendar/ical';
import { configWith, englishStageNames } from '../../helpers';
import { RADICALE, startRadicale } from '../../support/radicale';
import { CYRUS_MASTER, startCyrus } from '../../support/cyrus';
import { DAVICAL, startDavical } from '../../support/davical';
import { SABRE, startSabreDav } from '../../support/sabredav';
import { startXandikos, XANDIKOS, type CalDavTestServer } from '../../support/xandikos';
import { startNaverQuirks } from '../../support/naver-quirks';

/**
 * The same sync suite on every CalDAV server the tests can start from Debian's packages on 127.0.0.1:
 * discovery from the server's root, "create a Reviews calendar" twice, the first push, an unchanged
 * rerun in one request, a review ticked, a note renamed, the next day, the switch to one reminder a
 * day and back, a wrong password, and another app's event left alone. `.ci/run` installs every
 * server; elsewhere a missing one is skipped. The sixth is Radicale behind a proxy that behaves as
 * Naver Calendar is reported to (tests/support/naver-quirks.ts): no ETags, no MKCALENDAR, 404 on `/`,
 * and events listed with empty calendar-data, which cost one calendar-multiget more per sync.
 */
interface MatrixServer extends CalDavTestServer {
	/** Set when the server cannot make calendars (no MKCALENDAR): the calendar the learner picks. */
	existingCalendar?: string;
	/** Requests of a sync with nothing to change. */
	unchangedRequests?: number;
}

const SERVERS: { name: string; binary: string; start: () => Promise<MatrixServer> }[] = [
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
	{
		name: 'a Naver-like server (quirks proxy before Radicale)',
		binary: RADICALE,
		start: async () => {
			const quirks = await startNaverQuirks();
			return { ...quirks, existingCalendar: quirks.calendar, unchangedRequests: 2 };
		},
	},
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
		let server: MatrixServer;
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

		it('discovers the account from the server root, and creates the Reviews calendar twice as once (without MKCALENDAR: says so, and lists the calendar there is)', async () => {
			const { home, calendars } = await client.discover(server.url);
			if (server.existingCalendar) {
				const refused = await client.createCalendar(home, 'forgetting-curve-reviews', 'Reviews').catch((e: unknown) => e);
				expect(refused).toBeInstanceOf(CalDavError);
				expect((refused as CalDavError).failure).toBe('cannot-create');
				expect(calendars.map((c) => c.url)).toEqual([server.existingCalendar]);
				calendar = server.existingCalendar;
				return;
			}
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
			expect(requests).toBe(server.unchangedRequests ?? 1);
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

		it('switches to one reminder a day: timed events the server keeps with their zone and alarm, the per-review events gone once, a tick in place, and back', async () => {
			const renamed: CalendarNote[] = [{ ...(NOTES[0] as CalendarNote), doneMask: 0b1, path: 'Topics/Kubernetes.md' }, NOTES[1] as CalendarNote];
			const perReview = eventsOn('2024-10-11', renamed);
			const daily = (notes: readonly CalendarNote[]) => dailyEvents(notes, CONFIG, { today: day('2024-10-11'), vaultName: 'Vault', reminderMinutes: 540, stageName: englishStageNames, dayWords: dayWords('ko'), timeZone: 'Asia/Seoul' });
			const days = daily(renamed);
			expect(await syncCalendar(client, calendar, days, NOW, 'Vault')).toMatchObject({ created: days.length, updated: 0, deleted: perReview.length, unchanged: 0, failed: [] });
			const held = (await client.events(calendar)).map((r) => new ICAL.Component(ICAL.parse(r.data) as unknown[]));
			const ours = held.filter((c) => String(c.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).includes('.day-'));
			expect(ours).toHaveLength(days.length);
			for (const component of ours) {
				for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
				const event = new ICAL.Event(component.getFirstSubcomponent('vevent') ?? undefined);
				expect([event.summary, event.startDate.toString().slice(10), event.startDate.zone?.tzid, event.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()]).toEqual([expect.stringMatching(/^복습 \d+개$/), 'T09:00:00', 'Asia/Seoul', 'PT0S']);
				expect(event.startDate.toUnixTime() % 86_400).toBe(0); // 09:00 in Seoul is midnight UTC
			}
			// Kafka's 7-day review done: the 11th's event changes in place (Kubernetes alone), Kafka moves to the 15th.
			const ticked = daily([renamed[0] as CalendarNote, { ...(NOTES[1] as CalendarNote), doneMask: 0b00111 }]);
			const counts = await syncCalendar(client, calendar, ticked, NOW, 'Vault');
			expect(counts.created + counts.updated + counts.unchanged).toBe(ticked.length);
			expect(counts).toMatchObject({ failed: [], leftAlone: [] });
			requests = 0;
			expect(await syncCalendar(client, calendar, ticked, NOW, 'Vault')).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: ticked.length });
			expect(requests).toBe(server.unchangedRequests ?? 1);
			expect(await syncCalendar(client, calendar, perReview, NOW, 'Vault')).toMatchObject({ created: perReview.length, deleted: ticked.length, failed: [] });
			expect(await uids()).toEqual([...perReview.map((e) => e.uid), 'dentist@example.com'].sort());
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
