import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { nodeHttp } from '../../src/cli/node-http';

/** Waits until a test server started in the background answers HTTP at `url` (10 s at most). */
export async function untilAnswering(url: string, name: string): Promise<void> {
	for (let i = 0; ; i++) {
		try {
			await nodeHttp({ url, method: 'OPTIONS', headers: {} });
			return;
		} catch {
			if (i > 100) throw new Error(`${name} did not start`);
			// node:timers/promises: unaffected when a test fakes the global timers.
			await sleep(100);
		}
	}
}

/** Ends a server's process (SIGTERM) and waits for it to be gone. */
export function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}
