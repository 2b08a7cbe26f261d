import type { RequestUrlParam, RequestUrlResponse } from 'obsidian';
import { nodeHttpWith } from '../../src/cli/node-http';

/** Obsidian's requestUrl has no deadline of its own; the plugin's (request-url-http.ts) is the one under test. */
const nodeHttp = nodeHttpWith({ deadlineMs: 600_000 });

/**
 * Obsidian's requestUrl over Node's http, for plugin tests against a real server: the plugin's own
 * request code (src/plugin/reminders/request-url-http.ts) runs unchanged. Like requestUrl it rejects on a
 * network failure and, with `throw: false`, resolves on any HTTP status.
 */
export async function nodeRequestUrl(request: RequestUrlParam | string): Promise<RequestUrlResponse> {
	const param = typeof request === 'string' ? { url: request } : request;
	const body = typeof param.body === 'string' ? param.body : param.body === undefined ? undefined : new TextDecoder().decode(param.body);
	const response = await nodeHttp({ url: param.url, method: param.method ?? 'GET', headers: { ...(param.contentType ? { 'Content-Type': param.contentType } : {}), ...param.headers }, ...(body === undefined ? {} : { body }) });
	if (param.throw !== false && response.status >= 400) throw new Error(`Request failed, status ${response.status}`);
	return { status: response.status, headers: response.headers, text: response.text, json: null, arrayBuffer: new TextEncoder().encode(response.text).buffer };
}

/**
 * The `obsidian` module for a vi.mock factory: the mocks' own, with requestUrl carried by Node's http
 * (nodeRequestUrl) and each request's method noted in `methods`, so a test can count the round trips.
 */
export function obsidianWithNodeRequests(original: object, methods: string[]): object {
	return {
		...original,
		requestUrl: (r: RequestUrlParam | string) => {
			methods.push(typeof r === 'string' ? 'GET' : (r.method ?? 'GET'));
			return nodeRequestUrl(r);
		},
	};
}
