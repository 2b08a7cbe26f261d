import { dateOfDayNumber, type DueBucket, type FilterTerm, isFacetOf, type DueSnapshot, type IndexedNote, noteTitle, rateFromMask, type ReviewConfig, UPCOMING_DAYS } from '../../engine';
import { stageText, t, uiLanguage } from '../../locale';
import { type FilterChoices, filterLabel } from '../filter';

export type SectionId = DueBucket;

export interface DueRow {
	path: string;
	title: string;
	badge: string;
	subject: string | null;
	rate: number;
	/** "3 days late", or the due date for upcoming reviews; empty for today's. */
	when: string;
}

export interface DueSection {
	id: SectionId;
	title: string;
	/** Reviews in the section; `rows` may hold only the first page of them. */
	total: number;
	rows: DueRow[];
}

export interface ForecastDay {
	/** The whole day in words, for the tooltip and the text alternative: "Oct 12: 3". */
	label: string;
	/** The day of the month, under its bar. */
	date: string;
	count: number;
	isToday: boolean;
}

export type DueModel = (
	| { state: 'loading' }
	| { state: 'no-notes' }
	/** Nothing due within `days` (the upcoming horizon). */
	| { state: 'empty'; forecast: ForecastDay[]; days: number }
	/** A filter is set and nothing it picks is due within `days`; `noneMatch`: it picks no note at all. */
	| { state: 'filtered-empty'; forecast: ForecastDay[]; days: number; label: string; noneMatch: boolean }
	| { state: 'list'; sections: DueSection[]; forecast: ForecastDay[] }
) & {
	/** Sync conflict copies of review notes, left out of the list and named above it. */
	conflictCopies: string[];
	/** The filter's choices (absent before there are notes), and the filter in words ('' for none). */
	filter?: FilterChoices & { label: string };
};

/**
 * Date formats made once per language: making one costs more than formatting a whole page of rows
 * (about 25 ms for the two on a phone), so the plugin makes them when idle after start-up
 * (`prepareDateFormats`), not when the learner first opens the list.
 */
const FORMATS = new Map<string, { day: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }>();

function formatters(language: string): { day: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat } {
	let made = FORMATS.get(language);
	if (!made) {
		made = {
			day: new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' }),
			weekday: new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric' }),
		};
		FORMATS.set(language, made);
	}
	return made;
}

/** Makes the UI language's date formats ahead of the first drawing of the due list or the statistics. */
export function prepareDateFormats(): void {
	formatters(uiLanguage());
}

/** Reviews per day from `today` on, as the due list and the statistics draw them. */
export function forecastDays(counts: readonly number[], today: number): ForecastDay[] {
	const { day } = formatters(uiLanguage());
	return counts.map((count, offset) => {
		const date = dateOfDayNumber(today + offset);
		return { label: t('view.forecast-day', { date: day.format(date), count }), date: String(date.getDate()), count, isToday: offset === 0 };
	});
}

/**
 * Turns the index's snapshot into what the view shows, in the UI language; `hasReviewNotes` tells "no
 * review notes" from "nothing due"; `choices` are the filter's, when the view offers one.
 */
export function buildDueModel(snapshot: DueSnapshot | null, hasReviewNotes: boolean, config: ReviewConfig | null, conflictCopies: string[] = [], choices?: FilterChoices): DueModel {
	if (!snapshot || !config) return { state: 'loading', conflictCopies };
	if (!hasReviewNotes) return { state: 'no-notes', conflictCopies };
	const { weekday } = formatters(uiLanguage());
	const forecast = forecastDays(snapshot.forecast, snapshot.today);
	const row = (note: IndexedNote, when: string): DueRow => ({
		path: note.path,
		title: noteTitle(note.path),
		badge: stageText(config.stages[note.stage] ?? { id: '', days: 0 }, 'badge'),
		subject: note.subject,
		rate: rateFromMask(config.rate, config.stages, note.doneMask),
		when,
	});
	const late = (note: IndexedNote) => {
		const days = snapshot.today - note.dueDay;
		return days === 1 ? t('view.days-late-one') : t('view.days-late-many', { days });
	};
	const sections: DueSection[] = [
		{ id: 'overdue', title: t('view.overdue'), total: snapshot.counts.overdue, rows: snapshot.overdue.map((n) => row(n, late(n))) },
		{ id: 'dueToday', title: t('view.today'), total: snapshot.counts.dueToday, rows: snapshot.dueToday.map((n) => row(n, '')) },
		{ id: 'upcoming', title: t('view.upcoming'), total: snapshot.counts.upcoming, rows: snapshot.upcoming.map((n) => row(n, weekday.format(dateOfDayNumber(n.dueDay)))) },
	];
	const filter = choices ? { ...choices, label: filterLabel(choices.filter) } : undefined;
	const extra = filter ? { conflictCopies, filter } : { conflictCopies };
	if (sections.every((s) => s.total === 0)) {
		if (filter && filter.filter.length > 0) {
			const has = (term: FilterTerm) => filter.facets.some((f) => f.notes > 0 && isFacetOf(f, term));
			const noneMatch = !filter.filter.every(has);
			return { state: 'filtered-empty', forecast, days: UPCOMING_DAYS, label: filter.label, noneMatch, ...extra };
		}
		return { state: 'empty', forecast, days: UPCOMING_DAYS, ...extra };
	}
	return { state: 'list', sections, forecast, ...extra };
}
