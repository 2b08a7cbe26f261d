import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from './capture';
import { writeIn } from './vault-folder';
import { fixture } from '../helpers';
import { readCalendar } from '../support/ical-events';

const SEED = fixture('seed-note.md');
const STALE = SEED.replace('❤1일복습여부: true', '❤1일복습여부: false');
const BROKEN = '---\n❕첫 학습날: 2024-02-30\n---\nbody\n';
const PLAIN = '# not a review note\n';

let vault: string;

const write = (path: string, text: string) => writeIn(vault, path, text);
const read = (path: string) => readFileSync(join(vault, path), 'utf8');

const cli = cliAt(new Date(2024, 9, 27, 14, 0));

beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), 'fc-cli-'));
	write('seed.md', SEED);
	write('topics/stale.md', STALE);
	write('topics/broken.md', BROKEN);
	write('plain.md', PLAIN);
	write('.hidden/ignored.md', STALE);
});

describe('recompute', () => {
	it('rewrites stale notes in place, refuses bad ones without touching them, and exits 1', () => {
		const { code, out } = cli('recompute', vault, '--today', '2024-10-27', '--settings', settingsFile({ rateFormula: 'template' }));
		expect(code).toBe(1);
		expect(out).toBe(
			[
				'Scanned 4 notes: 1 changed, 1 unchanged, 1 refused, 1 not review notes.',
				'  refused topics/broken.md: "❕첫 학습날" is "2024-02-30", which is not a real calendar date.',
				'',
			].join('\n'),
		);
		expect(read('seed.md')).toBe(SEED);
		expect(read('topics/broken.md')).toBe(BROKEN);
		expect(read('plain.md')).toBe(PLAIN);
		expect(read('.hidden/ignored.md')).toBe(STALE);
		const stale = read('topics/stale.md');
		expect(stale).toContain('"1일차복습여부1,0": "0"');
		expect(stale).toContain('학습률: "0.4"');
		expect(stale).toContain('진행바: 🟩🟩🟩🟩⬜⬜⬜⬜⬜⬜ 40%');
		expect(readdirSync(join(vault, 'topics')).sort()).toEqual(['broken.md', 'stale.md']);
	});

	it('prints a unified diff with --dry-run and writes nothing', () => {
		const { code, out } = cli('recompute', join(vault, 'topics/stale.md'), '--today', '2024-10-27', '--dry-run');
		expect(code).toBe(0);
		expect(read('topics/stale.md')).toBe(STALE);
		expect(out).toContain('-"1일차복습여부1,0": "1"\n+"1일차복습여부1,0": "0"\n');
		expect(out).toMatch(/^=+\n--- a\/.*topics\/stale\.md\n\+\+\+ b\/.*topics\/stale\.md\n/);
		// With the default formula the rate stays 0.6 (three of five milestones), so only the 1/0 mirror changes.
		expect(out.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual(['-"1일차복습여부1,0": "1"', '+"1일차복습여부1,0": "0"']);
		expect(out).toMatch(/Scanned 1 notes: 1 would change, 0 unchanged, 0 refused, 0 not review notes\.\n$/);
	});

	it('reports in JSON', () => {
		const { code, out } = cli('recompute', vault, '--now', '2024-10-27T14:00', '--json');
		expect(code).toBe(1);
		const report = JSON.parse(out) as Record<string, unknown>;
		expect(report).toEqual({
			scanned: 4,
			changed: ['seed.md', 'topics/stale.md'],
			unchanged: 0,
			notReview: 1,
			refused: [{ path: 'topics/broken.md', code: 'impossible-date', key: '❕첫 학습날', reason: '"❕첫 학습날" is "2024-02-30", which is not a real calendar date.' }],
			symlinksSkipped: 0,
			dryRun: false,
		});
	});

	it.each([
		[['recompute'], /needs a file or folder/],
		[['recompute', 'x', '--bogus'], /Unknown option '--bogus'/],
		[['recompute', 'x', '--today', '27/10/2024'], /--today takes a date like 2024-10-27, not "27\/10\/2024"/],
		[['recompute', 'x', '--now', '2024-10-27'], /--now takes a local date and time like 2024-10-27T14:00/],
		[['recompute', 'x', '--today', '2024-10-26', '--now', '2024-10-27T10:00'], /name different days/],
		[['due', 'a', 'b'], /"due" takes one folder/],
		[['due', 'a', '--dry-run'], /--dry-run goes with "recompute"/],
		[['frobnicate', 'x'], /Unknown command "frobnicate"/],
		[['recompute', '/no/such/folder'], /ENOENT/],
	])('exits 2 on a usage error: %j', (args, message) => {
		const { code, err } = cli(...args);
		expect(code).toBe(2);
		expect(err).toMatch(message);
	});

	it('exits 2 with the reasons when the settings cannot work', () => {
		const { code, err } = cli('recompute', vault, '--settings', settingsFile({ fields: [{ key: 'x', template: '{{oops}}' }] }));
		expect(code).toBe(2);
		expect(err).toContain('Field "x": Unknown placeholder {{oops}}.');
	});
});

describe('progress', () => {
	it('reports progress on stderr for a folder of 500 notes or more, and stays quiet below', () => {
		for (let i = 0; i < 500; i++) write(`many/n${String(i).padStart(3, '0')}.md`, `---\n❕첫 학습날: 2024-10-01\n---\n`);
		const big = cli('due', vault, '--today', '2024-10-27', '--json');
		// 504 notes: a line every ceil(504 / 10) = 51 notes, and one at the end.
		const every51 = [51, 102, 153, 204, 255, 306, 357, 408, 459, 504].map((n) => `due: ${n}/504 notes`);
		expect(big.err.split('\n').filter(Boolean)).toEqual(every51);
		const small = cli('due', join(vault, 'topics'), '--today', '2024-10-27');
		expect(small.err).toBe('');
	});
});

describe('due', () => {
	it('lists overdue, due today and upcoming reviews as JSON, one entry per note', () => {
		write('today.md', '---\n❕첫 학습날: 2024-10-26\n---\n');
		write('soon.md', '---\n❕첫 학습날: 2024-10-25\n❤1일복습여부: true\n---\n');
		write('far.md', '---\n❕첫 학습날: 2024-10-26\n❤1일복습여부: true\n🧡4일복습여부: true\n💛7일복습여부: true\n---\n');
		const { code, out } = cli('due', vault, '--today', '2024-10-27', '--json');
		expect(code).toBe(0);
		expect(JSON.parse(out)).toEqual({
			today: '2024-10-27',
			overdue: [{ path: 'topics/stale.md', stage: 1, due: '2024-10-02', daysLate: 25 }],
			dueToday: [{ path: 'today.md', stage: 1, due: '2024-10-27', daysLate: 0 }],
			upcoming: [
				{ path: 'soon.md', stage: 4, due: '2024-10-29', daysLate: -2 },
				{ path: 'seed.md', stage: 'long-term', due: '2024-10-31', daysLate: -4 },
			],
			refused: [{ path: 'topics/broken.md', reason: '"❕첫 학습날" is "2024-02-30", which is not a real calendar date.' }],
		});
	});

	it('prints sections for people', () => {
		const { out } = cli('due', vault, '--today', '2024-10-27');
		expect(out.split('\n').slice(0, 5)).toEqual([
			'Today: 2024-10-27',
			'Overdue (1)',
			'  topics/stale.md  1d  due 2024-10-02, 25 days late',
			'Due today (0)',
			'Upcoming, next 7 days (1)',
		]);
	});
});

describe('the bundled CLI', () => {
	it('runs from build/cli.cjs with exit codes and stdout', () => {
		execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: join(__dirname, '../..') });
		const run = (...args: string[]) => spawnSync(process.execPath, [join(__dirname, '../../build/cli.cjs'), ...args], { encoding: 'utf8' });
		const due = run('due', vault, '--today', '2024-10-27', '--json');
		expect(due.status).toBe(0);
		expect((JSON.parse(due.stdout) as { dueToday: unknown[] }).dueToday).toEqual([]);
		expect(run('recompute', vault, '--dry-run').status).toBe(1);
		expect(run('recompute').status).toBe(2);
	});
});

