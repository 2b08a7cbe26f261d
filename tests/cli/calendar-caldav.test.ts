import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../src/cli/node-http';
import { PASSWORD_VARIABLE, runCli } from '../../src/cli/run-cli';
import { CalDavClient } from '../../src/engine';
import { reviewNote } from '../helpers';
import { startTestServer } from '../support/hostile-server';
import { RADICALE, startRadicale, type Radicale } from '../support/radicale';

/** `calendar --caldav` against a real CalDAV server (Radicale on 127.0.0.1). */
const available = existsSync(RADICALE);
const describeServer = available || process.env.CI === 'true' ? describe : describe.skip;

let server: Radicale;
let calendar = '';
let vault = '';

const note = (first: string, done = 0) => reviewNote({ first, done, body: 'body\n' });

async function cli(args: string[], env: Record<string, string | undefined>) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(args, new Date(2024, 9, 10, 9, 0), { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
	return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
	if (!available && process.env.CI !== 'true') return;
	server = await startRadicale({ learner: 'app-specific-Pa55' });
	const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
	calendar = (await client.createCalendar((await client.discover(server.url)).home, 'reviews', 'Reviews')).url;
	vault = mkdtempSync(join(tmpdir(), 'fc-caldav-'));
	mkdirSync(join(vault, 'topics'));
	writeFileSync(join(vault, 'topics', 'Kubernetes.md'), note('2024-10-09'));
	writeFileSync(join(vault, 'Kafka.md'), note('2024-10-01', 2));
}, 30_000);
afterAll(async () => {
	await server?.dispose();
});

