import { appendFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'obsidian';
import { historyLine, isoOfDayNumber, journalStats, readJournals, type HistoryEntry } from '../src/engine';
import { ReviewHistory } from '../src/plugin/session/review-history';
import { round } from './measure';

const DEVICES = 3;
const ENTRIES = 100_000;
const TODAY = 20_400;

/** A journal of 100,000 entries from three devices: three years of reviews of 2,000 notes, with undos and renames. */
export function journals(): Map<string, string> {
	let seed = 1;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	const lines: string[][] = Array.from({ length: DEVICES }, () => []);
	for (let i = 0; i < ENTRIES; i++) {
		// About 91 a day, ten minutes apart from 06:00: each device's file is in time order, as appending makes it.
		const day = TODAY - 1100 + Math.floor((i / ENTRIES) * 1100);
		const minute = 360 + (i % 91) * 10;
		const at = `${isoOfDayNumber(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+09:00`;
		const path = `notes/topic-${Math.floor(random() * 2000)}.md`;
		const r = random();
		const entry: HistoryEntry =
			r < 0.01
				? { at, action: 'rename', from: path, path: `moved/${path}` }
				: { at, path, stage: [1, 4, 7, 14, 'long-term'][i % 5]!, due: isoOfDayNumber(day - (r < 0.2 ? 2 : 0)), action: r < 0.04 ? 'undo' : r < 0.08 ? 'snooze' : 'done' };
		lines[i % DEVICES]!.push(historyLine(entry));
	}
	return new Map(lines.map((device, i) => [`device-${i}`, device.join('')]));
}

/** Reading every device's file, merging and computing the statistics, as the view and the CLI do. */
function statsMs(files: Map<string, string>): number {
	const samples: number[] = [];
	for (let round = 0; round < 7; round++) {
		const start = performance.now();
		const stats = journalStats(readJournals(files), TODAY);
		samples.push(performance.now() - start);
		if (stats.total < ENTRIES / 2) throw new Error('the benchmark journal lost entries');
	}
	samples.sort((a, b) => a - b);
	return samples[3]!;
}

/** The plugin's own append (review-history.ts) through a data adapter on Node's file system. */
async function appendMs(): Promise<{ median: number; bytes: number }> {
	const root = mkdtempSync(join(tmpdir(), 'fc-history-'));
	const adapter = {
		exists: async (path: string) => stat(join(root, path)).then(() => true, () => false),
		mkdir: (path: string) => mkdir(join(root, path), { recursive: true }),
		append: (path: string, data: string) => appendFile(join(root, path), data),
		list: async (path: string) => ({ files: (await readdir(join(root, path))).map((name) => `${path}/${name}`), folders: [] }),
		read: (path: string) => readFile(join(root, path), 'utf8'),
	};
	const storage = new Map<string, unknown>();
	const app = { vault: { adapter }, loadLocalStorage: (key: string) => storage.get(key) ?? null, saveLocalStorage: (key: string, value: unknown) => storage.set(key, value) } as unknown as App;
	const history = new ReviewHistory(app, 'plugins/forgetting-curve', () => new Date(2026, 10, 28, 9));
	await history.review('done', 'warm-up.md', 1, '2026-11-28');
	const samples: number[] = [];
	for (let i = 0; i < 300; i++) {
		const start = performance.now();
		await history.review('done', `notes/topic-${i}.md`, 4, '2026-11-27');
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	const bytes = (await readFile(join(root, history.file), 'utf8')).length;
	rmSync(root, { recursive: true, force: true });
	return { median: samples[150]!, bytes };
}

/** The floor: JSON.parse of every device's journal as one array, no checks, no figures. */
function jsonFloorMs(files: Map<string, string>): number {
	const samples: number[] = [];
	for (let round = 0; round < 7; round++) {
		const start = performance.now();
		for (const text of files.values()) JSON.parse(`[${text.trimEnd().split('\n').join(',')}]`);
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[3]!;
}

export async function historyBench(): Promise<Record<string, number>> {
	const files = journals();
	const floor = jsonFloorMs(files);
	const stats = statsMs(files);
	const bytes = [...files.values()].reduce((sum, text) => sum + text.length, 0);
	const append = await appendMs();
	return {
		stats_100k_entries_ms: round(stats, 2),
		stats_100k_json_parse_floor_ms: round(floor, 2),
		stats_100k_ratio_to_json_parse_floor: round(stats / floor, 2),
		stats_100k_entries_mb: round(bytes / 1e6, 2),
		history_append_ms: round(append.median, 4),
	};
}
