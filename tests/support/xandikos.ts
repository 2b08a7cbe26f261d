import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './radicale';
import { stopProcess, untilAnswering } from './server-process';

/**
 * Xandikos (Debian's `xandikos`), the CalDAV server behind some hosted calendars, on 127.0.0.1 in a
 * temporary folder. It has no authentication of its own, so it sits behind a small Basic-auth reverse
 * proxy, as it does in real deployments: the proxy checks the password and rewrites the backend's own
 * address in redirects to its own, like a reverse proxy's "proxy pass reverse".
 */
export const XANDIKOS = '/usr/bin/xandikos';

export interface CalDavTestServer {
	name: string;
	/** The server's root, where discovery starts. */
	url: string;
	user: string;
	password: string;
	dispose(): Promise<void>;
}

export async function startXandikos(user = 'learner', password = 'app-password-xandikos'): Promise<CalDavTestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'xandikos-'));
	const [backendPort, port] = [await freePort(), await freePort()];
	const log = openSync(join(dir, 'log'), 'a');
	const child: ChildProcess = spawn(XANDIKOS, ['-d', join(dir, 'data'), '--defaults', '-l', '127.0.0.1', '-p', String(backendPort)], { stdio: ['ignore', log, log] });
	closeSync(log);
	const backend = `http://127.0.0.1:${backendPort}`;
	const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const proxy: Server = createServer((req, res) => {
		if (req.headers.authorization !== expected) {
			res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="xandikos"' }).end();
			return;
		}
		const upstream = request(`${backend}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${backendPort}` } }, (answer) => {
			const headers = { ...answer.headers };
			if (typeof headers.location === 'string') headers.location = headers.location.replace(backend, `http://127.0.0.1:${port}`);
			res.writeHead(answer.statusCode ?? 502, headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.writeHead(502).end());
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
	await untilAnswering(`${backend}/`, 'Xandikos');
	return {
		name: 'Xandikos',
		url: `http://127.0.0.1:${port}/`,
		user,
		password,
		async dispose() {
			proxy.closeAllConnections();
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
			await stopProcess(child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
