import { existsSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import { CalDavClient, CalDavError, dayNumberOf, MARK_PROPERTY, resourceUrl, reviewEvents, syncCalendar, type CalendarNote, type HttpClient } from '../../../src/engine';
import { writeEventResource } from '../../../src/engine/calendar/ical';
import { configWith, englishStageNames } from '../../helpers';
import { RADICALE, startRadicale, type Radicale } from '../../support/radicale';

/** Against a real CalDAV server: Radicale on 127.0.0.1 (.ci/run installs it). */
const available = existsSync(RADICALE);
const describeServer = available || process.env.CI === 'true' ? describe : describe.skip;

const CONFIG = configWith({ preset: 'en' });
const TODAY = dayNumberOf(new Date(2024, 9, 10));
const day = (iso: string) => dayNumberOf(new Date(`${iso}T00:00:00`));
const NOTES: CalendarNote[] = [
	{ path: 'Kubernetes.md', firstDay: day('2024-10-09'), doneMask: 0 }, // 5 reviews to come
	{ path: 'Reviews/Kafka 파티션.md', firstDay: day('2024-10-01'), doneMask: 0b00011 }, // 7d overdue → today
];
const events = (notes: readonly CalendarNote[]) => reviewEvents(notes, CONFIG, { today: TODAY, vaultName: 'Vault', reminderMinutes: 540, stageName: englishStageNames });
const NOW = new Date(2024, 9, 10, 9, 0);

/** Records each request's method, so a test can say "no PUT or DELETE". */
function recording(): { http: HttpClient; methods: string[] } {
	const methods: string[] = [];
	return { methods, http: (req) => (methods.push(req.method), nodeHttp(req)) };
}

let server: Radicale;
let calendarUrl = '';

beforeAll(async () => {
	if (!available && process.env.CI !== 'true') return;
	server = await startRadicale();
}, 30_000);
afterAll(async () => {
	await server?.dispose();
});

/** What the server holds in a calendar, parsed by ical.js. */
async function held(url: string): Promise<{ uid: string; start: string; summary: string; url: string; alarm: string | null }[]> {
	const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
	const all = await client.events(url);
	return all
		.map((r) => new ICAL.Event(new ICAL.Component(ICAL.parse(r.data) as unknown[]).getFirstSubcomponent('vevent') ?? undefined))
		.map((e) => ({
			uid: e.uid,
			start: e.startDate.toString(),
			summary: e.summary,
			url: String(e.component.getFirstPropertyValue('url') ?? ''),
			alarm: e.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString() ?? null,
		}))
		.sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

describeServer('CalDAV against Radicale', () => {
	it('discovers the calendars from the server root, and creates a calendar for reviews', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const before = await client.discover(server.url);
		expect(before.home).toBe(`${server.url}${server.user}/`);
		expect(before.calendars).toEqual([]);
		const created = await client.createCalendar(before.home, 'reviews', 'Reviews 복습');
		expect(created.url).toBe(`${before.home}reviews/`);
		const after = await client.discover(server.url);
		expect(after.calendars).toEqual([{ url: created.url, name: 'Reviews 복습' }]);
		// Making it again reuses it.
		expect(await client.createCalendar(before.home, 'reviews', 'Reviews 복습')).toEqual(created);
		calendarUrl = created.url;
	});

	it('first sync: one event per review to come, with dates, alarms and links; a foreign event untouched', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const foreign = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@example.com\r\nDTSTAMP:20241001T000000Z\r\nDTSTART;VALUE=DATE:20241012\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
		await client.put(`${calendarUrl}dentist.ics`, foreign, { create: true });
		const counts = await syncCalendar(client, calendarUrl, events(NOTES), NOW, 'Vault');
		expect(counts).toEqual({ created: 8, updated: 0, deleted: 0, unchanged: 0, failed: [], leftAlone: [] });
		const all = await held(calendarUrl);
		expect(all).toHaveLength(9);
		expect(all.find((e) => e.uid === 'dentist@example.com')).toEqual({ uid: 'dentist@example.com', start: '2024-10-12', summary: 'Dentist', url: '', alarm: null });
		const kafka = all.filter((e) => e.summary.startsWith('Kafka 파티션'));
		expect(kafka.map((e) => `${e.start} ${e.summary}`).sort()).toEqual([
			'2024-10-10 Kafka 파티션 · 7-day review',
			'2024-10-15 Kafka 파티션 · 14-day review',
			'2024-10-31 Kafka 파티션 · long-term review',
		]);
		expect(new Set(all.filter((e) => e.uid !== 'dentist@example.com').map((e) => e.alarm))).toEqual(new Set(['PT9H']));
		expect(kafka[0]?.url).toBe('obsidian://open?vault=Vault&file=Reviews%2FKafka%20%ED%8C%8C%ED%8B%B0%EC%85%98');
		expect((await held(calendarUrl)).filter((e) => e.summary.startsWith('Kubernetes')).map((e) => e.start)).toEqual(
			expect.arrayContaining(['2024-10-10', '2024-10-13', '2024-10-16', '2024-10-23', '2024-11-08']),
		);
	});

	it('second sync with nothing changed: one REPORT, no PUT or DELETE', async () => {
		const { http, methods } = recording();
		const counts = await syncCalendar(new CalDavClient(http, server.user, server.password, server.url), calendarUrl, events(NOTES), NOW, 'Vault');
		expect(counts).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 8, failed: [], leftAlone: [] });
		expect(methods).toEqual(['REPORT']);
	});

	it('mark done, delete and rename: events go, the rest stay, nothing is duplicated', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const before = await held(calendarUrl);
		const marked = [{ ...NOTES[0], doneMask: 0b1 } as CalendarNote, NOTES[1] as CalendarNote];
		expect(await syncCalendar(client, calendarUrl, events(marked), NOW, 'Vault')).toEqual({ created: 0, updated: 0, deleted: 1, unchanged: 7, failed: [], leftAlone: [] });
		const afterMark = await held(calendarUrl);
		expect(before.filter((e) => !afterMark.some((a) => a.uid === e.uid)).map((e) => e.summary)).toEqual(['Kubernetes · 1-day review']);
		expect(afterMark).toEqual(before.filter((e) => e.summary !== 'Kubernetes · 1-day review'));

		const renamed = [{ ...marked[0], path: 'Cloud/Kubernetes.md' } as CalendarNote, NOTES[1] as CalendarNote];
		expect(await syncCalendar(client, calendarUrl, events(renamed), NOW, 'Vault')).toEqual({ created: 4, updated: 0, deleted: 4, unchanged: 3, failed: [], leftAlone: [] });
		const afterRename = await held(calendarUrl);
		expect(afterRename.filter((e) => e.summary.startsWith('Kubernetes'))).toHaveLength(4);
		expect(afterRename.filter((e) => e.summary.startsWith('Kubernetes')).every((e) => e.url.includes('Cloud%2FKubernetes'))).toBe(true);

		expect(await syncCalendar(client, calendarUrl, events([NOTES[1] as CalendarNote]), NOW, 'Vault')).toEqual({ created: 0, updated: 0, deleted: 4, unchanged: 3, failed: [], leftAlone: [] });
		expect((await held(calendarUrl)).map((e) => e.summary).sort()).toEqual(['Dentist', 'Kafka 파티션 · 14-day review', 'Kafka 파티션 · 7-day review', 'Kafka 파티션 · long-term review']);
	});

	it('an event whose content changed is updated in place', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const later = reviewEvents([NOTES[1] as CalendarNote], CONFIG, { today: TODAY, vaultName: 'Vault', reminderMinutes: 20 * 60, stageName: englishStageNames });
		expect(await syncCalendar(client, calendarUrl, later, NOW, 'Vault')).toEqual({ created: 0, updated: 3, deleted: 0, unchanged: 0, failed: [], leftAlone: [] });
		expect(new Set((await held(calendarUrl)).filter((e) => e.uid !== 'dentist@example.com').map((e) => e.alarm))).toEqual(new Set(['PT20H']));
	});

	it('a wrong password is refused as unauthorized and deletes nothing', async () => {
		const before = await held(calendarUrl);
		const client = new CalDavClient(nodeHttp, server.user, 'wrong', server.url);
		const failure = await syncCalendar(client, calendarUrl, [], NOW, 'Vault').catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(CalDavError);
		expect((failure as CalDavError).failure).toBe('unauthorized');
		expect(await held(calendarUrl)).toEqual(before);
	});

	it('two devices syncing one calendar at once converge without duplicates', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const { home } = await client.discover(server.url);
		const shared = (await client.createCalendar(home, 'shared', 'Shared')).url;
		const wanted = events(NOTES);
		const [a, b] = await Promise.all([
			syncCalendar(new CalDavClient(nodeHttp, server.user, server.password, server.url), shared, wanted, NOW, 'Vault'),
			syncCalendar(new CalDavClient(nodeHttp, server.user, server.password, server.url), shared, wanted, NOW, 'Vault'),
		]);
		expect(a.created + b.created).toBe(8);
		const all = await held(shared);
		expect(all).toHaveLength(8);
		expect(new Set(all.map((e) => e.uid)).size).toBe(8);
		expect(await syncCalendar(client, shared, wanted, NOW, 'Vault')).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 8, failed: [], leftAlone: [] });
	});

	const fresh = async (slug: string) => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const { home } = await client.discover(server.url);
		return { client, home, url: (await client.createCalendar(home, slug, slug)).url };
	};
	const vaultEvents = (vaultName: string, notes: readonly CalendarNote[]) => reviewEvents(notes, CONFIG, { today: TODAY, vaultName, reminderMinutes: 540, stageName: englishStageNames });

	it('two vaults pushing into one calendar each keep all their events, sync after sync', async () => {
		const { client, url } = await fresh('two-vaults');
		const a = vaultEvents('Vault A', NOTES);
		const b = vaultEvents('Vault B', [{ path: 'Other.md', firstDay: day('2024-10-08'), doneMask: 0 }]);
		for (let round = 0; round < 2; round++) {
			await syncCalendar(client, url, a, NOW, 'Vault A');
			await syncCalendar(client, url, b, NOW, 'Vault B');
		}
		const uids = (await held(url)).map((e) => e.uid).sort();
		expect(uids).toEqual([...a, ...b].map((e) => e.uid).sort());
		expect(await syncCalendar(client, url, a, NOW, 'Vault A')).toMatchObject({ created: 0, deleted: 0, unchanged: a.length });
		// Vault B with every review done: its own events go, vault A's stay.
		expect(await syncCalendar(client, url, [], NOW, 'Vault B')).toMatchObject({ deleted: b.length });
		expect((await held(url)).map((e) => e.uid).sort()).toEqual(a.map((e) => e.uid).sort());
	});

	it('an address listed twice is one event: nothing is deleted', async () => {
		const { url } = await fresh('listed-twice');
		const wanted = events(NOTES);
		await syncCalendar(new CalDavClient(nodeHttp, server.user, server.password, server.url), url, wanted, NOW, 'Vault');
		// A server that lies: every event of its REPORT answer listed twice.
		const twice: HttpClient = async (req) => {
			const response = await nodeHttp(req);
			if (req.method !== 'REPORT') return response;
			return { ...response, text: response.text.replace(/(<([a-z]+:)?response>[\s\S]*?<\/([a-z]+:)?response>)/g, '$1$1') };
		};
		const counts = await syncCalendar(new CalDavClient(twice, server.user, server.password, server.url), url, wanted, NOW, 'Vault');
		expect(counts).toMatchObject({ created: 0, deleted: 0, unchanged: wanted.length });
		expect(await held(url)).toHaveLength(wanted.length);
	});

	it('one event the server always refuses: every other change goes out, and the refused one is named', async () => {
		const { url } = await fresh('one-refused');
		const wanted = events(NOTES);
		const refused = wanted[2];
		if (!refused) throw new Error('no third event');
		const picky: HttpClient = (req) => (req.method === 'PUT' && req.body?.includes(`UID:${refused.uid}`) ? Promise.resolve({ status: 413, headers: {}, text: 'too large' }) : nodeHttp(req));
		const client = new CalDavClient(picky, server.user, server.password, server.url);
		for (let round = 0; round < 2; round++) {
			const counts = await syncCalendar(client, url, wanted, NOW, 'Vault');
			expect(counts.failed).toEqual([{ summary: refused.summary, failure: 'protocol', status: 413 }]);
		}
		expect((await held(url)).map((e) => e.uid).sort()).toEqual(wanted.filter((e) => e !== refused).map((e) => e.uid).sort());
	});

	it('an event with our UID but not our mark (an imported .ics, another app\'s edit) is taken over, never a 412 loop', async () => {
		const { client, url } = await fresh('unmarked');
		const wanted = events(NOTES);
		const first = wanted[0];
		if (!first) throw new Error('no event');
		const imported = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:${first.uid}\r\nDTSTAMP:20241001T000000Z\r\nDTSTART;VALUE=DATE:${first.day}\r\nSUMMARY:${first.summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
		await client.put(resourceUrl(url, first.uid), imported, { create: true });
		const counts = await syncCalendar(client, url, wanted, NOW, 'Vault');
		expect(counts).toMatchObject({ created: wanted.length - 1, updated: 1, failed: [] });
		expect(await syncCalendar(client, url, wanted, NOW, 'Vault')).toMatchObject({ unchanged: wanted.length, created: 0, updated: 0 });
	});

	it('events written before UIDs carried the vault move to the new UIDs; another vault\'s old events stay', async () => {
		const { client, url } = await fresh('legacy');
		const wanted = events([NOTES[0] as CalendarNote]);
		const legacy = (uid: string) => uid.replace(/^[0-9a-f]{8}\./, '');
		for (const e of wanted) await client.put(resourceUrl(url, legacy(e.uid)), writeEventResource({ ...e, uid: legacy(e.uid) }, '20241001T000000Z', [`${MARK_PROPERTY}:old`]), { create: true });
		const stranger = vaultEvents('Elsewhere', [{ path: 'Stranger.md', firstDay: day('2024-10-09'), doneMask: 0 }])[0];
		if (!stranger) throw new Error('no event');
		await client.put(resourceUrl(url, legacy(stranger.uid)), writeEventResource({ ...stranger, uid: legacy(stranger.uid) }, '20241001T000000Z', [`${MARK_PROPERTY}:old`]), { create: true });
		const counts = await syncCalendar(client, url, wanted, NOW, 'Vault');
		expect(counts).toMatchObject({ created: wanted.length, deleted: wanted.length, failed: [] });
		expect((await held(url)).map((e) => e.uid).sort()).toEqual([...wanted.map((e) => e.uid), legacy(stranger.uid)].sort());
	});

	it('refuses an account\'s home given as the calendar, and writes nothing', async () => {
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const { home } = await client.discover(server.url);
		const failure = await syncCalendar(client, home, events(NOTES), NOW, 'Vault').catch((e: unknown) => e);
		expect((failure as CalDavError).failure).toBe('not-a-calendar');
		expect((await client.calendarsIn(home)).map((c) => c.url).every((u) => !u.includes('.ics'))).toBe(true);
		const after = await client.discover(server.url);
		expect(after.calendars.map((c) => c.url)).not.toContain(expect.stringMatching(/\.ics\/?$/));
	});
});
