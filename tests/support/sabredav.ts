import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './radicale';
import { stopProcess, untilAnswering } from './server-process';
import type { CalDavTestServer } from './xandikos';

/**
 * SabreDAV 1.8 (Debian's php-sabre-dav, the server library behind Nextcloud and Baïkal) under PHP's own
 * web server on 127.0.0.1, with an SQLite database in a temporary folder (sabredav/schema.sql) and one
 * user, checked with Basic authentication (sabredav/server.php).
 */
export const PHP = '/usr/bin/php';
export const SABRE = '/usr/share/php/Sabre/autoload.php';

export async function startSabreDav(user = 'learner', password = 'app-password-sabre'): Promise<CalDavTestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'sabredav-'));
	const db = join(dir, 'db.sqlite');
	const schema = readFileSync(join(__dirname, 'sabredav', 'schema.sql'), 'utf8');
	const setup = `$p = new PDO('sqlite:' . getenv('SABRE_DB')); $p->exec(getenv('SABRE_SCHEMA')); $p->prepare('INSERT INTO principals (uri, email, displayname) VALUES (?, ?, ?)')->execute(array('principals/' . getenv('SABRE_USER'), 'learner@example.org', 'Learner'));`;
	const env = { ...process.env, SABRE_DB: db, SABRE_USER: user, SABRE_PASSWORD: password, SABRE_SCHEMA: schema };
	await new Promise<void>((resolve, reject) => {
		const init = spawn(PHP, ['-r', setup], { env, stdio: 'ignore' });
		init.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`SabreDAV's database was not made (exit ${code})`))));
	});
	const port = await freePort();
	const log = openSync(join(dir, 'log'), 'a');
	const child: ChildProcess = spawn(PHP, ['-d', 'include_path=.:/usr/share/php', '-S', `127.0.0.1:${port}`, join(__dirname, 'sabredav', 'server.php')], { cwd: dir, env, stdio: ['ignore', log, log] });
	closeSync(log);
	const url = `http://127.0.0.1:${port}/`;
	await untilAnswering(url, 'SabreDAV');
	return {
		name: 'SabreDAV',
		url,
		user,
		password,
		async dispose() {
			await stopProcess(child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
