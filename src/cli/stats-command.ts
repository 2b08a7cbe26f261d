import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayNumberOf, entriesByPath, pickNotes, indexSnoozes, liveSnoozes, noteRecall, readJournals, recallReport, type Journals, vaultStatistics } from '../engine';
import { filterLineText, noteRecallText, recallReportText, statsReportText } from '../locale';
import { readReviewNotes } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/** The journals' folder inside a vault's config folder (`.obsidian` unless the learner chose another). */
export const HISTORY_IN_CONFIG = 'plugins/forgetting-curve/history';

/**
 * Statistics over a vault: the review history (every device's journal) and the notes' stages and
 * forecast. A missing history folder is an empty history unless --history named it.
 */
export function runStats(options: CommonOptions, output: Output): number {
	const folder = options.positionals[0] ?? '.';
	const { config, clock } = options;
	const today = dayNumberOf(clock.today);
	const folders = options.history !== undefined ? [options.history] : historyFolders(folder);
	const { journals, texts } = readJournalFiles(folders, options.history !== undefined, output);
	const read = readReviewNotes(options.positionals, config, 'stats', output);
	for (const r of read.refused) output.err(`refused ${r.path}: ${r.reason}\n`);
	const filtered = options.filter.length > 0;
	const notes = filtered ? pickNotes(read.notes, options.filter) : read.notes;
	const entries = entriesByPath(texts);
	if (options.note !== undefined) {
		// One note's predicted recall: the path as the vault's notes are named (relative to the folder).
		const wanted = options.note.replace(/\\/g, '/').replace(/^\.\//, '');
		const note = notes.find((n) => n.path === wanted || n.path.normalize('NFC') === wanted.normalize('NFC'));
		if (!note) {
			output.err(`${options.note} is not a review note of ${folder}.\n`);
			return 1;
		}
		const recall = noteRecall(note, entries, config, today);
		output.out(options.json ? `${JSON.stringify(recall, null, 2)}\n` : noteRecallText(recall));
		return 0;
	}
	const snoozes = indexSnoozes(liveSnoozes(options.snoozes, config.stages, today), config.stages);
	const { report, late } = vaultStatistics(journals, notes, config, today, snoozes, filtered ? new Set(notes.map((note) => note.path)) : undefined);
	const recall = recallReport(notes, entries, config, today);
	if (options.json) output.out(`${JSON.stringify({ ...(filtered ? { filter: options.filter } : {}), ...report, recall }, null, 2)}\n`);
	else output.out(`${filtered ? filterLineText(options.filter, notes.length, read.notes) : ''}${statsReportText(report, late)}${recallReportText(recall)}`);
	return 0;
}

/**
 * The history folders of a vault: one in each config folder (a dot-folder at the top; Obsidian lets
 * each device name its own, e.g. `.obsidian` and `.obsidian-mobile`) that has one.
 */
function historyFolders(vault: string): string[] {
	return readdirSync(vault, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name.startsWith('.'))
		.map((entry) => join(vault, entry.name, HISTORY_IN_CONFIG))
		.filter((path) => existsSync(path));
}

/**
 * Every device's journal; broken lines are skipped and reported once per file. A device's file found
 * in two config folders (both synced) is read once, the longer copy.
 */
function readJournalFiles(folders: readonly string[], named: boolean, output: Output): { journals: Journals; texts: string[] } {
	const texts = new Map<string, { name: string; text: string }>();
	for (const folder of folders) {
		let names: string[];
		try {
			names = readdirSync(folder).filter((name) => name.endsWith('.jsonl'));
		} catch (e) {
			if (!named && (e as { code?: unknown }).code === 'ENOENT') continue;
			throw e;
		}
		for (const name of names) {
			const text = readFileSync(join(folder, name), 'utf8');
			const device = name.slice(0, -'.jsonl'.length);
			if (text.length > (texts.get(device)?.text.length ?? -1)) texts.set(device, { name, text });
		}
	}
	const journals = readJournals(new Map([...texts].map(([device, { text }]) => [device, text])));
	for (const device of journals.devices) {
		const lines = device.brokenLines;
		if (lines.length > 0) output.err(`warning: ${device.id}.jsonl: skipped ${lines.length} broken line${lines.length === 1 ? '' : 's'} (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''})\n`);
	}
	return { journals, texts: [...texts.values()].map((file) => file.text) };
}
