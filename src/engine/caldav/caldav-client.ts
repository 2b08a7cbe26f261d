import { CalDavError, type CalDavFailure, type CalendarInfo, type HttpClient, type HttpRequest, type HttpResponse, type RemoteResource } from './caldav-types';
import { base64, credentialBar, hasUserinfo, redact, secretForms } from './credential-scope';
import { asCollection, firstHref, okProp, resolveHref, safeOrigin } from './dav-answers';
import { CALDAV, child, children, DAV, escapeXml, parseXml, parseXmlInSlices, XML_LIMITS, type XmlElement, XmlError } from './xml';

const MAX_REDIRECTS = 5;
/** The longest stretch an answer is read in before the thread is handed back (with a `pause`). */
const SLICE_MS = 8;

/**
 * Where discovery looks for the account when neither /.well-known/caldav nor the address itself
 * answers: Naver Calendar answers 404 on `/` and keeps its principals under /principals/ (reported by
 * public clients; shared/notes/reminders.md). Data, tried in order, on the configured origin only.
 */
export const DISCOVERY_FALLBACK_PATHS: readonly string[] = ['/principals/'];

function failureOf(status: number): CalDavFailure {
	if (status === 401) return 'unauthorized';
	if (status === 403) return 'forbidden';
	if (status === 404 || status === 410) return 'not-found';
	if (status === 412) return 'precondition';
	if (status >= 500) return 'server';
	return 'protocol';
}

const xmlHeader = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * A small CalDAV client (RFC 4791 over WebDAV, RFC 4918): discovery, MKCALENDAR, calendar-query REPORT,
 * PUT and DELETE with ETags. It sends every request through the `HttpClient` it is given: Obsidian's
 * requestUrl in the plugin (no CORS limits, desktop and mobile), Node's http in the CLI and the tests.
 */
export class CalDavClient {
	/** Requests sent so far (redirects included), for the benchmark's "requests per sync". */
	requests = 0;
	private readonly auth: string;
	/** The server the learner configured: the only place the password goes (credential-scope.ts). */
	private readonly trusted: URL;
	/** Texts that must never appear in a message: the password and what carries it, in every encoding (credential-scope.ts). */
	private readonly secrets: string[];

	/**
	 * `server` is the address the learner configured (the server for discovery, or the calendar): its
	 * origin, or over https its registrable domain, is where requests with the password may go.
	 */
	constructor(
		private readonly http: HttpClient,
		user: string,
		password: string,
		server: string,
		/** Hands the thread back while a large answer is read (the plugin: a timer); absent, answers are read at once (the CLI). */
		private readonly pause?: () => Promise<void>,
	) {
		this.auth = `Basic ${base64(`${user}:${password}`)}`;
		this.secrets = secretForms(user, password);
		if (hasUserinfo(server)) throw new CalDavError('userinfo', null, 'the address holds a user name or password');
		try {
			this.trusted = new URL(server);
		} catch {
			throw new CalDavError('protocol', null, 'the server address is not a URL');
		}
	}

	/** True when `url` is on the configured server (credential-scope.ts): only such addresses are read, written or deleted. */
	trusts(url: string): boolean {
		try {
			return credentialBar(this.trusted, new URL(url)) === null;
		} catch {
			return false;
		}
	}

	/**
	 * Finds the calendars that accept events, starting from a server's address: /.well-known/caldav,
	 * then current-user-principal, calendar-home-set and the home's calendars. Redirects are followed
	 * (iCloud sends each account to its own partition host).
	 */
	async discover(serverUrl: string): Promise<{ home: string; calendars: CalendarInfo[] }> {
		// An address with a user name or password in it is refused by send(), before any request.
		const base = new URL(serverUrl);
		// The well-known address (which may redirect to a name the server calls itself by), the learner's
		// own, then the places servers are known to keep principals. A candidate that is not there (404,
		// 405, 501) passes to the next; the last one's failure is the learner's to hear.
		const wellKnown = new URL('/.well-known/caldav', base).href;
		const candidates = [...new Set([wellKnown, base.href, ...DISCOVERY_FALLBACK_PATHS.map((path) => new URL(path, base).href)])];
		let context = base.href;
		let principalAnswer: { root: XmlElement; url: string } | null = null;
		for (const [i, candidate] of candidates.entries()) {
			context = candidate;
			const missing = i === candidates.length - 1 ? 'throw' : candidate === wellKnown ? 'absent-or-elsewhere' : 'absent';
			principalAnswer = await this.propfind(candidate, 0, `<d:current-user-principal/>`, missing);
			if (principalAnswer) break;
		}
		const principalHref = firstHref(principalAnswer?.root, DAV, 'current-user-principal');
		const principal = principalHref ? resolveHref(principalHref, principalAnswer?.url ?? context) : (principalAnswer?.url ?? context);
		const homeAnswer = await this.propfind(principal, 0, `<c:calendar-home-set/>`);
		const homeHref = firstHref(homeAnswer?.root, CALDAV, 'calendar-home-set');
		const home = homeHref ? resolveHref(homeHref, homeAnswer?.url ?? principal) : principal;
		return { home, calendars: await this.calendarsIn(home) };
	}

