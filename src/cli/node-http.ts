import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CalDavError, type HttpClient, XML_LIMITS } from '../engine';

/**
 * An HttpClient over Node's http and https, for the CLI and the tests (the plugin uses requestUrl).
 * Bounded: the whole exchange must end within `deadlineMs` (a server that sends a byte every few
 * seconds does not keep it alive), and an answer is not read past `maxBytes`.
 */
export function nodeHttpWith({ deadlineMs = 30_000, maxBytes = XML_LIMITS.maxChars }: { deadlineMs?: number; maxBytes?: number } = {}): HttpClient {
	return (req) =>
		new Promise((resolve, reject) => {
			const url = new URL(req.url);
			const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
			const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
			const headers = { ...req.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
			const outgoing = send(url, { method: req.method, headers }, (incoming) => {
				const chunks: Buffer[] = [];
				let received = 0;
				incoming.on('data', (chunk: Buffer) => {
					received += chunk.length;
					if (received > maxBytes) return fail(new CalDavError('too-large', incoming.statusCode ?? null, `the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
					chunks.push(chunk);
				});
				incoming.on('end', () => {
					clearTimeout(deadline);
					const responseHeaders: Record<string, string> = {};
					for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
					resolve({ status: incoming.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
				});
				incoming.on('error', fail);
			});
			const deadline = setTimeout(() => fail(new CalDavError('timeout', null, `no whole answer in ${deadlineMs / 1000} s`)), deadlineMs);
			function fail(error: Error): void {
				clearTimeout(deadline);
				outgoing.destroy();
				reject(error);
			}
			outgoing.on('error', fail);
			outgoing.end(body);
		});
}

export const nodeHttp: HttpClient = nodeHttpWith();
