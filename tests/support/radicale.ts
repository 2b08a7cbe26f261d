import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untilAnswering } from './server-process';

/**
 * A real CalDAV server for tests and the benchmark: Debian's Radicale on 127.0.0.1 at a free port,
 * htpasswd authentication (plain, so no hashing library is needed), storage in a temporary folder.
 * `.ci/run` installs it; `stop` ends it by its process id and removes its folder.
 */
export const RADICALE = '/usr/bin/radicale';

export interface Radicale {
	url: string;
	port: number;
	user: string;
	password: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	/** What the server logged (warnings and errors), to show when a test fails. */
	log(): string;
	/** Stops the server and removes its storage. */
	dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export async function startRadicale(users: Record<string, string> = { learner: 'app-password-123' }): Promise<Radicale> {
	const dir = mkdtempSync(join(tmpdir(), 'radicale-'));
	writeFileSync(join(dir, 'users'), Object.entries(users).map(([u, p]) => `${u}:${p}`).join('\n'));
	const port = await freePort();
	const [user = '', password = ''] = Object.entries(users)[0] ?? [];
	let child: ChildProcess | null = null;
	const server: Radicale = {
		url: `http://127.0.0.1:${port}/`,
		port,
		user,
		password,
		log: () => readFileSync(join(dir, 'log'), 'utf8'),
		async start() {
			const log = openSync(join(dir, 'log'), 'a');
			child = spawn(RADICALE, [
				'--config', '',
				'--server-hosts', `127.0.0.1:${port}`,
				'--storage-filesystem-folder', join(dir, 'collections'),
				'--auth-type', 'htpasswd',
				'--auth-htpasswd-filename', join(dir, 'users'),
				'--auth-htpasswd-encryption', 'plain',
				'--auth-delay', '0',
				'--logging-level', 'warning',
			], { stdio: ['ignore', log, log] });
			closeSync(log);
			await untilAnswering(server.url, 'Radicale');
		},
		async stop() {
			const running = child;
			child = null;
			if (!running || running.exitCode !== null) return;
			await new Promise<void>((resolve) => {
				running.once('exit', () => resolve());
				running.kill('SIGTERM');
			});
		},
		async dispose() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
	await server.start();
	return server;
}
