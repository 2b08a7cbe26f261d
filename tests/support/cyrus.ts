import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './radicale';
import { untilAnswering } from './server-process';
import type { CalDavTestServer } from './xandikos';

/**
 * Cyrus IMAP's CalDAV (Debian's cyrus-imapd and cyrus-caldav; Fastmail runs Cyrus) on 127.0.0.1: its
 * master process with a configuration, a spool and a password database (saslpasswd2) in a temporary
 * folder owned by the `cyrus` user, as Cyrus drops to it. One IMAP login creates the account.
 */
export const CYRUS_MASTER = '/usr/lib/cyrus/bin/master';

export async function startCyrus(user = 'learner', password = 'app-password-cyrus'): Promise<CalDavTestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'cyrus-'));
	for (const sub of ['conf', 'spool', 'socket', 'run']) mkdirSync(join(dir, sub));
	const [imapPort, httpPort] = [await freePort(), await freePort()];
	const conf = join(dir, 'imapd.conf');
	writeFileSync(
		conf,
		[
			`configdirectory: ${join(dir, 'conf')}`,
			`partition-default: ${join(dir, 'spool')}`,
			'servername: localhost',
			'sasl_pwcheck_method: auxprop',
			'sasl_auxprop_plugin: sasldb',
			`sasl_sasldb_path: ${join(dir, 'sasldb2')}`,
			'allowplaintext: yes',
			'httpmodules: caldav',
			'autocreate_quota: 0',
			`lmtpsocket: ${join(dir, 'socket', 'lmtp')}`,
			`idlesocket: ${join(dir, 'socket', 'idle')}`,
			`notifysocket: ${join(dir, 'socket', 'notify')}`,
			'',
		].join('\n'),
	);
	// Every service is told the configuration: without -C they would read the system's /etc/imapd.conf.
	writeFileSync(
		join(dir, 'cyrus.conf'),
		`START {\n  recover cmd="ctl_cyrusdb -C ${conf} -r"\n}\nSERVICES {\n  imap cmd="imapd -C ${conf}" listen="127.0.0.1:${imapPort}" prefork=0\n  http cmd="httpd -C ${conf}" listen="127.0.0.1:${httpPort}" prefork=0\n}\nEVENTS {\n}\n`,
	);
	// The realm is the server's name, as Cyrus looks users up.
	execFileSync('saslpasswd2', ['-f', join(dir, 'sasldb2'), '-u', 'localhost', '-p', '-c', user], { input: password });
	const cyrus = Number(execFileSync('id', ['-u', 'cyrus'], { encoding: 'utf8' }).trim());
	const own = (path: string) => {
		chownSync(path, cyrus, -1);
		if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) own(join(path, entry));
	};
	own(dir);
	const child: ChildProcess = spawn(CYRUS_MASTER, ['-C', conf, '-M', join(dir, 'cyrus.conf'), '-p', join(dir, 'run', 'master.pid'), '-D'], { stdio: 'ignore' });
	const url = `http://127.0.0.1:${httpPort}/`;
	await untilAnswering(url, 'Cyrus');
	await imapLogin(imapPort, user, password);
	return {
		name: 'Cyrus',
		url,
		user,
		password,
		async dispose() {
			// The master may live on under another process id than the one started: its pid file says which.
			const pids = [child.pid, Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8').trim())].filter((pid): pid is number => typeof pid === 'number' && pid > 0);
			for (const pid of pids) signal(pid, 'SIGTERM');
			for (let i = 0; i < 100 && pids.some((pid) => signal(pid, 0)); i++) await sleep(50);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Sends a signal; false when the process is gone (signal 0 only asks). */
function signal(pid: number, what: 'SIGTERM' | 0): boolean {
	try {
		process.kill(pid, what);
		return true;
	} catch {
		return false;
	}
}

/** Logs in over IMAP once, which makes the account (autocreate_quota). */
function imapLogin(port: number, user: string, password: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.on('data', (chunk: Buffer) => {
			answer += chunk.toString('utf8');
			if (/^a1 OK/m.test(answer)) socket.end('a2 LOGOUT\r\n', () => resolve());
			else if (/^a1 (NO|BAD)/m.test(answer)) reject(new Error(`Cyrus refused the IMAP login: ${answer}`));
		});
		socket.on('error', reject);
		socket.write(`a1 LOGIN ${user} ${password}\r\n`);
	});
}