describeServer('calendar --caldav', () => {
	const env = () => ({ [PASSWORD_VARIABLE]: server.password });
	const args = () => ['calendar', vault, '--caldav', calendar, '--user', server.user, '--today', '2024-10-10', '--settings', settingsFile({ preset: 'en' })];

	it('pushes one reminder a day, finds nothing to change, then follows a review marked done; --per-review switches both ways', async () => {
		const first = await cli(args(), env());
		expect(first).toEqual({ code: 0, out: `Synced 1 daily reminder from 2 review notes to ${calendar}: 1 created, 0 updated, 0 deleted, 0 unchanged.\n`, err: '' });
		const again = await cli(args(), env());
		expect(again.out).toContain('0 created, 0 updated, 0 deleted, 1 unchanged.');
		writeFileSync(join(vault, 'topics', 'Kubernetes.md'), note('2024-10-09', 1));
		// Today's event now names Kafka alone (updated); Kubernetes' 4-day review gets the 13th.
		expect((await cli(args(), env())).out).toBe(`Synced 2 daily reminders from 2 review notes to ${calendar}: 1 created, 1 updated, 0 deleted, 0 unchanged.\n`);
		const perReview = await cli([...args(), '--per-review'], env());
		expect(perReview.out).toBe(`Synced 7 review events from 2 review notes to ${calendar}: 7 created, 0 updated, 2 deleted, 0 unchanged.\n`);
		expect(await new CalDavClient(nodeHttp, server.user, server.password, server.url).events(calendar)).toHaveLength(7);
		expect((await cli(args(), env())).out).toContain('2 created, 0 updated, 7 deleted, 0 unchanged.');
		expect((await cli(args(), env())).out).toContain('0 created, 0 updated, 0 deleted, 2 unchanged.');
		expect((await cli(['due', vault, '--per-review'], env())).code).toBe(2);
	});

	it('adds up after a 412: another device creates one event while this one syncs, and the retry counts each event once', async () => {
		// A proxy before Radicale that, at the first create, lets "another device" PUT the same event first.
		const client = new CalDavClient(nodeHttp, server.user, server.password, server.url);
		const raced = (await client.createCalendar((await client.discover(server.url)).home, 'raced', 'Raced')).url;
		let racing = true;
		const statuses: number[] = [];
		const proxy = await startTestServer((req, res, body) => {
			const forward = (headers: Record<string, string>) => nodeHttp({ url: `${server.url.replace(/\/$/, '')}${req.url ?? '/'}`, method: req.method ?? 'GET', headers, body: req.method === 'GET' ? undefined : body });
			const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length').map(([name, value]) => [name, String(value)]));
			void (async () => {
				if (racing && req.method === 'PUT' && headers['if-none-match'] === '*') {
					racing = false;
					await forward(headers); // the other device's identical event lands first
				}
				const answer = await forward(headers);
				statuses.push(answer.status);
				res.writeHead(answer.status, { 'Content-Type': answer.headers['content-type'] ?? 'text/plain' }).end(answer.text);
			})();
		});
		const url = `${proxy.url.replace(/\/$/, '')}${new URL(raced).pathname}`;
		const run = await cli(['calendar', vault, '--caldav', url, '--user', server.user, '--today', '2024-10-10', '--settings', settingsFile({ preset: 'en' }), '--per-review'], env());
		await proxy.close();
		expect(statuses).toContain(412);
		const counts = /: (\d+) created, (\d+) updated, (\d+) deleted, (\d+) unchanged\./.exec(run.out)?.slice(1).map(Number) ?? [];
		const events = Number(/^Synced (\d+) review events/.exec(run.out)?.[1]);
		expect(events).toBeGreaterThan(1);
		expect(counts).toEqual([events - 1, 0, 0, 1]);
		expect(await client.events(raced)).toHaveLength(events);
	});

	it('exits 1 with the reason when the server refuses, never printing the password', async () => {
		const wrong = await cli(args(), { [PASSWORD_VARIABLE]: 'not-the-Pa55' });
		expect(wrong.code).toBe(1);
		expect(wrong.err).toMatch(/^The server refused the user name or password: check the user name and the app password\. \(HTTP 401\)\n/);
		const missing = await cli(['calendar', vault, '--caldav', `${server.url}${server.user}/nope/`, '--user', server.user], env());
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('There is no calendar at that address');
		for (const run of [wrong, missing]) expect(`${run.out}${run.err}`).not.toContain(server.password);
		expect(wrong.err).not.toContain('not-the-Pa55');
	});

	it('exits 2 on usage errors: no password variable, no user, no target', async () => {
		const noPassword = await cli(args(), {});
		expect(noPassword.code).toBe(2);
		expect(noPassword.err).toMatch(/^--caldav reads the password from the environment variable FORGETTING_CURVE_CALDAV_PASSWORD, which is not set\./);
		expect((await cli(['calendar', vault, '--caldav', calendar], env())).code).toBe(2);
		expect((await cli(['calendar', vault], env())).code).toBe(2);
		expect((await cli(['due', vault, '--user', 'x'], env())).code).toBe(2);
	});

	it('runs from build/cli.cjs with the password from the environment, and exits 1 when the server is down', async () => {
		execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: join(__dirname, '../..') });
		const run = (extraEnv: Record<string, string>) =>
			new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
				const child = spawn(process.execPath, [join(__dirname, '../../build/cli.cjs'), ...args()], { env: { ...process.env, ...extraEnv } });
				let stdout = '';
				let stderr = '';
				child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
				child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
				child.on('close', (status) => resolve({ status, stdout, stderr }));
			});
		const ok = await run(env());
		expect(ok.status).toBe(0);
		expect(ok.stdout).toContain('2 unchanged.');
		await server.stop();
		const down = await run(env());
		expect(down.status).toBe(1);
		expect(down.stderr).toMatch(/^The server could not be reached/);
		expect(`${down.stdout}${down.stderr}${ok.stdout}${ok.stderr}`).not.toContain(server.password);
		await server.start();
	}, 60_000);
});

function settingsFile(settings: object): string {
	const path = join(vault, '..', `settings-${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(path, JSON.stringify(settings));
	return path;
}
