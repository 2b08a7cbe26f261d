import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HttpClient } from '../engine';

/** Time allowed for one request, so a server that stopped answering fails instead of hanging. */
const TIMEOUT_MS = 30_000;

/** An HttpClient over Node's http and https, for the CLI and the tests (the plugin uses requestUrl). */
export const nodeHttp: HttpClient = (req) =>
	new Promise((resolve, reject) => {
		const url = new URL(req.url);
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
		const headers = { ...req.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
		const outgoing = send(url, { method: req.method, headers, timeout: TIMEOUT_MS }, (incoming) => {
			const chunks: Buffer[] = [];
			incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
			incoming.on('end', () => {
				const responseHeaders: Record<string, string> = {};
				for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
				resolve({ status: incoming.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
			});
			incoming.on('error', reject);
		});
		outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
		outgoing.on('error', reject);
		outgoing.end(body);
	});
