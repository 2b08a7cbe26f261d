import './dom-globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caldavBench } from './caldav-bench';
import { caldavHostileBench } from './caldav-hostile-bench';
import { caldavParseBench, caldavSlicedParseBench } from './caldav-parse-bench';
import { engineBench } from './engine-bench';
import { historyBench } from './history-bench';
import { indexBench } from './index-bench';
import { mobileBench } from './mobile-bench';
import { noteBudgetBench } from './note-budget-bench';
import { pluginBench } from './plugin-bench';
import { recomputeAllBench } from './recompute-all-bench';
import { viewChromiumBench } from './view-chromium-bench';

// `npm run bench`: every figure comes from this one run, so ratios compare like with like on a shared,
// noisy machine. Results go to bench/results.json (flat name → number, units in the names) and stdout.
async function main(): Promise<void> {
	const results: Record<string, number> = { ...indexBench(), ...(await pluginBench()), ...engineBench(), ...recomputeAllBench(), ...(await viewChromiumBench()), ...(await historyBench()), ...(await caldavBench()), ...caldavParseBench(), ...(await caldavSlicedParseBench()), ...(await caldavHostileBench()), ...noteBudgetBench(), ...(await mobileBench()) };
	const width = Math.max(...Object.keys(results).map((k) => k.length));
	process.stdout.write(`${'figure'.padEnd(width)}  value\n${'-'.repeat(width)}  -----\n`);
	for (const [name, value] of Object.entries(results)) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
	const folder = join(__dirname, '..', 'bench');
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	// happy-dom keeps timers alive; the figures are written, so end here.
	process.exit(0);
}

void main();
