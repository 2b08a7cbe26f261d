import { DueIndex, loadSettings, resolveConfig } from '../src/engine';
import { medianMs, round } from './measure';
import { syntheticVault } from './synthetic-vault';

const TODAY = new Date(2026, 10, 27);

function config() {
	const resolved = resolveConfig(loadSettings({}).settings);
	if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
	return resolved.config;
}

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
	const floorMs = medianMs(() => {
		for (const [, frontmatter] of all) if (frontmatter?.[key] !== undefined) sink++;
	}, 1, 11);
	const index = new DueIndex(cfg);
	const buildMs = medianMs(() => index.build(all), 1, 11);
	const build10Ms = medianMs(() => new DueIndex(cfg).build(tenth), 1, 11);
	if (index.notes.size !== 100_000 || sink === 0) throw new Error('benchmark vault is not what it should be');

	// One incremental update: a checkbox ticked in one note, as metadataCache 'changed' delivers it.
	const edits = all.slice(0, 1000).map(([path, frontmatter]) => [path, { ...frontmatter, '❤1일복습여부': !frontmatter?.['❤1일복습여부'] }] as const);
	let i = 0;
	const updateMs = medianMs(() => {
		const [path, frontmatter] = edits[i++ % edits.length] ?? ['', undefined];
		index.update(path, frontmatter);
	}, 1000, 11);
	const snapshotMs = medianMs(() => index.snapshot(TODAY), 1, 11);

	return {
		index_build_100k_ms: round(buildMs, 2),
		index_build_100k_10pct_review_ms: round(build10Ms, 2),
		index_floor_100k_ms: round(floorMs, 2),
		index_build_ratio_to_floor: round(buildMs / floorMs, 2),
		incremental_update_ms: round(updateMs, 5),
		index_snapshot_100k_ms: round(snapshotMs, 2),
	};
}