	/** The calendars directly in a collection that accept VEVENTs (or say nothing about components). */
	async calendarsIn(home: string): Promise<CalendarInfo[]> {
		const answer = await this.propfind(home, 1, '<d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>');
		const calendars: CalendarInfo[] = [];
		for (const response of children(answer?.root, DAV, 'response')) {
			const href = child(response, DAV, 'href')?.text.trim();
			const prop = okProp(response);
			if (!href || !child(child(prop, DAV, 'resourcetype'), CALDAV, 'calendar')) continue;
			const components = children(child(prop, CALDAV, 'supported-calendar-component-set'), CALDAV, 'comp');
			if (components.length > 0 && !components.some((c) => c.attributes.name?.toUpperCase() === 'VEVENT')) continue;
			const url = resolveHref(href, answer?.url ?? home);
			// A calendar listed on another server is not offered: it would not get the password anyway.
			if (!this.trusts(url)) continue;
			calendars.push({ url, name: child(prop, DAV, 'displayname')?.text.trim() || decodeURIComponent(url.replace(/\/$/, '').split('/').pop() ?? url) });
		}
		return calendars;
	}

	/** Makes a calendar for events in `home` (MKCALENDAR); an existing one at that address is reused. */
	async createCalendar(home: string, slug: string, name: string): Promise<CalendarInfo> {
		const url = new URL(`${encodeURIComponent(slug)}/`, asCollection(home)).href;
		const body = `${xmlHeader}<c:mkcalendar xmlns:d="DAV:" xmlns:c="${CALDAV}"><d:set><d:prop><d:displayname>${escapeXml(name)}</d:displayname><c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`;
		const response = await this.send({ url, method: 'MKCALENDAR', headers: { 'Content-Type': 'application/xml; charset=utf-8' }, body });
		if (response.status === 201 || response.status === 200) return { url, name };
		// Made before (a second device, a second press): servers say so in different ways. 405 (RFC 4791
		// §5.3.1), 409, 403 with resource-must-be-null (Cyrus), a 207 wrapping that 403 (Xandikos). Any of
		// them is fine when a calendar is there now.
		if ((await this.calendarsIn(home)).some((c) => c.url === url)) return { url, name };
		// Not allowed, or not implemented: a server without MKCALENDAR; the learner picks a calendar there is.
		if (response.status === 405 || response.status === 501) throw this.error('cannot-create', response.status, `MKCALENDAR ${url}: HTTP ${response.status}`);
		throw this.errorFor(response.status, `MKCALENDAR ${url}`);
	}

	/**
	 * Every event in a calendar, with its ETag and data, in one REPORT. Filtering by UID on the server
	 * (a text-match) is not used: servers differ in what they support there (Radicale 3.1 fails on it
	 * for events with alarms), and the caller picks out its own events anyway.
	 */
	async events(calendarUrl: string): Promise<RemoteResource[]> {
		const seen = new Set<string>();
		const body = `${xmlHeader}<c:calendar-query xmlns:d="DAV:" xmlns:c="${CALDAV}"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter></c:filter></c:calendar-query>`;
		const answer = await this.multistatus({ url: calendarUrl, method: 'REPORT', headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body });
		const resources = this.listed(answer, seen);
		// Some servers (Naver Calendar, as public clients report it) list an event with empty
		// calendar-data: those are asked for again, all in one multiget, then one GET each for any the
		// multiget still leaves empty. Read as empty, they would look absent and be created again.
		const empty = resources.filter((r) => r.data.trim() === '');
		if (empty.length > 0) await this.fillEmpty(calendarUrl, empty);
		return resources.filter((r) => r.data.trim() !== '');
	}

