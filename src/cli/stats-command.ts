import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	countedReviews,
	dayNumberOf,
	doneMaskOf,
	DueIndex,
	indexSnoozes,
	liveSnoozes,
	mergeJournals,
	parseJournal,
	reviewStats,
	stageCounts,
	statisticsReport,
	type HistoryEntry,
	type StatisticsReport,
} from '../engine';
import { readReviewNotes } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/**
 * Where the plugin keeps the journals, inside a vault with Obsidian's default config folder. The CLI
 * runs outside Obsidian and cannot ask Vault#configDir; --history names another folder.
 */
// eslint-disable-next-line obsidianmd/hardcoded-config-path -- see above: no Vault here
export const DEFAULT_HISTORY_FOLDER = '.obsidian/plugins/forgetting-curve/history';

/**
 * Statistics over a vault: the review history (every device's journal) and the notes' stages and
 * forecast. A missing history folder is an empty history unless --history named it.
 */
export function runStats(options: CommonOptions, output: Output): number {
	const folder = options.positionals[0] ?? '.';
	const { config, clock } = options;
	const today = dayNumberOf(clock.today);
	const journals = readJournals(options.history ?? join(folder, DEFAULT_HISTORY_FOLDER), options.history !== undefined, output);
	const { notes, refused } = readReviewNotes(options.positionals, config, 'stats', output);
	for (const r of refused) output.err(`refused ${r.path}: ${r.reason}\n`);
	const schedules = notes.map((note) => ({ path: note.path, firstDay: dayNumberOf(note.inputs.first), doneMask: doneMaskOf(config.stages, note.inputs.done) }));
	const index = new DueIndex(config);
	index.buildFromSchedules(schedules);
	index.setSnoozes(indexSnoozes(liveSnoozes(options.snoozes, config.stages, today), config.stages));
	const stats = reviewStats(countedReviews(mergeJournals(journals)), today);
	const report = statisticsReport(stats, stageCounts(schedules, config.stages), index.snapshot(today).forecast, today);
	output.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report, stats.late));
	return 0;
}

/** Every device's journal in the folder; broken lines are skipped and reported once per file. */
function readJournals(folder: string, named: boolean, output: Output): Map<string, HistoryEntry[]> {
	const journals = new Map<string, HistoryEntry[]>();
	let names: string[];
	try {
		names = readdirSync(folder).filter((name) => name.endsWith('.jsonl'));
	} catch (e) {
		if (!named && (e as { code?: unknown }).code === 'ENOENT') return journals;
		throw e;
	}
	for (const name of names) {
		const parsed = parseJournal(readFileSync(join(folder, name), 'utf8'));
		if (parsed.brokenLines.length > 0) {
			const lines = parsed.brokenLines;
			output.err(`warning: ${name}: skipped ${lines.length} broken line${lines.length === 1 ? '' : 's'} (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''})\n`);
		}
		journals.set(name.slice(0, -'.jsonl'.length), parsed.entries);
	}
	return journals;
}

function reportText(report: StatisticsReport, late: { count: number; averageDays: number | null }): string {
	const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
	const counted = Object.values(report.reviewsByDay).reduce((a, b) => a + b, 0);
	const stages = Object.entries(report.stageCounts).map(([id, n]) => `${/^\d+$/.test(id) ? `${id}d` : id} ${n}`);
	const lines = [
		`Today: ${report.today}`,
		`Reviews done: ${counted} on ${days(Object.keys(report.reviewsByDay).length)}`,
		`Streak: ${days(report.currentStreakDays)} (longest ${days(report.longestStreakDays)})`,
		`On time: ${report.onTimeRate === null ? '-' : `${Math.round(report.onTimeRate * 100)}%`}${late.count > 0 && late.averageDays !== null ? ` (${late.count} late, ${late.averageDays.toFixed(1)} days on average)` : ''}`,
		`Notes by stage: ${stages.join(' · ')}`,
		`Next 14 days: ${report.forecast.join(' ')}`,
	];
	return `${lines.join('\n')}\n`;
}
