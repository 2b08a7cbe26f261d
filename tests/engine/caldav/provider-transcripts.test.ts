import { describe, expect, it } from 'vitest';
import { CalDavClient, CalDavError, type HttpClient } from '../../../src/engine';

/**
 * Hosted services' behaviour that no local server shows, as recorded exchanges the client must get
 * through. iCloud's is the flow its public documentation and every CalDAV client describe: the
 * well-known address and the principal on caldav.icloud.com, the calendar home on the account's own
 * partition host. The second is a hosted service that makes no calendars over CalDAV (Google documents
 * "MKCALENDAR is not supported"; Naver's CalDAV is undocumented, so the same answer is assumed).
 */
interface Exchange {
	method: string;
	url: string;
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

function replay(exchanges: Exchange[]): { http: HttpClient; sent: { method: string; url: string; authorization: string | undefined }[] } {
	const sent: { method: string; url: string; authorization: string | undefined }[] = [];
	const queue = [...exchanges];
	const http: HttpClient = (request) => {
		sent.push({ method: request.method, url: request.url, authorization: request.headers.Authorization });
		const next = queue.shift();
		if (!next || next.method !== request.method || next.url !== request.url) throw new Error(`unexpected ${request.method} ${request.url}`);
		return Promise.resolve({ status: next.status, headers: next.headers ?? {}, text: next.body ?? '' });
	};
	return { http, sent };
}

const ms = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">${inner}</multistatus>`;
const ok = (href: string, prop: string) => `<response><href>${href}</href><propstat><prop>${prop}</prop><status>HTTP/1.1 200 OK</status></propstat></response>`;
const calendar = (href: string, name: string, components: string[]) =>
	ok(href, `<resourcetype><collection/><C:calendar/></resourcetype><displayname>${name}</displayname><C:supported-calendar-component-set>${components.map((c) => `<C:comp name="${c}"/>`).join('')}</C:supported-calendar-component-set>`);

describe('iCloud: the account\'s partition host', () => {
	const PARTITION = 'https://p42-caldav.icloud.com:443/123456789/calendars/';
	const HOME = 'https://p42-caldav.icloud.com/123456789/calendars/';
	const transcript: Exchange[] = [
		{ method: 'PROPFIND', url: 'https://caldav.icloud.com/.well-known/caldav', status: 301, headers: { location: 'https://caldav.icloud.com/' } },
		{ method: 'PROPFIND', url: 'https://caldav.icloud.com/', status: 207, body: ms(ok('/', '<current-user-principal><href>/123456789/principal/</href></current-user-principal>')) },
		{ method: 'PROPFIND', url: 'https://caldav.icloud.com/123456789/principal/', status: 207, body: ms(ok('/123456789/principal/', `<C:calendar-home-set><href>${PARTITION}</href></C:calendar-home-set>`)) },
		{
			method: 'PROPFIND',
			url: HOME,
			status: 207,
			body: ms(
				ok('/123456789/calendars/', '<resourcetype><collection/></resourcetype>') +
					calendar('/123456789/calendars/home/', 'Home', ['VEVENT']) +
					calendar('/123456789/calendars/tasks/', 'Reminders', ['VTODO']) +
					ok('/123456789/calendars/inbox/', '<resourcetype><collection/><C:schedule-inbox/></resourcetype>'),
			),
		},
		{ method: 'MKCALENDAR', url: `${HOME}forgetting-curve-reviews/`, status: 201 },
	];

	it('follows discovery to the partition host with the password (same domain, https), and makes the calendar there', async () => {
		const { http, sent } = replay(transcript);
		const client = new CalDavClient(http, 'learner@icloud.com', 'abcd-efgh-ijkl-mnop', 'https://caldav.icloud.com/');
		const found = await client.discover('https://caldav.icloud.com/');
		expect(found).toEqual({ home: HOME, calendars: [{ url: `${HOME}home/`, name: 'Home' }] });
		expect(await client.createCalendar(found.home, 'forgetting-curve-reviews', 'Reviews')).toEqual({ url: `${HOME}forgetting-curve-reviews/`, name: 'Reviews' });
		expect(sent.map((s) => new URL(s.url).host)).toEqual(['caldav.icloud.com', 'caldav.icloud.com', 'caldav.icloud.com', 'p42-caldav.icloud.com', 'p42-caldav.icloud.com']);
		expect(sent.every((s) => s.authorization?.startsWith('Basic '))).toBe(true);
	});

	it('would not follow a partition host outside icloud.com', async () => {
		const elsewhere = transcript.map((e, i) => (i === 2 ? { ...e, body: e.body?.replace('p42-caldav.icloud.com:443', 'p42-caldav.icloud.example') } : e));
		const { http, sent } = replay(elsewhere);
		const client = new CalDavClient(http, 'learner@icloud.com', 'abcd-efgh-ijkl-mnop', 'https://caldav.icloud.com/');
		const failure = await client.discover('https://caldav.icloud.com/').catch((e: unknown) => e);
		expect((failure as CalDavError).failure).toBe('elsewhere');
		expect(sent.map((s) => new URL(s.url).host)).not.toContain('p42-caldav.icloud.example');
	});
});

describe('a hosted service that makes no calendars over CalDAV', () => {
	it('says so clearly (forbidden, HTTP 403) when "Create a Reviews calendar" is pressed', async () => {
		const HOME = 'https://caldav.calendar.naver.com/caldav/learner/calendar/';
		const { http } = replay([
			{ method: 'MKCALENDAR', url: `${HOME}forgetting-curve-reviews/`, status: 403, body: '<error xmlns="DAV:"><need-privileges/></error>' },
			{ method: 'PROPFIND', url: HOME, status: 207, body: ms(calendar('/caldav/learner/calendar/1234/', '내 캘린더', ['VEVENT', 'VTODO'])) },
		]);
		const client = new CalDavClient(http, 'learner', 'app-password', 'https://caldav.calendar.naver.com/');
		const failure = await client.createCalendar(HOME, 'forgetting-curve-reviews', 'Reviews').catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(CalDavError);
		expect((failure as CalDavError).failure).toBe('forbidden');
		expect((failure as CalDavError).status).toBe(403);
	});
});
