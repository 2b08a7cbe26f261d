import { DueIndex } from '../src/engine';
import { configWith } from '../tests/helpers';
import { medianMs, round } from './measure';
import { syntheticVault } from './synthetic-vault';

const TODAY = new Date(2026, 10, 27);

const config = () => configWith();

/**
 * The due index at 100,000 notes: a full build (all review notes, and 10 % review notes), the floor
 * (a bare loop that only reads every note's first-study key) and one incremental update.
 */
export function indexBench(): Record<string, number> {
	const cfg = config();
	const all = syntheticVault(100_000, 1, TODAY);
	const tenth = syntheticVault(100_000, 0.1, TODAY);
	const key = cfg.firstStudyKey;

	let sink = 0;
	// Interleaved rounds of several passes each, so both sides meet the same machine load and JIT state.
	const floorRounds: number[] = [];
	const buildRounds: number[] = [];
	const index = new DueIndex(cfg);
	for (let round = 0; round < 9; round++) {
		floorRounds.push(medianMs(() => {
			for (const [, frontmatter] of all) if (frontmatter?.[key] !== undefined) sink++;
		}, 5, 1));
		buildRounds.push(medianMs(() => index.build(all), 5, 1));
	}
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
	const floorMs = median(floorRounds);
	const buildMs = median(buildRounds);
	const build10Ms = medianMs(() => new DueIndex(cfg).build(tenth), 3, 7);
	if (index.size !== 100_000 || sink === 0) throw new Error('benchmark vault is not what it should be');

	// One incremental update: a checkbox ticked in one note, as metadataCache 'changed' delivers it.
	const firstUpdate: number[] = [];
	const edits = all.slice(0, 1000).map(([path, frontmatter]) => [path, { ...frontmatter, '❤1일복습여부': !frontmatter?.['❤1일복습여부'] }] as const);
	// The first update after a build also makes the path → slot table the build skipped.
	medianMs(() => {
		index.build(all);
		const [path, frontmatter] = edits[0] ?? ['', undefined];
		const start = performance.now();
		index.update(path, frontmatter);
		firstUpdate.push(performance.now() - start);
	}, 1, 5);
	let i = 0;
	const updateMs = medianMs(() => {
		const [path, frontmatter] = edits[i++ % edits.length] ?? ['', undefined];
		index.update(path, frontmatter);
	}, 1000, 11);
	// What the view asks for: the complete counts and forecast, and the first 100 rows of each section.
	const snapshotMs = medianMs(() => index.snapshot(TODAY, { limits: { overdue: 100, dueToday: 100, upcoming: 100 } }), 1, 11);

	// Memory: the heap an index of 100,000 review notes holds, lookup table included (needs --expose-gc).
	const gc = (globalThis as { gc?: () => void }).gc;
	let heapMb = Number.NaN;
	if (gc) {
		gc();
		const before = process.memoryUsage().heapUsed;
		const held = new DueIndex(cfg);
		held.build(all);
		held.prepareForUpdates();
		gc();
		heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
		if (held.size !== 100_000) throw new Error('index lost notes');
	}

	return {
		index_heap_100k_mb: round(heapMb, 2),
		index_build_100k_ms: round(buildMs, 2),
		index_build_100k_10pct_review_ms: round(build10Ms, 2),
		index_floor_100k_ms: round(floorMs, 2),
		index_build_ratio_to_floor: round(buildMs / floorMs, 2),
		incremental_update_ms: round(updateMs, 5),
		index_first_update_after_build_ms: round(firstUpdate.sort((a, b) => a - b)[2] ?? Number.NaN, 2),
		index_snapshot_100k_ms: round(snapshotMs, 2),
	};
}
