import { createServer, request, type Server } from 'node:http';
import { nodeHttp } from '../../src/cli/node-http';
import { freePort, startRadicale } from './radicale';
import type { CalDavTestServer } from './xandikos';

/**
 * A CalDAV server that behaves as public clients report Naver Calendar does (shared/notes/
 * reminders.md; no official document exists): a small proxy in front of a real Radicale with exactly
 * these behaviours, so the sync suite runs against them on 127.0.0.1:
 * - no ETag anywhere: no ETag header, no getetag property;
 * - no MKCALENDAR (405): the learner picks an existing calendar, made here behind the proxy's back;
 * - PROPFIND on `/` and `/.well-known/caldav` answer 404; the account lives under `/principals/`
 *   (Radicale is told its prefix with X-Script-Name, so every href it writes carries it);
 * - a calendar-query REPORT lists every second event with empty calendar-data (multiget and GET give it).
 */
export const PRINCIPALS = '/principals';

export interface QuirksServer extends CalDavTestServer {
	/** The calendar that exists from the start, since none can be made. */
	calendar: string;
	/** Requests by method, for "what did a sync send". */
	methods: string[];
}

const NAME = /<([\w-]+:)?getetag\b[^>]*?(\/>|>[\s\S]*?<\/\1getetag>)/g;
const DATA = /(<([\w-]+:)?calendar-data\b[^>]*>)([\s\S]*?)(<\/\2calendar-data>)/g;

export async function startNaverQuirks(): Promise<QuirksServer> {
	const radicale = await startRadicale({ learner: 'naver-app-password' });
	const backend = `http://127.0.0.1:${radicale.port}`;
	// The one calendar, made directly in Radicale (Naver's own web app would have made it).
	const home = `${backend}/${radicale.user}/`;
	const auth = `Basic ${Buffer.from(`${radicale.user}:${radicale.password}`).toString('base64')}`;
	const made = await nodeHttp({ url: `${home}calendar/`, method: 'MKCALENDAR', headers: { Authorization: auth, 'Content-Type': 'application/xml' }, body: '<?xml version="1.0"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>내 캘린더</d:displayname></d:prop></d:set></c:mkcalendar>' });
	if (made.status !== 201) throw new Error(`could not make the calendar: HTTP ${made.status}`);
	const methods: string[] = [];
	const port = await freePort();
	const proxy: Server = createServer((req, res) => {
		methods.push(req.method ?? '');
		const path = req.url ?? '/';
		if (!path.startsWith(`${PRINCIPALS}/`)) return void res.writeHead(404).end();
		if (req.method === 'MKCALENDAR') return void res.writeHead(405, { Allow: 'OPTIONS, GET, PUT, DELETE, PROPFIND, REPORT' }).end();
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const query = body.toString('utf8').includes('calendar-query');
			const headers = { ...req.headers, host: `127.0.0.1:${radicale.port}`, 'x-script-name': PRINCIPALS };
			delete headers['if-match'];
			const upstream = request(`${backend}${path.slice(PRINCIPALS.length)}`, { method: req.method, headers }, (answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => parts.push(chunk));
				answer.on('end', () => {
					const out = { ...answer.headers };
					delete out.etag;
					delete out['content-length'];
					let text = Buffer.concat(parts).toString('utf8');
					if ((answer.headers['content-type'] ?? '').includes('xml')) {
						text = text.replace(NAME, '');
						let n = 0;
						if (query) text = text.replace(DATA, (whole, open: string, _p: string, _data: string, close: string) => (n++ % 2 === 1 ? `${open}${close}` : whole));
					}
					res.writeHead(answer.statusCode ?? 502, out).end(text);
				});
			});
			upstream.on('error', () => res.writeHead(502).end());
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', () => resolve()));
	const url = `http://127.0.0.1:${port}/`;
	return {
		name: 'Naver-like quirks',
		url,
		user: radicale.user,
		password: radicale.password,
		calendar: `http://127.0.0.1:${port}${PRINCIPALS}/${radicale.user}/calendar/`,
		methods,
		dispose: async () => {
			proxy.closeAllConnections();
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
			await radicale.dispose();
		},
	};
}
