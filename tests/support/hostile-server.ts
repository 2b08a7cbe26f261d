import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One request a test server received: what a leak would show. */
export interface Received {
	method: string;
	path: string;
	authorization: string | undefined;
	body: string;
}

export interface TestServer {
	url: string;
	received: Received[];
	close(): Promise<void>;
}

/**
 * A small HTTP server on 127.0.0.1 at a free port, answering with `handler`: the misbehaving or lying
 * CalDAV servers of the safety tests (redirects elsewhere, echoes, endless answers). It records every
 * request, so a test can say a server got nothing, or got no password.
 */
export function startTestServer(handler: (req: IncomingMessage, res: ServerResponse, body: string, self: TestServer) => void): Promise<TestServer> {
	return new Promise((resolve) => {
		const received: Received[] = [];
		const self: TestServer = { url: '', received, close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))) };
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				received.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
				handler(req, res, body, self);
			});
		});
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			self.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
			resolve(self);
		});
	});
}

/** A multistatus answer listing calendar objects (href, etag, data). */
export function multistatus(objects: { href: string; etag: string; data: string }[]): string {
	const responses = objects
		.map((o) => `<d:response><d:href>${o.href}</d:href><d:propstat><d:prop><d:getetag>${o.etag}</d:getetag><c:calendar-data>${o.data.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`)
		.join('');
	return `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${responses}</d:multistatus>`;
}
