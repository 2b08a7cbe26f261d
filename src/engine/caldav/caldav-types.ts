/** The shapes the CalDAV client speaks in: its HTTP port, its failures and what it finds. */
export interface HttpRequest {
	url: string;
	method: string;
	headers: Record<string, string>;
	body?: string;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	text: string;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * What went wrong, as the learner needs to hear it; the plugin and CLI word each kind. `insecure`: a
 * redirect from https to plain http; `elsewhere`: a redirect or address on another server, which gets
 * neither the password nor the reviews; `userinfo`: an address with a user name or password in it;
 * `too-large`: an answer over the size limit; `timeout`: no whole answer before the deadline;
 * `not-a-calendar`: the address is a collection that is not a calendar (an account's home, say);
 * `cannot-create`: the server makes no calendars over CalDAV (no MKCALENDAR: Naver, Google).
 */
export type CalDavFailure =
	| 'unauthorized'
	| 'forbidden'
	| 'not-found'
	| 'precondition'
	| 'server'
	| 'network'
	| 'protocol'
	| 'insecure'
	| 'elsewhere'
	| 'userinfo'
	| 'too-large'
	| 'timeout'
	| 'not-a-calendar'
	| 'cannot-create';

export class CalDavError extends Error {
	constructor(
		readonly failure: CalDavFailure,
		readonly status: number | null,
		message: string,
	) {
		super(message);
	}
}

export interface CalendarInfo {
	url: string;
	name: string;
}

export interface RemoteResource {
	url: string;
	etag: string | null;
	data: string;
}
