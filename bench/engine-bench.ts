import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, Parser } from 'yaml';
import { clockAt, findFrontmatter, recompute } from '../src/engine';
import { configWith } from '../tests/helpers';
import { medianMs, round } from './measure';

const SEED = readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-note.md'), 'utf8');

const config = () => configWith({ rateFormula: 'template' });

/**
 * Engine figures: recompute throughput for an up-to-date note (the common case: opened, nothing to
 * write) and for a stale one (a new day: eight fields change), and our splice against yaml's own
 * parse, set and re-stringify of the same frontmatter making the same changes.
 */
export function engineBench(): Record<string, number> {
	const cfg = config();
	const sameDay = clockAt(new Date(2024, 9, 27, 14));
	const nextDay = clockAt(new Date(2024, 9, 28, 9));
	const stale = recompute(SEED, cfg, nextDay);
	if (stale.kind !== 'changed') throw new Error('expected the seed to be stale the next day');

	const unchangedMs = medianMs(() => recompute(SEED, cfg, sameDay), 300);
	const changedMs = medianMs(() => recompute(SEED, cfg, nextDay), 300);

	// The baseline makes the same value changes through yaml's document API, then re-stringifies.
	const block = findFrontmatter(SEED);
	if (!block) throw new Error('seed has no frontmatter');
	const yamlText = SEED.slice(block.start, block.end);
	const changedValues = changedFields(yamlText, stale.text.slice(block.start, stale.text.indexOf('\n---', block.start) + 1));
	const restringifyMs = medianMs(() => {
		const doc = parseDocument(yamlText);
		for (const [key, value] of changedValues) doc.set(key, value);
		doc.toString();
	}, 300);

	// The floor for one note: yaml's Parser over the seed's frontmatter, tokens only (no document).
	const cstMs = medianMs(() => {
		for (const token of new Parser().parse(yamlText)) void token;
	}, 300);

	// Work grows with the frontmatter: a stale seed with 1,000 and with 10,000 extra keys of its own.
	const withKeys = (n: number) => SEED.replace('복습: 추가 복습\n', `복습: 추가 복습\n${Array.from({ length: n }, (_, i) => `my key ${i}: value ${i}\n`).join('')}`);
	const keys1k = withKeys(1000);
	const keys10k = withKeys(10_000);
	const keys1kMs = medianMs(() => recompute(keys1k, cfg, nextDay), 5, 3);
	const keys10kMs = medianMs(() => recompute(keys10k, cfg, nextDay), 1, 3);

	return {
		recompute_stale_1k_keys_ms: round(keys1kMs, 1),
		recompute_stale_10k_keys_ms: round(keys10kMs, 1),
		recompute_10k_vs_1k_keys_ratio: round(keys10kMs / keys1kMs, 2),
		recompute_uptodate_notes_per_s: Math.round(1000 / unchangedMs),
		recompute_stale_notes_per_s: Math.round(1000 / changedMs),
		cst_parse_seed_notes_per_s: Math.round(1000 / cstMs),
		recompute_uptodate_ms: round(unchangedMs, 4),
		recompute_stale_ms: round(changedMs, 4),
		restringify_ms: round(restringifyMs, 4),
		splice_vs_restringify_ratio: round(changedMs / restringifyMs),
	};
}

function changedFields(before: string, after: string): [string, unknown][] {
	const old = parseDocument(before).toJS() as Record<string, unknown>;
	const next = parseDocument(after).toJS() as Record<string, unknown>;
	return Object.entries(next).filter(([key, value]) => old[key] !== value);
}
