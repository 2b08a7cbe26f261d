import { requestUrl } from 'obsidian';
import { CalDavError, type HttpClient } from '../../engine';

/** The whole time one request may take. requestUrl has no timeout of its own. */
export const REQUEST_DEADLINE_MS = 30_000;

/**
 * The CalDAV client's HTTP through Obsidian's requestUrl: no CORS limits on desktop or mobile (a
 * fetch-based client fails on Android), and it never throws for an HTTP status, so the client sees
 * 3xx, 401, 412 and 5xx as they are. A request that never ends is raced against a deadline: the sync
 * waiting on it fails as "the server did not answer", and the next sync is free to run.
 */
export function requestUrlHttpWith(deadlineMs = REQUEST_DEADLINE_MS): HttpClient {
	return async (request) => {
		let timer: number | undefined;
		const deadline = new Promise<never>((_, reject) => {
			timer = window.setTimeout(() => reject(new CalDavError('timeout', null, `no whole answer in ${deadlineMs / 1000} s`)), deadlineMs);
		});
		try {
			const response = await Promise.race([requestUrl({ url: request.url, method: request.method, headers: request.headers, body: request.body, throw: false }), deadline]);
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
			return { status: response.status, headers, text: response.text };
		} finally {
			window.clearTimeout(timer);
		}
	};
}

export const requestUrlHttp: HttpClient = requestUrlHttpWith();
