import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'yaml';
import { runCli } from '../src/cli/run-cli';
import { findFrontmatter, toIsoDate } from '../src/engine';
import { configWith } from '../tests/helpers';
import { generateCorpus, writeCorpus } from './corpus';
import { round } from './measure';

const TODAY = new Date(2026, 10, 28, 9);
const NOTES = 5000;
const ROUNDS = 3;

function median(samples: number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * "Recompute all" over a generated 5,000-note vault (bench/corpus.ts), all stale, as the CLI runs it
 * (the plugin runs the same engine), beside two floors measured in the same run: reading and writing
 * back every note (the I/O floor) and one CST-only yaml pass over every frontmatter (the parse floor).
 */
export function recomputeAllBench(): Record<string, number> {
	const config = configWith({});
	const results: Record<string, number> = {};
	for (const [share, label] of [
		[1, ''],
		[0.1, '_10pct_review'],
	] as const) {
		const notes = generateCorpus(NOTES, share, config, TODAY);
		const folder = mkdtempSync(join(tmpdir(), 'fc-corpus-'));
		const paths = notes.map(([path]) => join(folder, path));
		const io: number[] = [];
		const cst: number[] = [];
		const all: number[] = [];
		let changed = 0;
		for (let r = 0; r < ROUNDS; r++) {
			writeCorpus(folder, notes);
			let start = performance.now();
			for (const path of paths) writeFileSync(path, readFileSync(path, 'utf8'));
			io.push(performance.now() - start);
			start = performance.now();
			for (const [, text] of notes) {
				const block = findFrontmatter(text);
				if (block) for (const token of new Parser().parse(text.slice(block.start, block.end))) void token;
			}
			cst.push(performance.now() - start);
			let out = '';
			start = performance.now();
			const code = runCli(['recompute', folder, '--today', toIsoDate(TODAY), '--json'], TODAY, { out: (t) => (out += t), err: () => undefined });
			all.push(performance.now() - start);
			if (code !== 0) throw new Error('recompute did not exit 0');
			changed = (JSON.parse(out) as { changed: string[] }).changed.length;
		}
		rmSync(folder, { recursive: true, force: true });
		const bytes = notes.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
		const allMs = median(all);
		results[`corpus_5000${label}_mb`] = round(bytes / 1e6, 2);
		results[`corpus_5000${label}_changed`] = changed;
		results[`io_floor_5000${label}_ms`] = round(median(io), 1);
		results[`cst_parse_floor_5000${label}_ms`] = round(median(cst), 1);
		results[`recompute_all_5000${label}_ms`] = round(allMs, 1);
		results[`recompute_all${label}_ratio_to_io_floor`] = round(allMs / median(io), 2);
		results[`recompute_all${label}_ratio_to_cst_floor`] = round(allMs / median(cst), 2);
	}
	return results;
}
