import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers';
import { cliAt } from './capture';

/**
 * The CLI as the learner runs it: the built build/cli.cjs in its own Node process, over a folder on
 * disk. A note nobody could mean to write must be refused by name, the run must go on, and the process
 * must live within a V8 heap of 256 MB (--max-old-space-size: past it, V8 aborts the process, which
 * this test would see). How long each takes is measured in `npm run bench` (note_budget_*), not here.
 */
const ROOT = join(__dirname, '..', '..');
const SEED = fixture('seed-note.md');
const withReview = (value: string) => SEED.replace('복습: 추가 복습', `복습: ${value}`);

beforeAll(() => {
	execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: ROOT });
}, 60_000);

function runBuiltCli(...args: string[]) {
	const run = spawnSync(process.execPath, ['--max-old-space-size=256', join(ROOT, 'build', 'cli.cjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
	return { code: run.status, signal: run.signal, out: run.stdout, err: run.stderr };
}

describe('one note never stops the run', () => {
	it('refuses notes 5,000 and 100,000 levels deep and a 50 MB frontmatter by name, and recomputes the others', () => {
		const vault = mkdtempSync(join(tmpdir(), 'fc-budget-'));
		const poison = {
			'a-deep-5000.md': withReview(`${'['.repeat(5000)}${']'.repeat(5000)}`),
			'b-deep-100000.md': withReview(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
			'c-deep-map.md': withReview(`${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`),
			'd-huge.md': withReview('가'.repeat(50 * 1024 * 1024 / 3)),
		};
		for (const [name, text] of Object.entries(poison)) writeFileSync(join(vault, name), text);
		writeFileSync(join(vault, 'e-normal.md'), SEED);
		const { code, signal, out } = runBuiltCli('recompute', vault, '--now', '2024-10-28T09:05', '--json');
		expect(signal).toBeNull();
		expect(code).toBe(1);
		const summary = JSON.parse(out) as { changed: string[]; refused: { path: string; code: string; reason: string }[] };
		expect(summary.changed).toEqual(['e-normal.md']);
		expect(Object.fromEntries(summary.refused.map((r) => [r.path, r.code]))).toEqual({
			'a-deep-5000.md': 'too-deep',
			'b-deep-100000.md': 'too-deep',
			'c-deep-map.md': 'too-deep',
			'd-huge.md': 'too-large',
		});
		for (const r of summary.refused) expect(r.reason).toContain('too complex to read safely');
		for (const [name, text] of Object.entries(poison)) expect(readFileSync(join(vault, name), 'utf8')).toBe(text);
		expect(readFileSync(join(vault, 'e-normal.md'), 'utf8')).not.toBe(SEED);
	});

	it('names the refused note in the text summary, and `due` goes on past it too', () => {
		const vault = mkdtempSync(join(tmpdir(), 'fc-budget-'));
		writeFileSync(join(vault, 'deep.md'), withReview(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
		writeFileSync(join(vault, 'normal.md'), SEED);
		const recomputed = runBuiltCli('recompute', vault, '--now', '2024-10-28T09:05');
		expect(recomputed.out).toContain('refused deep.md: The frontmatter is nested more than 100 levels deep: too complex to read safely, so it was left as it is.');
		const due = runBuiltCli('due', vault, '--now', '2024-10-28T09:05');
		expect(due.signal).toBeNull();
		expect(due.out).toContain('normal');
		expect(`${due.out}${due.err}`).toContain('deep.md');
	});
});

describe('BOM notes and read-only files through the CLI on disk', () => {
	const cli = cliAt(new Date(2024, 9, 28, 9, 5));

	it('recomputes a BOM note (LF and CRLF, ko-template and en), keeps its BOM, and a second run writes nothing', () => {
		const vault = mkdtempSync(join(tmpdir(), 'fc-bom-'));
		const settings = join(vault, '..', `en-${Date.now()}.json`);
		writeFileSync(settings, JSON.stringify({ preset: 'en' }));
		const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
		writeFileSync(join(vault, 'lf.md'), Buffer.concat([BOM, Buffer.from(SEED)]));
		writeFileSync(join(vault, 'crlf.md'), Buffer.concat([BOM, Buffer.from(SEED.replace(/\n/g, '\r\n'))]));
		const first = cli('recompute', vault, '--json');
		expect(JSON.parse(first.out)).toMatchObject({ changed: ['crlf.md', 'lf.md'], refused: [] });
		const lf = readFileSync(join(vault, 'lf.md'));
		expect(lf.subarray(0, 3).equals(BOM)).toBe(true);
		expect(readFileSync(join(vault, 'crlf.md')).equals(Buffer.concat([BOM, Buffer.from(lf.subarray(3).toString('utf8').replace(/\n/g, '\r\n'))]))).toBe(true);
		const second = cli('recompute', vault, '--json');
		expect(JSON.parse(second.out)).toMatchObject({ changed: [], unchanged: 2 });

		writeFileSync(join(vault, 'en.md'), Buffer.concat([BOM, Buffer.from('---\r\nfirst study: 2024-10-01\r\n---\r\nbody\r\n')]));
		expect(JSON.parse(cli('recompute', join(vault, 'en.md'), '--settings', settings, '--json').out)).toMatchObject({ changed: [join(vault, 'en.md')] });
		const en = readFileSync(join(vault, 'en.md'));
		expect(en.subarray(0, 8).equals(Buffer.concat([BOM, Buffer.from('---\r\n')]))).toBe(true);
		expect(en.toString('utf8')).toContain('\r\nnext review: 2024-10-02\r\n');
	});

	it('leaves a read-only note as it is and says so; the run goes on', () => {
		const vault = mkdtempSync(join(tmpdir(), 'fc-ro-'));
		writeFileSync(join(vault, 'locked.md'), SEED);
		chmodSync(join(vault, 'locked.md'), 0o444);
		writeFileSync(join(vault, 'open.md'), SEED);
		const { code, out } = cli('recompute', vault);
		expect(code).toBe(1);
		expect(out).toContain('refused locked.md: The note is a read-only file, so it was left as it is.');
		expect(readFileSync(join(vault, 'locked.md'), 'utf8')).toBe(SEED);
		expect(statSync(join(vault, 'locked.md')).mode & 0o777).toBe(0o444);
		expect(readFileSync(join(vault, 'open.md'), 'utf8')).not.toBe(SEED);
	});
});
