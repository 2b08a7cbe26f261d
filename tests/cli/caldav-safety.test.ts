import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD_VARIABLE, runCli } from '../../src/cli/run-cli';
import { reviewNote } from '../helpers';
import { startTestServer, type TestServer } from '../support/hostile-server';

/** `calendar --caldav` against servers that misbehave on 127.0.0.1: nothing leaks, nothing hangs. */
const PASSWORD = 'hunter2-app-password';
const TOKEN = Buffer.from(`learner:${PASSWORD}`).toString('base64');
const servers: TestServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

function vault(): string {
	const folder = mkdtempSync(join(tmpdir(), 'fc-safety-'));
	writeFileSync(join(folder, 'Kafka.md'), reviewNote({ first: '2024-10-01', body: 'body\n' }));
	const settings = join(folder, '..', `${folder.split('/').pop() ?? 'x'}.json`);
	writeFileSync(settings, JSON.stringify({ preset: 'en' }));
	return folder;
}

async function cli(calendar: string, extra: string[] = [], env: Record<string, string> = { [PASSWORD_VARIABLE]: PASSWORD }) {
	const folder = vault();
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(['calendar', folder, '--caldav', calendar, '--user', 'learner', '--today', '2024-10-10', '--settings', `${folder}.json`, ...extra], new Date(2024, 9, 10, 9), { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
	return { code, said: out.join('') + err.join('') };
}

describe('calendar --caldav keeps the password safe', () => {
	it('refuses an address with a user name and password, without printing either', async () => {
		const { code, said } = await cli(`https://learner:${PASSWORD}@caldav.example.com/cal/`);
		expect(code).toBe(2);
		expect(said).toContain("--caldav takes the calendar's address without a user name or password in it");
		expect(said).not.toContain(PASSWORD);
	});

	it('warns about plain http to a server outside the network before anything is sent', async () => {
		// No password in the environment: the run stops right after the warning, before any request.
		const { code, said } = await cli('http://caldav.example.com/cal/', [], {});
		expect(code).toBe(2);
		expect(said).toContain('warning: --caldav uses plain http to a server outside your network: the password travels unencrypted. Use an https address.');
		expect((await cli('http://127.0.0.1:9/cal/', [], {})).said).not.toContain('plain http');
	});

	it('never prints what a server echoes back', async () => {
		const echo = await startTestServer((req, res) => res.writeHead(req.method === 'REPORT' ? 207 : 500).end(`<d:multistatus xmlns:d="DAV:"><${req.headers.authorization ?? ''}>`));
		servers.push(echo);
		const { code, said } = await cli(`${echo.url}cal/`);
		expect(code).toBe(1);
		expect(echo.received[0]?.authorization).toBe(`Basic ${TOKEN}`);
		expect(said).toContain('The server answered in a way that is not CalDAV');
		expect(said).not.toContain(PASSWORD);
		expect(said).not.toContain(TOKEN);
	});

	it('never prints the password from a redirect whose address carries the Authorization header, in any encoding', async () => {
		const encodings = [(auth: string) => encodeURIComponent(auth), (auth: string) => encodeURIComponent(auth).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), (auth: string) => auth.replace(/ /g, '+'), (auth: string) => encodeURIComponent(Buffer.from(auth).toString('base64'))];
		for (const encode of encodings) {
			// The same server sends the request on with the header in the address, then fails there: the
			// error names that address.
			const home = await startTestServer((req, res) => {
				if (req.url?.includes('next=')) return res.writeHead(500).end();
				res.writeHead(302, { Location: `/cal/?next=${encode(req.headers.authorization ?? '')}&pw=${encodeURIComponent(PASSWORD)}` }).end();
			});
			servers.push(home);
			const { code, said } = await cli(`${home.url}cal/`);
			expect(code).toBe(1);
			expect(said).toContain('The server had a problem');
			expect(said).toContain('next=***');
			for (const secret of [PASSWORD, TOKEN, encodeURIComponent(TOKEN), encodeURIComponent(`Basic ${TOKEN}`), `Basic+${TOKEN}`]) expect([secret, said.includes(secret)]).toEqual([secret, false]);
		}
	});

	it('a redirect to another server: refused, the other server sees nothing, exit 1', async () => {
		const other = await startTestServer((_req, res) => res.writeHead(207).end('<d:multistatus xmlns:d="DAV:"/>'));
		const home = await startTestServer((req, res) => res.writeHead(307, { Location: `${other.url}${req.url ?? ''}` }).end());
		servers.push(other, home);
		const { code, said } = await cli(`${home.url}cal/`);
		expect(code).toBe(1);
		expect(said).toContain('The server sent the request on to another server; your password and reviews were not sent there.');
		expect(other.received).toEqual([]);
	});
});

describe('calendar --caldav does not hang on a stuck server', () => {
	it('exits 1 within its deadline when the server never answers, or sends a byte every few seconds', async () => {
		const silent = await startTestServer(() => undefined);
		const trickle = await startTestServer((_req, res) => {
			res.writeHead(207);
			const timer = setInterval(() => res.write(' '), 500);
			res.on('close', () => clearInterval(timer));
		});
		servers.push(silent, trickle);
		// The test's own time limit is the hang guard; the message says which deadline ended the wait.
		for (const server of [silent, trickle]) {
			const { code, said } = await cli(`${server.url}cal/`, ['--timeout', '2']);
			expect(code).toBe(1);
			expect(said).toContain('The server did not answer in time; try again later.');
			expect(said).toContain('no whole answer in 2 s');
		}
	}, 20_000);
});
