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
import { notionImportBench } from './notion-import-bench';
import { pluginBench } from './plugin-bench';
import { recomputeAllBench } from './recompute-all-bench';
import { viewChromiumBench } from './view-chromium-bench';

/** Every group of figures, in the order they run. */
const GROUPS: Record<string, () => Record<string, number> | Promise<Record<string, number>>> = {
	index: indexBench,
	plugin: pluginBench,
	engine: engineBench,
	'recompute-all': recomputeAllBench,
	view: viewChromiumBench,
	history: historyBench,
	caldav: caldavBench,
	'caldav-parse': caldavParseBench,
	'caldav-sliced': caldavSlicedParseBench,
	'caldav-hostile': caldavHostileBench,
	'note-budget': noteBudgetBench,
	notion: notionImportBench,
	mobile: mobileBench,
};

// `npm run bench`: every figure comes from this one run, so ratios compare like with like on a shared,
// noisy machine. Results go to bench/results.json (flat name → number, units in the names) and stdout.
// `npm run bench -- caldav mobile` runs only those groups, to stdout (results.json keeps the full run).
async function main(): Promise<void> {
	const chosen = process.argv.slice(2);
	const unknown = chosen.filter((name) => !(name in GROUPS));
	if (unknown.length > 0) throw new Error(`unknown figure groups: ${unknown.join(', ')} (known: ${Object.keys(GROUPS).join(', ')})`);
	const results: Record<string, number> = {};
	for (const [name, run] of Object.entries(GROUPS)) if (chosen.length === 0 || chosen.includes(name)) Object.assign(results, await run());
	const width = Math.max(...Object.keys(results).map((k) => k.length));
	process.stdout.write(`${'figure'.padEnd(width)}  value\n${'-'.repeat(width)}  -----\n`);
	for (const [name, value] of Object.entries(results)) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
	if (chosen.length === 0) {
		const folder = join(__dirname, '..', 'bench');
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	}
	// happy-dom keeps timers alive; the figures are written, so end here.
	process.exit(0);
}

void main();
