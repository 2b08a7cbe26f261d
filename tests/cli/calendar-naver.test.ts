import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_VARIABLE, runCli } from '../../src/cli/run-cli';
import { reviewNote } from '../helpers';
import { startNaverQuirks, type QuirksServer } from '../support/naver-quirks';
import { RADICALE } from '../support/radicale';

/** `calendar --caldav` against a server that behaves as Naver Calendar is reported to: it converges. */
const describeServer = existsSync(RADICALE) || process.env.CI === 'true' ? describe : describe.skip;
let server: QuirksServer;
let vault = '';

beforeAll(async () => {
	if (!existsSync(RADICALE) && process.env.CI !== 'true') return;
	server = await startNaverQuirks();
	vault = mkdtempSync(join(tmpdir(), 'fc-naver-'));
	writeFileSync(`${vault}.json`, JSON.stringify({ preset: 'en' }));
	for (const [name, first, done] of [['Kafka', '2024-10-01', 2], ['Redis', '2024-10-10', 0], ['Helm', '2024-10-08', 1], ['Istio', '2024-10-05', 1]] as const) writeFileSync(join(vault, `${name}.md`), reviewNote({ first, done }));
}, 30_000);
afterAll(async () => {
	await server?.dispose();
});

async function cli(extra: string[] = []) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(['calendar', vault, '--caldav', server.calendar, '--user', server.user, '--today', '2024-10-10', '--vault', 'Study', '--settings', `${vault}.json`, ...extra], new Date(2024, 9, 10, 9), { out: (t) => out.push(t), err: (t) => err.push(t) }, { [PASSWORD_VARIABLE]: server.password });
	return { code, out: out.join(''), err: err.join('') };
}

describeServer('calendar --caldav on a Naver-like server', () => {
	it('pushes, then reruns unchanged (no event re-created though some come back empty), and removes what should go', async () => {
		const first = await cli();
		expect(first).toMatchObject({ code: 0, err: '' });
		expect(first.out).toMatch(/^Synced/);
		const events = Number(/^Synced (\d+) daily reminders/.exec(first.out)?.[1]);
		expect(events).toBeGreaterThan(2);
		expect(first.out).toContain(`${events} created, 0 updated, 0 deleted, 0 unchanged.`);
		server.methods.length = 0;
		expect((await cli()).out).toContain(`0 created, 0 updated, 0 deleted, ${events} unchanged.`);
		// The list, and the events it listed with empty calendar-data fetched in one multiget; no write.
		expect(server.methods).toEqual(['REPORT', 'REPORT']);
		// Per review, then back: every daily event of this vault goes, each exactly once.
		const perReview = await cli(['--per-review']);
		expect(perReview.out).toMatch(new RegExp(`\\d+ created, 0 updated, ${events} deleted, 0 unchanged\\.`));
		const back = await cli();
		expect(back.out).toContain(`${events} created, 0 updated, `);
		expect((await cli()).out).toContain(`0 created, 0 updated, 0 deleted, ${events} unchanged.`);
	});
});
