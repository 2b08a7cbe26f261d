import { setIcon } from 'obsidian';
import { forecastStrip } from '../due';
import { t } from '../../locale';
import type { RecallReport, ReviewFilter } from '../../engine';
import { type FilterChoices, FilterPicker } from '../filter';
import { HEATMAP_WEEKS, type StatsModel } from './stats-model';

const CELL = 11;
const GAP = 2;
const LABEL_ROW = 12;

/**
 * Draws the statistics into `parent` in one step: figures, the 26-week heatmap (SVG, coloured by
 * classes in styles.css from Obsidian's variables, a tooltip per day), notes by stage and the
 * forecast. No inline styles, no innerHTML.
 */
export function renderStats(parent: HTMLElement, model: StatsModel, recall: RecallReport, open: (path: string) => void, filter?: StatsFilter): void {
	const hadFocus = parent.ownerDocument.activeElement?.classList.contains('forgetting-curve-filter') === true;
	const root = createDiv({ cls: 'forgetting-curve-stats' });
	const head = root.createDiv({ cls: 'forgetting-curve-stats-head' });
	head.createEl('h4', { cls: 'forgetting-curve-stats-title', text: t('stats.title') });
	// The filter shows once there are review notes to pick from, and always while one is set (to clear it).
	const filtered = filter !== undefined && filter.choices.filter.length > 0;
	if (filter && (filter.choices.total > 0 || filtered)) new FilterPicker(head, filter.pick).update(filter.choices);
	const done = () => {
		parent.replaceChildren(root);
		if (hadFocus) root.querySelector<HTMLElement>('.forgetting-curve-filter')?.focus();
	};
	if (filtered && !model.hasNotes) {
		const empty = emptyState(root, t('filter.none-title', { filter: filter.choices.label }), t('filter.none-body'));
		const clear = empty.createEl('button', { cls: 'forgetting-curve-clear-filter', text: t('filter.clear') });
		clear.addEventListener('click', () => filter.pick([]));
		return done();
	}
	if (!model.hasHistory && !model.hasNotes) {
		emptyState(root, t('stats.empty-title'), t('stats.empty-body'));
		return done();
	}
	const tiles = root.createDiv({ cls: 'forgetting-curve-stats-tiles' });
	for (const tile of model.tiles) {
		const el = tiles.createDiv({ cls: 'forgetting-curve-stats-tile' });
		el.createDiv({ cls: 'forgetting-curve-stats-value', text: tile.value });
		el.createDiv({ cls: 'forgetting-curve-stats-label', text: tile.label });
		if (tile.detail) el.createDiv({ cls: 'forgetting-curve-stats-detail', text: tile.detail });
	}
	if (model.hasHistory) heatmap(root, model.heatmap);
	else emptyState(root, t('stats.empty-title'), t('stats.empty-body'));
	stages(root, model);
	if (recall.average !== null) recallSection(root, recall, open);
	forecastStrip(root, model.forecast, model.forecastCaption);
	done();
}

/** The statistics' filter: the due list's (one filter, remembered on the device), counted in notes. */
export interface StatsFilter {
	choices: FilterChoices & { label: string };
	pick: (filter: ReviewFilter) => void;
}

function emptyState(root: HTMLElement, title: string, body: string): HTMLElement {
	const empty = root.createDiv({ cls: 'forgetting-curve-empty' });
	setIcon(empty.createDiv({ cls: 'forgetting-curve-empty-icon' }), 'history');
	empty.createDiv({ cls: 'forgetting-curve-empty-title', text: title });
	empty.createDiv({ cls: 'forgetting-curve-empty-body', text: body });
	return empty;
}

function heatmap(root: HTMLElement, map: StatsModel['heatmap']): void {
	const box = root.createDiv({ cls: 'forgetting-curve-heatmap', attr: { role: 'img', 'aria-label': map.caption } });
	box.createDiv({ cls: 'forgetting-curve-stats-caption', text: map.caption });
	const width = HEATMAP_WEEKS * (CELL + GAP);
	const height = LABEL_ROW + 7 * (CELL + GAP);
	// Drawn at its natural size; CSS lets it shrink on a narrow pane, never blow up on a wide one.
	const svg = box.createSvg('svg', { attr: { viewBox: `0 0 ${width} ${height}`, width, height } });
	for (const month of map.months) {
		const label = svg.createSvg('text', { cls: 'forgetting-curve-heatmap-month', attr: { x: month.week * (CELL + GAP), y: LABEL_ROW - 3 } });
		label.textContent = month.label;
	}
	for (const day of map.days) {
		const cell = svg.createSvg('rect', {
			cls: `forgetting-curve-heat forgetting-curve-heat-${day.level}`,
			attr: { x: day.week * (CELL + GAP), y: LABEL_ROW + day.weekday * (CELL + GAP), width: CELL, height: CELL, rx: 2, 'data-count': day.count },
		});
		cell.createSvg('title').textContent = day.label;
	}
}

function stages(root: HTMLElement, model: StatsModel): void {
	const box = root.createDiv({ cls: 'forgetting-curve-stats-stages' });
	box.createDiv({ cls: 'forgetting-curve-stats-caption', text: t('stats.stages') });
	if (!model.hasNotes) {
		box.createDiv({ cls: 'forgetting-curve-stats-detail', text: t('stats.no-notes') });
		return;
	}
	const max = Math.max(1, model.finished, ...model.stages.map((s) => s.count));
	for (const stage of [...model.stages, { label: t('stats.finished'), count: model.finished }]) {
		const row = box.createDiv({ cls: 'forgetting-curve-stats-stage' });
		row.createSpan({ cls: 'forgetting-curve-stats-stage-label', text: stage.label });
		row.createEl('meter', { cls: 'forgetting-curve-stats-meter', attr: { min: 0, max, value: stage.count, 'aria-label': `${stage.label}: ${stage.count}` } });
		row.createSpan({ cls: 'forgetting-curve-count', text: String(stage.count) });
	}
}

const percent = (recall: number) => `${Math.round(recall * 100)}%`;

/** Predicted recall today (an FSRS estimate): the vault's average, and the notes most at risk, each opening its note. */
function recallSection(root: HTMLElement, recall: RecallReport, open: (path: string) => void): void {
	const box = root.createDiv({ cls: 'forgetting-curve-stats-recall' });
	box.createDiv({ cls: 'forgetting-curve-stats-caption', text: t('stats.recall') });
	box.createDiv({ cls: 'forgetting-curve-stats-value', text: percent(recall.average ?? 0) });
	box.createDiv({ cls: 'forgetting-curve-stats-detail', text: t('stats.recall-detail') });
	box.createDiv({ cls: 'forgetting-curve-stats-caption', text: t('stats.at-risk') });
	const list = box.createEl('ol', { cls: 'forgetting-curve-stats-at-risk' });
	for (const note of recall.atRisk) {
		const item = list.createEl('li');
		const title = note.path.slice(note.path.lastIndexOf('/') + 1).replace(/\.md$/, '');
		const link = item.createEl('a', { cls: 'internal-link', text: title, href: '#', attr: { 'data-path': note.path, 'aria-label': t('stats.at-risk-row', { title, recall: percent(note.recall) }) } });
		link.addEventListener('click', (event) => {
			event.preventDefault();
			open(note.path);
		});
		item.createSpan({ cls: 'forgetting-curve-count', text: percent(note.recall) });
	}
}
