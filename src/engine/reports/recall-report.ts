import type { ReviewConfig } from '../config';
import { type HistoryEntry, parseJournal } from '../history';
import { type CurveNote, recallCurve, recallToday } from '../recall';
import { dayNumberOf, doneMaskOf, isoOfDayNumber, type Stage, stageJsonValue } from '../schedule';
import type { ReportNote } from './due-report';

/** How many notes the statistics name as most at risk. */
export const AT_RISK_LISTED = 5;

export interface RecallReport {
	/** The vault's average predicted recall today (0–1), null without review notes. */
	average: number | null;
	/** The notes most at risk: lowest predicted recall today first (ties by path). */
	atRisk: { path: string; recall: number }[];
}

/**
 * Every device's journal entries by the note's current path (renames followed), in time order: the
 * review points of each note's curve. `texts` is each device's journal text.
 */
export function entriesByPath(texts: Iterable<string>): Map<string, HistoryEntry[]> {
	const all = [...texts].flatMap((text) => parseJournal(text).entries).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	const byPath = new Map<string, HistoryEntry[]>();
	for (const entry of all) {
		if (entry.action === 'rename') {
			const moved = byPath.get(entry.from);
			if (!moved) continue;
			byPath.delete(entry.from);
			const there = byPath.get(entry.path);
			byPath.set(entry.path, there ? [...there, ...moved] : moved);
			continue;
		}
		const list = byPath.get(entry.path);
		if (list) list.push(entry);
		else byPath.set(entry.path, [entry]);
	}
	return byPath;
}

/** The vault's predicted recall today from notes read by the command lines. */
export function recallReport(notes: readonly ReportNote[], journal: ReadonlyMap<string, HistoryEntry[]>, config: ReviewConfig, today: number): RecallReport {
	const schedules = notes.map((note) => ({ path: note.path, firstDay: dayNumberOf(note.inputs.first), doneMask: doneMaskOf(config.stages, note.inputs.done) }));
	return recallOfSchedules(schedules, journal, config.stages, today);
}

/** The vault's predicted recall today: its average, and the notes most at risk (recall-curve.ts); the statistics view's and the command lines' one rule. */
export function recallOfSchedules(notes: readonly ({ path: string } & CurveNote)[], journal: ReadonlyMap<string, HistoryEntry[]>, stages: readonly Stage[], today: number): RecallReport {
	// A note to be studied on a later day has no recall yet: it is neither averaged nor at risk.
	const recalls = notes.flatMap((note) => {
		const recall = recallToday(note, stages, journal.get(note.path) ?? [], today);
		return recall === null ? [] : [{ path: note.path, recall }];
	});
	const average = recalls.length === 0 ? null : recalls.reduce((sum, r) => sum + r.recall, 0) / recalls.length;
	const atRisk = [...recalls].sort((a, b) => a.recall - b.recall || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, AT_RISK_LISTED);
	return { average, atRisk };
}

export interface NoteRecall {
	path: string;
	today: string;
	/** Predicted recall today, 0–1; null before the first study. */
	recall: number | null;
	/** The next review: its day, its stage as the CLI's JSON gives it, and the recall predicted for it. */
	next: { due: string; stage: number | string; recall: number } | null;
}

/** One note's predicted recall today and at its next review (`stats --note`). */
export function noteRecall(note: ReportNote, journal: ReadonlyMap<string, HistoryEntry[]>, config: ReviewConfig, today: number): NoteRecall {
	const curve = recallCurve({ firstDay: dayNumberOf(note.inputs.first), doneMask: doneMaskOf(config.stages, note.inputs.done) }, config.stages, journal.get(note.path) ?? [], today);
	return {
		path: note.path,
		today: isoOfDayNumber(today),
		recall: curve.todayRecall,
		next: curve.next ? { due: isoOfDayNumber(curve.next.day), stage: stageJsonValue(curve.next.stage.id), recall: curve.next.recall } : null,
	};
}
