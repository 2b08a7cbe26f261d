import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './measure';

const ROOT = join(__dirname, '..');
const SEED = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-note.md'), 'utf8');

/**
 * The read budget (src/engine/frontmatter/read-budget.ts) as the learner meets it: the built CLI in its own Node
 * process over one note 100,000 levels deep and one with a 50 MB frontmatter, wall time and peak
 * resident memory of the whole process. The floor is the same process over the seed note alone
 * (Node's start, the bundle's load, one recompute). Three runs each; the median is reported.
 */
export function noteBudgetBench(): Record<string, number> {
	execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: ROOT });
	const folder = mkdtempSync(join(tmpdir(), 'fc-bench-budget-'));
	const preload = join(folder, 'rss.cjs');
	writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.FC_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
	const notes = {
		seed: SEED,
		deep_100000: SEED.replace('복습: 추가 복습', `복습: ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
		frontmatter_50mb: SEED.replace('복습: 추가 복습', `복습: ${'가'.repeat(50 * 1024 * 1024 / 3)}`),
	};
	const results: Record<string, number> = {};
	for (const [name, text] of Object.entries(notes)) {
		const file = join(folder, `${name}.md`);
		const runs: { ms: number; rssMb: number }[] = [];
		for (let i = 0; i < 3; i++) {
			writeFileSync(file, text);
			const rssFile = join(folder, `${name}.rss`);
			const start = performance.now();
			const run = spawnSync(process.execPath, ['-r', preload, join(ROOT, 'build', 'cli.cjs'), 'recompute', file, '--now', '2024-10-28T09:05', '--json'], { env: { ...process.env, FC_RSS_FILE: rssFile }, encoding: 'utf8' });
			const ms = performance.now() - start;
			const refused = (JSON.parse(run.stdout) as { refused: unknown[] }).refused.length;
			if ((name === 'seed') !== (refused === 0)) throw new Error(`note budget bench: ${name} refused ${refused}`);
			runs.push({ ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
		}
		const median = <T>(xs: T[], by: (x: T) => number) => xs.map(by).sort((a, b) => a - b)[1] ?? 0;
		results[`note_budget_${name}_ms`] = round(median(runs, (r) => r.ms), 0);
		results[`note_budget_${name}_rss_mb`] = round(median(runs, (r) => r.rssMb), 0);
	}
	return results;
}
