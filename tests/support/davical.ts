import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './radicale';
import { stopProcess, untilAnswering } from './server-process';
import type { CalDavTestServer } from './xandikos';

/**
 * DAViCal (Debian's davical, on PostgreSQL) on 127.0.0.1: a PostgreSQL cluster made with initdb in a
 * temporary folder and reached over a Unix socket only, the database made by DAViCal's own
 * create-database.sh, and caldav.php under PHP's own web server (davical/router.php). DAViCal reads
 * its configuration from /etc/davical/<server name>-conf.php: each run writes its own, and removes it.
 * The account is DAViCal's administrator, whose password create-database.sh sets.
 */
export const DAVICAL = '/usr/share/davical/htdocs/caldav.php';
const PG_BIN = '/usr/lib/postgresql/15/bin';

export async function startDavical(password = 'app-password-davical'): Promise<CalDavTestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'davical-'));
	const socket = join(dir, 'sock');
	mkdirSync(socket);
	const postgres = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	for (const path of [dir, socket]) chownSync(path, postgres, -1);
	// PostgreSQL refuses to run as root: its own user runs it.
	execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/initdb`, '-D', join(dir, 'pg'), '-A', 'trust', '-U', 'postgres'], { stdio: 'ignore' });
	const db: ChildProcess = spawn('runuser', ['-u', 'postgres', '--', `${PG_BIN}/postgres`, '-D', join(dir, 'pg'), '-k', socket, '-c', 'listen_addresses='], { stdio: 'ignore' });
	const env = { ...process.env, PGHOST: socket, PGUSER: 'postgres' };
	for (let i = 0; ; i++) {
		try {
			execFileSync('psql', ['-qXAt', '-c', 'SELECT 1', 'template1'], { env, stdio: 'ignore' });
			break;
		} catch {
			if (i > 100) throw new Error('PostgreSQL did not start');
			await sleep(100);
		}
	}
	execFileSync('bash', ['./create-database.sh', 'davical', password], { cwd: '/usr/share/davical/dba', env, stdio: 'ignore' });
	const name = `fc-test-${process.pid}-${Date.now()}`;
	const config = `/etc/davical/${name}-conf.php`;
	mkdirSync('/etc/davical', { recursive: true });
	writeFileSync(config, `<?php\n$c->pg_connect[] = 'dbname=davical host=${socket} user=davical_app';\n$c->system_name = 'Forgetting Curve tests';\n$c->admin_email = 'admin@example.org';\n`);
	const port = await freePort();
	const web: ChildProcess = spawn('php', ['-d', 'include_path=.:/usr/share/php:/usr/share/awl/inc', '-S', `127.0.0.1:${port}`, join(__dirname, 'davical', 'router.php')], { cwd: dir, env: { ...process.env, DAVICAL_NAME: name }, stdio: 'ignore' });
	const url = `http://127.0.0.1:${port}/caldav.php/`;
	await untilAnswering(url, 'DAViCal');
	return {
		name: 'DAViCal',
		url,
		user: 'admin',
		password,
		async dispose() {
			await stopProcess(web);
			// runuser passes the signal on to PostgreSQL, which then shuts down fast.
			await stopProcess(db);
			rmSync(config, { force: true });
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