	/** The calendar objects of a multistatus answer: one per address, only on the configured server. */
	private listed(answer: { root: XmlElement; url: string }, seen: Set<string>): RemoteResource[] {
		const resources: RemoteResource[] = [];
		for (const response of children(answer.root, DAV, 'response')) {
			const href = child(response, DAV, 'href')?.text.trim();
			const prop = okProp(response);
			const data = child(prop, CALDAV, 'calendar-data')?.text;
			if (!href || data === undefined) continue;
			const url = resolveHref(href, answer.url, null);
			// One address listed twice is one resource; an address on another server is never ours to touch.
			if (url === null || seen.has(url) || !this.trusts(url)) continue;
			seen.add(url);
			const etag = child(prop, DAV, 'getetag')?.text.trim();
			resources.push({ url, etag: etag ? etag : null, data });
		}
		return resources;
	}

	/** Fills in the data of resources listed without it: calendar-multiget (RFC 4791 §7.9), then GET. */
	private async fillEmpty(calendarUrl: string, empty: RemoteResource[]): Promise<void> {
		const byUrl = new Map(empty.map((r) => [r.url, r]));
		const hrefs = empty.map((r) => `<d:href>${escapeXml(new URL(r.url).pathname)}</d:href>`).join('');
		const body = `${xmlHeader}<c:calendar-multiget xmlns:d="DAV:" xmlns:c="${CALDAV}"><d:prop><d:getetag/><c:calendar-data/></d:prop>${hrefs}</c:calendar-multiget>`;
		try {
			const answer = await this.multistatus({ url: calendarUrl, method: 'REPORT', headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body });
			for (const found of this.listed(answer, new Set())) {
				const resource = byUrl.get(found.url);
				if (resource && found.data.trim() !== '') Object.assign(resource, { data: found.data, etag: found.etag ?? resource.etag });
			}
		} catch (e) {
			// A server without multiget: GET is the way left. The account's own failures still stop here.
			if (!(e instanceof CalDavError) || !['protocol', 'not-found', 'forbidden', 'server'].includes(e.failure)) throw e;
		}
		for (const resource of empty) {
			if (resource.data.trim() !== '') continue;
			const response = await this.send({ url: resource.url, method: 'GET', headers: { Accept: 'text/calendar' } });
			if (response.status === 404 || response.status === 410) continue;
			if (response.status < 200 || response.status >= 300) throw this.errorFor(response.status, `GET ${resource.url}`);
			resource.data = response.text;
			resource.etag = response.headers.etag ?? resource.etag;
		}
	}

	/** Throws `not-a-calendar` unless `url` is a calendar collection (an account's home is not one). */
	async checkCalendar(url: string): Promise<void> {
		const answer = await this.propfind(url, 0, '<d:resourcetype/>');
		const isCalendar = children(answer?.root, DAV, 'response').some((response) => child(child(okProp(response), DAV, 'resourcetype'), CALDAV, 'calendar'));
		if (!isCalendar) throw new CalDavError('not-a-calendar', null, `${url} is not a calendar`);
	}

	/** Creates (only if absent) or replaces (only if unchanged since `etag`) one calendar object. */
	async put(url: string, ics: string, condition: { create: true } | { etag: string | null }): Promise<void> {
		const headers: Record<string, string> = { 'Content-Type': 'text/calendar; charset=utf-8' };
		if ('create' in condition) headers['If-None-Match'] = '*';
		else if (condition.etag) headers['If-Match'] = condition.etag;
		const response = await this.send({ url, method: 'PUT', headers, body: ics });
		if (response.status < 200 || response.status >= 300) throw this.errorFor(response.status, `PUT ${url}`);
	}

