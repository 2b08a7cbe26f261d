import { requestUrl } from 'obsidian';
import type { HttpClient } from '../engine';

/**
 * The CalDAV client's HTTP through Obsidian's requestUrl: no CORS limits on desktop or mobile (a
 * fetch-based client fails on Android), and it never throws for an HTTP status, so the client sees
 * 3xx, 401, 412 and 5xx as they are.
 */
export const requestUrlHttp: HttpClient = async (request) => {
	const response = await requestUrl({ url: request.url, method: request.method, headers: request.headers, body: request.body, throw: false });
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
	return { status: response.status, headers, text: response.text };
};
