import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import { CalDavClient, CalDavError, credentialBar, dayNumberOf, hasUserinfo, isPlainHttpToRemote, MARK_PROPERTY, parseXml, parseXmlInSlices, reviewEvents, secretForms, syncCalendar, XML_LIMITS, type HttpClient } from '../../../src/engine';
import { configWith, englishStageNames } from '../../helpers';
import { multistatus, startTestServer, type TestServer } from '../../support/hostile-server';

/**
 * The password stays home: against real HTTP servers on 127.0.0.1 (another port is another origin),
 * a redirect or an href elsewhere never carries the password or the reviews there.
 */
const USER = 'learner';
const PASSWORD = 'hunter2-app-password';
const TOKEN = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const servers: TestServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (handler: Parameters<typeof startTestServer>[0]) => {
	const server = await startTestServer(handler);
	servers.push(server);
	return server;
};
const leaks = (text: string) => text.includes(PASSWORD) || text.includes(TOKEN);
const failureOf = async (promise: Promise<unknown>) => {
	try {
		await promise;
	} catch (e) {
		if (e instanceof CalDavError) return e;
		throw e;
	}
	throw new Error('expected a CalDavError');
};

describe('credentials stay with the configured server', () => {
	it.each([301, 302, 307, 308])('refuses a %i redirect to another origin: the other server gets nothing', async (status) => {
		const other = await serve((_req, res) => res.writeHead(207).end(multistatus([])));
		const home = await serve((req, res) => res.writeHead(status, { Location: `${other.url}cal${req.url ?? ''}` }).end());
		const client = new CalDavClient(nodeHttp, USER, PASSWORD, home.url);
		const error = await failureOf(client.events(`${home.url}cal/`));
		expect(error.failure).toBe('elsewhere');
		expect(other.received).toEqual([]);
		expect(home.received[0]?.authorization).toBe(`Basic ${TOKEN}`);
		expect(leaks(error.message)).toBe(false);
	});

	it('refuses a redirect from https to plain http: the http server gets nothing', async () => {
		const plain = await serve((_req, res) => res.writeHead(207).end(multistatus([])));
		// The https server is a stand-in transport (no certificate here); the http server is real.
		const http: HttpClient = (req) => (req.url.startsWith('https://') ? Promise.resolve({ status: 301, headers: { location: `${plain.url}cal/` }, text: '' }) : nodeHttp(req));
		const client = new CalDavClient(http, USER, PASSWORD, 'https://caldav.example.com/');
		const error = await failureOf(client.events('https://caldav.example.com/cal/'));
		expect(error.failure).toBe('insecure');
		expect(plain.received).toEqual([]);
	});

	it('never deletes (or sends anything to) a stale event listed at another origin', async () => {
		const other = await serve((_req, res) => res.writeHead(204).end());
		const events = reviewEvents([{ path: 'a.md', firstDay: dayNumberOf(new Date(2024, 9, 1)), doneMask: 0 }], configWith({ preset: 'en' }), { today: dayNumberOf(new Date(2024, 9, 10)), vaultName: 'Vault', reminderMinutes: null, stageName: englishStageNames });
		const staleUid = events[0]?.uid.replace(/-\d+@/, '-99@') ?? '';
		const stale = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:${staleUid}\r\nSUMMARY:gone\r\n${MARK_PROPERTY}:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
		const home = await serve((req, res) => {
			if (req.method === 'REPORT') return res.writeHead(207).end(multistatus([{ href: `${other.url}cal/stale.ics`, etag: '"1"', data: stale }]));
			if (req.method === 'PROPFIND') return res.writeHead(207).end('<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>');
			res.writeHead(201).end();
		});
		const counts = await syncCalendar(new CalDavClient(nodeHttp, USER, PASSWORD, home.url), `${home.url}cal/`, events, new Date(2024, 9, 10), 'Vault');
		expect(counts.deleted).toBe(0);
		expect(counts.created).toBe(events.length);
		expect(other.received).toEqual([]);
		expect(home.received.filter((r) => r.method === 'DELETE')).toEqual([]);
	});

	it('refuses addresses with a user name or password, without repeating them', async () => {
		expect(() => new CalDavClient(nodeHttp, USER, PASSWORD, `https://${USER}:${PASSWORD}@caldav.example.com/`)).toThrow(CalDavError);
		const client = new CalDavClient(nodeHttp, USER, PASSWORD, 'https://caldav.example.com/');
		const error = await failureOf(client.discover(`https://${USER}:${PASSWORD}@caldav.example.com/`));
		expect(error.failure).toBe('userinfo');
		expect(leaks(error.message)).toBe(false);
		expect(hasUserinfo('https://a:b@x.org/')).toBe(true);
		expect(hasUserinfo('https://x.org/a@b')).toBe(false);
	});

	it('never puts what a server echoes back into a message: an echo in a tag, in text, in an error page', async () => {
		const answers: ((auth: string) => [number, string])[] = [
			(auth) => [207, `<d:multistatus xmlns:d="DAV:"><${auth}></d:multistatus>`],
			(auth) => [207, `<d:multistatus xmlns:d="DAV:"><d:x>&${auth.replace(/\W/g, '')};</d:x></d:multistatus>`],
			(auth) => [207, `<d:multistatus xmlns:d="DAV:"><p:${auth.replace(/\W/g, '')}/></d:multistatus>`],
			(auth) => [500, `Internal error for ${auth}`],
		];
		for (const answer of answers) {
			const home = await serve((req, res) => {
				const [status, body] = answer(req.headers.authorization ?? '');
				res.writeHead(status).end(body);
			});
			const said = await new CalDavClient(nodeHttp, USER, PASSWORD, home.url).events(`${home.url}cal/`).then(
				(events) => JSON.stringify(events),
				(e: Error) => `${e.message} ${e.stack ?? ''}`,
			);
			expect(home.received[0]?.authorization).toBe(`Basic ${TOKEN}`);
			expect(leaks(said)).toBe(false);
		}
	});

	it('trusts the configured origin only, as browsers keep Authorization: not a neighbour on a shared suffix, port or scheme', () => {
		const alice = new URL('https://alice.synology.me:5001/caldav/');
		// Customers of one dynamic-DNS or NAS suffix are different people.
		for (const target of ['https://mallory.synology.me:5001/caldav/', 'https://synology.me:5001/', 'https://alice.synology.me/caldav/', 'https://alice.synology.me:5002/caldav/']) expect([target, credentialBar(alice, new URL(target))]).toEqual([target, 'elsewhere']);
		expect(credentialBar(alice, new URL('https://alice.synology.me:5001/caldav/learner/reviews/'))).toBeNull();
		expect(credentialBar(alice, new URL('http://alice.synology.me:5001/caldav/'))).toBe('insecure');
		for (const [from, to] of [['https://alice.myds.me/', 'https://bob.myds.me/'], ['https://me.duckdns.org/', 'https://you.duckdns.org/'], ['https://caldav.calendar.naver.com/', 'https://caldav.naver.com/'], ['https://cal.school.ac.kr/', 'https://other.ac.kr/'], ['http://127.0.0.1:5232/', 'http://127.0.0.1:5233/'], ['https://caldav.fastmail.com/', 'https://www.fastmail.com/']] as const) {
			expect([to, credentialBar(new URL(from), new URL(to))]).toEqual([to, 'elsewhere']);
		}
	});

	it('keeps one named exception, iCloud\'s partition hosts, over https on the default port only', () => {
		const icloud = new URL('https://caldav.icloud.com/');
		expect(credentialBar(icloud, new URL('https://p42-caldav.icloud.com/123/calendars/'))).toBeNull();
		expect(credentialBar(new URL('https://p42-caldav.icloud.com/'), new URL('https://p07-caldav.icloud.com/1/'))).toBeNull();
		expect(credentialBar(icloud, new URL('http://p42-caldav.icloud.com/'))).toBe('insecure');
		for (const target of ['https://p42-caldav.icloud.com:8443/', 'https://evil-caldav.icloud.com/', 'https://www.icloud.com/', 'https://p42-caldav.icloud.com.evil.example/', 'https://icloud.com.evil.example/']) expect([target, credentialBar(icloud, new URL(target))]).toEqual([target, 'elsewhere']);
		// The exception is iCloud's only: another provider's host never reaches a partition host.
		expect(credentialBar(new URL('https://caldav.fastmail.com/'), new URL('https://p42-caldav.icloud.com/'))).toBe('elsewhere');
	});

	it('hides the password in every form a server could echo it: plain, user:password, the token, percent-encoded, base64', async () => {
		const password = 'pä ss+/w=rd:1';
		const forms = secretForms(USER, password);
		const token = Buffer.from(`${USER}:${password}`).toString('base64');
		const echoes = [password, `${USER}:${password}`, token, `Basic ${token}`, encodeURIComponent(`Basic ${token}`), encodeURIComponent(password), encodeURIComponent(password).toLowerCase(), encodeURI(`${USER}:${password}`), Buffer.from(password).toString('base64'), encodeURIComponent(token), token.replace(/=+$/, '')];
		for (const echo of echoes) {
			// The redirect's Location carries the echo; the client refuses it and names where it went.
			const home = await serve((_req, res) => res.writeHead(302, { Location: `https://elsewhere.example/?a=${echo}` }).end());
			const error = await failureOf(new CalDavClient(nodeHttp, USER, password, home.url).events(`${home.url}cal/`));
			expect([echo, error.message.includes(echo)]).toEqual([echo, false]);
			const page = await serve((_req, res) => res.writeHead(500).end(`oops ${echo}`));
			const paged = await failureOf(new CalDavClient(nodeHttp, USER, password, page.url).events(`${page.url}cal/`));
			expect([echo, `${paged.message}`.includes(echo)]).toEqual([echo, false]);
		}
		expect(forms).toContain(encodeURIComponent(`Basic ${token}`));
	});

	it('tells plain http to the internet from plain http at home', () => {
		for (const url of ['http://caldav.example.com/', 'http://8.8.8.8/', 'http://[2001:db8::1]/']) expect(isPlainHttpToRemote(url)).toBe(true);
		for (const url of ['https://caldav.example.com/', 'http://127.0.0.1:5232/', 'http://localhost/', 'http://192.168.0.10/', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://nas.local/', 'http://[::1]/', 'http://[fd00::1]/']) expect(isPlainHttpToRemote(url)).toBe(false);
	});
});

describe('hostile answers end in a clear error', () => {
	it('refuses an unreadable href as a protocol error, not a crash', async () => {
		const home = await serve((_req, res) => res.writeHead(207).end(multistatus([{ href: 'http://[::1', etag: '"1"', data: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }])));
		await expect(new CalDavClient(nodeHttp, USER, PASSWORD, home.url).events(`${home.url}cal/`)).resolves.toEqual([]);
		const redirect = await serve((_req, res) => res.writeHead(302, { Location: 'http://[::1' }).end());
		expect((await failureOf(new CalDavClient(nodeHttp, USER, PASSWORD, redirect.url).events(`${redirect.url}cal/`))).failure).toBe('protocol');
	});

	it('reads a 300 KB tag, 16,000 nested namespaces and a flood of elements without hanging, and stops at its limits', () => {
		const longTag = `<d:multistatus xmlns:d="DAV:"><d:x ${'a'.repeat(300_000)}="1"/></d:multistatus>`;
		expect(parseXml(longTag).children).toHaveLength(1);
		const unclosedLongTag = `<d:multistatus xmlns:d="DAV:"><d:x ${'a '.repeat(150_000)}`;
		expect(() => parseXml(unclosedLongTag)).toThrow(/offset/);
		const nested = `<d:multistatus xmlns:d="DAV:">${'<x:e xmlns:x="urn:x">'.repeat(16_000)}${'</x:e>'.repeat(16_000)}</d:multistatus>`;
		expect(() => parseXml(nested)).toThrow(`nested more than ${XML_LIMITS.maxDepth} levels`);
		const flood = `<d:multistatus xmlns:d="DAV:">${'<d:a/>'.repeat(XML_LIMITS.maxElements + 1)}</d:multistatus>`;
		expect(() => parseXml(flood)).toThrow(`more than ${XML_LIMITS.maxElements} elements`);
		expect(() => parseXml(' '.repeat(XML_LIMITS.maxChars + 1))).toThrow('larger than 20 MB');
	});

	it('reads a large answer in slices, handing the thread back between them, to the same result', async () => {
		const responses = Array.from({ length: 20_000 }, (_, i) => `<d:response><d:href>/c/${i}.ics</d:href><d:propstat><d:prop><d:getetag>"${i}"</d:getetag></d:prop></d:propstat></d:response>`).join('');
		const text = `<d:multistatus xmlns:d="DAV:">${responses}</d:multistatus>`;
		let pauses = 0;
		const sliced = await parseXmlInSlices(text, 0, () => (pauses++, Promise.resolve()));
		expect(pauses).toBeGreaterThan(100);
		expect(sliced).toEqual(parseXml(text));
	});

	it('stops reading an answer past 20 MB (the CLI\'s HTTP) and names the limit', async () => {
		const chunk = Buffer.alloc(1024 * 1024, 0x20);
		const huge = await serve((_req, res) => {
			res.writeHead(207);
			let sent = 0;
			const more = () => {
				while (sent < 600 && res.write(chunk)) sent++;
				if (sent < 600) res.once('drain', more);
				else res.end();
			};
			more();
		});
		const error = await failureOf(new CalDavClient(nodeHttp, USER, PASSWORD, huge.url).events(`${huge.url}cal/`));
		expect(error.failure).toBe('too-large');
		expect(error.message).toContain('20 MB');
	});
});