	/** Deletes one calendar object, only if unchanged since `etag`; one already gone is fine. */
	async remove(url: string, etag: string | null): Promise<void> {
		const response = await this.send({ url, method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
		if (response.status === 404 || response.status === 410) return;
		if (response.status < 200 || response.status >= 300) throw this.errorFor(response.status, `DELETE ${url}`);
	}

	/**
	 * A PROPFIND's multistatus. `missing` says what an address that is not there gives: an error
	 * (`throw`), null (`absent`: 404, 405, 501), or null also for a redirect to another name or to plain
	 * http (`absent-or-elsewhere`, the well-known probe: nothing went to the other name).
	 */
	private async propfind(url: string, depth: 0 | 1, props: string, missing: 'throw' | 'absent' | 'absent-or-elsewhere' = 'throw'): Promise<{ root: XmlElement; url: string } | null> {
		const body = `${xmlHeader}<d:propfind xmlns:d="DAV:" xmlns:c="${CALDAV}"><d:prop>${props}</d:prop></d:propfind>`;
		try {
			return await this.multistatus({ url, method: 'PROPFIND', headers: { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' }, body });
		} catch (e) {
			// The well-known probe may be missing, or sent to a name the server calls itself by: the
			// learner's own address is then asked directly (nothing went to the other name).
			if (missing === 'throw' || !(e instanceof CalDavError)) throw e;
			if (e.status === 404 || e.status === 405 || e.status === 501) return null;
			if (missing === 'absent-or-elsewhere' && (e.failure === 'elsewhere' || e.failure === 'insecure')) return null;
			throw e;
		}
	}

	private async multistatus(request: HttpRequest): Promise<{ root: XmlElement; url: string }> {
		const response = await this.send(request);
		if (response.status !== 207) throw this.errorFor(response.status, `${request.method} ${response.url}`);
		if (response.text.length > XML_LIMITS.maxChars) throw new CalDavError('too-large', 207, `${request.method} ${response.url}: the answer is larger than ${XML_LIMITS.maxChars / 1024 / 1024} MB`);
		try {
			const root = this.pause ? await parseXmlInSlices(response.text, SLICE_MS, this.pause) : parseXml(response.text);
			if (root.ns !== DAV || root.name !== 'multistatus') throw new XmlError('not a multistatus answer');
			return { root, url: response.url };
		} catch (e) {
			throw this.error('protocol', 207, `${request.method} ${response.url}: ${(e as Error).message}`);
		}
	}

	/**
	 * Sends with authentication, following redirects with the same method and body, but only to the
	 * configured server: a redirect elsewhere, or from https to http, is refused before anything (the
	 * password, the reviews) is sent there. Refused rather than followed without the password, because
	 * the request's body and the answer's trust would still go to a server the learner never named.
	 */
	private async send(request: HttpRequest): Promise<HttpResponse & { url: string }> {
		let url = request.url;
		for (let hop = 0; ; hop++) {
			const bar = this.barFor(url);
			if (bar) throw this.error(bar, null, `${request.method} ${hop === 0 ? 'to' : 'redirected to'} ${safeOrigin(url)}`);
			this.requests++;
			let response: HttpResponse;
			try {
				response = await this.http({ ...request, url, headers: { ...request.headers, Authorization: this.auth } });
			} catch (e) {
				const failure = e instanceof CalDavError ? e.failure : 'network';
				throw this.error(failure, null, `${request.method} ${url}: ${(e as Error).message}`);
			}
			const location = response.headers.location;
			if ([301, 302, 303, 307, 308].includes(response.status) && location && hop < MAX_REDIRECTS) {
				const next = resolveHref(location, url, null);
				if (next === null) throw this.error('protocol', response.status, `${request.method} ${url}: a redirect to an address that is not one`);
				url = next;
				continue;
			}
			return { ...response, url };
		}
	}

	private barFor(url: string): 'insecure' | 'elsewhere' | 'userinfo' | null {
		if (hasUserinfo(url)) return 'userinfo';
		try {
			return credentialBar(this.trusted, new URL(url));
		} catch {
			return 'elsewhere';
		}
	}

	/** A text that came from the server (an event's summary, say) with every form of the password hidden. */
	redact(text: string): string {
		return redact(text, this.secrets);
	}

	private errorFor(status: number, what: string): CalDavError {
		return this.error(failureOf(status), status, `${what}: HTTP ${status}`);
	}

	/** Every error leaves through here: whatever a server echoed, the password never reaches a message. */
	private error(failure: CalDavFailure, status: number | null, message: string): CalDavError {
		return new CalDavError(failure, status, this.redact(message));
	}
}