function settingsFile(settings: object): string {
	const path = join(vault, '..', `settings-${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(path, JSON.stringify(settings));
	return path;
}

describe('calendar', () => {
	it('writes the review calendar for a folder', async () => {
		const out = join(vault, '..', `feed-${Math.random().toString(36).slice(2)}.ics`);
		const { code, out: printed } = cli('calendar', vault, '--today', '2024-10-27', '--out', out, '--vault', 'Study', '--per-review');
		expect(code).toBe(0);
		expect(printed).toMatch(/^Wrote 3 review events from 2 review notes to .*\.ics\.\n {2}refused topics\/broken\.md: /);
		const { default: ICAL } = await import('ical.js');
		const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.map((e) => `${e.startDate.toString()} ${e.summary}`).sort()).toEqual([
			'2024-10-27 stale · 1-day review',
			'2024-10-31 seed · long-term review',
			'2024-10-31 stale · long-term review',
		]);
		expect(events[0]?.description).toContain('obsidian://open?vault=Study&file=');
	});

	it('writes one reminder a day by default, each a timed event with its alarm and the day\'s link', async () => {
		const out = join(vault, '..', `feed-${Math.random().toString(36).slice(2)}.ics`);
		const { code, out: printed } = cli('calendar', vault, '--today', '2024-10-27', '--out', out, '--vault', 'Study');
		expect(code).toBe(0);
		expect(printed).toMatch(/^Wrote 2 daily reminders from 2 review notes to .*\.ics\.\n/);
		const events = readCalendar(readFileSync(out, 'utf8'));
		expect(events.map((e) => `${e.start} ${e.summary} ${e.url}`)).toEqual([
			'2024-10-27T09:00:00 1 review obsidian://forgetting-curve?vault=Study&day=2024-10-27',
			'2024-10-31T09:00:00 1 review obsidian://forgetting-curve?vault=Study&day=2024-10-31',
		]);
		expect(events.map((e) => e.startMs)).toEqual([new Date(2024, 9, 27, 9).getTime(), new Date(2024, 9, 31, 9).getTime()]);
		expect(events.map((e) => e.trigger)).toEqual(['PT0S', 'PT0S']);
		expect(events[0]?.description).toContain('• stale · 1-day review\n  obsidian://open?vault=Study&file=');
	});

	it('needs --out', () => {
		const { code, err } = cli('calendar', vault);
		expect(code).toBe(2);
		expect(err).toContain('"calendar" needs --out FILE or --caldav CALENDAR-URL.');
	});
});
