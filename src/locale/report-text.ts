import { countFacets, type DueEntry, type DueReport, FACET_KINDS, type FacetKind, type NoteRecall, type RecallReport, type ReviewFilter, type StatisticsReport, UPCOMING_DAYS } from '../engine';

/**
 * The command lines' reports in words, one text for `forgetting-curve due|stats` and for Obsidian's
 * `obsidian forgetting-curve:due|stats`. English, as the rest of the CLI: it is read in terminals and
 * scripts, where a stable text matters more than the app's language.
 */
function stageText(stage: number | string): string {
	return typeof stage === 'number' ? `${stage}d` : stage;
}

export function dueReportText(report: DueReport): string {
	const section = (title: string, entries: DueEntry[], detail: (e: DueEntry) => string) => [
		`${title} (${entries.length})`,
		...entries.map((e) => `  ${e.path}  ${stageText(e.stage)}  ${detail(e)}`),
	];
	const lines = [
		`Today: ${report.today}`,
		...section('Overdue', report.overdue, (e) => `due ${e.due}, ${e.daysLate} day${e.daysLate === 1 ? '' : 's'} late`),
		...section('Due today', report.dueToday, (e) => `due ${e.due}`),
		...section(`Upcoming, next ${UPCOMING_DAYS} days`, report.upcoming, (e) => `due ${e.due}`),
		...report.refused.map((r) => `  refused ${r.path}: ${r.reason}`),
	];
	return `${lines.join('\n')}\n`;
}

export function statsReportText(report: StatisticsReport, late: { count: number; averageDays: number | null }): string {
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

const percent = (recall: number) => `${Math.round(recall * 100)}%`;

/** The vault's predicted recall (an FSRS estimate), after the statistics. */
export function recallReportText(report: RecallReport): string {
	if (report.average === null) return '';
	const lines = [`Predicted recall today (FSRS estimate): ${percent(report.average)} on average`, 'Most at risk:', ...report.atRisk.map((note) => `  ${percent(note.recall).padStart(4)}  ${note.path}`)];
	return `${lines.join('\n')}\n`;
}

/** One note's predicted recall today and at its next review (`stats --note`). */
export function noteRecallText(recall: NoteRecall): string {
	const next = recall.next ? `; at its ${stageText(recall.next.stage)} review on ${recall.next.due}: ${percent(recall.next.recall)}` : '; every review is done';
	if (recall.recall === null) return `${recall.path}: first study on a later day; no predicted recall yet\n`;
	return `${recall.path}: predicted recall today ${percent(recall.recall)} (FSRS estimate)${next}\n`;
}

const KIND_WORDS: Record<FacetKind, { one: string; many: string }> = {
	subject: { one: 'subject', many: 'Subjects' },
	folder: { one: 'folder', many: 'Folders' },
	tag: { one: 'tag', many: 'Tags' },
};

/** A filter in words: 'subject "쿠버네티스" or "Kafka", tag #k8s'. */
export function filterText(filter: ReviewFilter): string {
	return FACET_KINDS.filter((kind) => filter.some((term) => term.kind === kind))
		.map((kind) => `${KIND_WORDS[kind].one} ${filter.filter((term) => term.kind === kind).map((term) => (kind === 'tag' ? `#${term.value.normalize('NFC').replace(/^#/, '')}` : `"${term.value.normalize('NFC')}"`)).join(' or ')}`)
		.join(', ');
}

/**
 * What `due` and `stats` print above their report when a filter is given: the filter, or, when it
 * picks none of the review notes (`all`), that it picks none and the values the notes do have (a typo
 * shows at once).
 */
export function filterLineText(filter: ReviewFilter, picked: number, all: readonly { path: string; subject?: string | null; tags?: readonly string[] | null }[]): string {
	if (picked > 0) return `Only ${filterText(filter)}: ${picked} review note${picked === 1 ? '' : 's'}\n`;
	const facets = countFacets(all.map((note) => ({ facets: { path: note.path, subject: note.subject ?? null, tags: note.tags ?? null }, due: false })));
	const known = FACET_KINDS.filter((kind) => filter.some((term) => term.kind === kind)).map((kind) => {
		const values = facets.filter((facet) => facet.kind === kind).map((facet) => `${kind === 'tag' ? '#' : ''}${facet.value} (${facet.notes})`);
		return `${KIND_WORDS[kind].many}: ${values.length === 0 ? 'none' : values.join(', ')}`;
	});
	return `No review note has ${filterText(filter)}.\n${known.join('\n')}\n`;
}

/** Under a filtered due report with nothing in it: how to see every note. */
export function filterNothingDueText(filter: ReviewFilter): string {
	return `Nothing due for ${filterText(filter)} in the next ${UPCOMING_DAYS} days. Leave out --subject, --folder and --tag to see every note.\n`;
}
