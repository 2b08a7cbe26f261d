import { dateOfDayNumber, FINISHED, type Journals, journalStats, type ReviewConfig, stageCounts } from '../../engine';
import { forecastDays, type ForecastDay } from '../due';
import { stageText, t, uiLanguage } from '../../locale';

/** How far back the heatmap looks. */
export const HEATMAP_WEEKS = 26;

export interface HeatmapDay {
	/** Column (week, oldest first) and row (weekday, Sunday first). */
	week: number;
	weekday: number;
	count: number;
	/** 0 (none) to 4 (the busiest days). */
	level: number;
	label: string;
}

export interface StatsModel {
	hasHistory: boolean;
	hasNotes: boolean;
	heatmap: { caption: string; days: HeatmapDay[]; months: { week: number; label: string }[] };
	tiles: { label: string; value: string; detail?: string }[];
	stages: { label: string; count: number }[];
	finished: number;
	forecast: ForecastDay[];
	forecastCaption: string;
}

/**
 * The statistics view's content, in the UI language, from every device's journal, the review notes and
 * the due list's forecast. The figures follow the definitions of `stats --json` (review-stats.ts).
 */
export function buildStatsModel(journals: Journals, notes: readonly { doneMask: number }[], forecast: readonly number[], config: ReviewConfig, today: number, onlyPaths?: ReadonlySet<string>): StatsModel {
	const stats = journalStats(journals, today, onlyPaths);
	const language = uiLanguage();
	const dayFormat = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
	const monthFormat = new Intl.DateTimeFormat(language, { month: 'short' });
	// Columns are weeks from Sunday; the last column holds today.
	const todayWeekday = weekdayOf(today);
	const start = today - todayWeekday - (HEATMAP_WEEKS - 1) * 7;
	let max = 0;
	for (let day = start; day <= today; day++) max = Math.max(max, stats.reviewsByDay.get(day) ?? 0);
	const days: HeatmapDay[] = [];
	const months: { week: number; label: string }[] = [];
	for (let day = start; day <= today; day++) {
		const count = stats.reviewsByDay.get(day) ?? 0;
		const week = Math.floor((day - start) / 7);
		const date = dateOfDayNumber(day);
		if (date.getDate() === 1 || day === start) months.push({ week, label: monthFormat.format(date) });
		days.push({
			week,
			weekday: weekdayOf(day),
			count,
			level: count === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((count / max) * 4))),
			label: t(count === 1 ? 'stats.heatmap-day-one' : 'stats.heatmap-day-many', { date: dayFormat.format(date), count }),
		});
	}
	// A month label needs room: drop the first when the second follows within two weeks.
	if (months.length > 1 && months[1]!.week - months[0]!.week < 2) months.shift();

	const percent = (rate: number) => `${Math.round(rate * 100)}%`;
	const dayCount = (count: number) => (count === 1 ? t('stats.day-one') : t('stats.days', { count }));
	const late = stats.late;
	const counts = stageCounts(notes, config.stages);
	return {
		hasHistory: stats.total > 0,
		hasNotes: notes.length > 0,
		heatmap: { caption: t('stats.heatmap', { weeks: HEATMAP_WEEKS }), days, months },
		tiles: [
			{ label: t('stats.total'), value: String(stats.total) },
			{ label: t('stats.streak'), value: dayCount(stats.currentStreakDays) },
			{ label: t('stats.longest'), value: dayCount(stats.longestStreakDays) },
			{ label: t('stats.on-time'), value: stats.onTimeRate === null ? '–' : percent(stats.onTimeRate), detail: stats.onTimeRate === null ? t('stats.on-time-none') : undefined },
			{
				label: t('stats.late'),
				value: String(late.count),
				detail: late.count === 0 || late.averageDays === null ? t('stats.late-none') : t('stats.late-detail', { count: late.count, average: late.averageDays.toFixed(1), max: late.maxDays ?? 0 }),
			},
		],
		stages: config.stages.map((stage) => ({ label: stageText(stage, 'badge'), count: counts[stage.id] ?? 0 })),
		finished: counts[FINISHED] ?? 0,
		forecast: forecastDays(forecast, today),
		forecastCaption: t('stats.forecast', { days: forecast.length }),
	};
}

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}
