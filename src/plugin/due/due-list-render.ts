import { setIcon } from 'obsidian';
import { copyIcon } from './icon-copies';
import { noteTitle } from '../../engine';
import { t } from '../../locale';
import type { DueModel, DueRow, DueSection, ForecastDay, SectionId } from './due-model';
import { FilterPicker } from '../filter';
import type { ReviewFilter } from '../../engine';

export interface DueListHandlers {
	open(path: string, newTab: boolean): void;
	markDone(path: string): void;
	showMore(section: SectionId): void;
	startSession(): void;
	openStatistics(): void;
	/** The learner picked a filter in the list's picker (or cleared it); absent where the list has no filter (a base filters itself). */
	pickFilter?(filter: ReviewFilter): void;
}

/**
 * Rows drawn per section at first (about a sidebar's height), and how many more each "Show more" adds.
 * Every live update redraws what is shown, so a 1,000-note list starts at 90 rows, not 1,000. A phone
 * shows about a dozen 44-px rows under the forecast and runs JavaScript several times slower: it starts
 * with 5 per section, about a screenful (`npm run bench`, mobile_due_view_render_ms).
 */
export const PAGE_SIZE = 30;
export const PHONE_PAGE_SIZE = 5;
export const MORE_STEP = 100;

/**
 * Draws the due list into `parent` and keeps it up to date in place: the first render builds it; a
 * live update with the same sections only touches what changed (a count, a moved or changed row, the
 * forecast), so a change on a 10,000-note list costs a few rows, not the page. Only Obsidian CSS
 * variables style it (styles.css); no inline styles, no innerHTML.
 */
export class DueListRenderer {
	private root: HTMLElement | null = null;
	private shape = '';
	private forecastKey = '';
	private forecastEl: HTMLElement | null = null;
	private readonly sections = new Map<SectionId, { el: HTMLElement; count: HTMLElement; list: HTMLElement; more: HTMLButtonElement | null }>();
	/** Rows drawn, by path, with what they show: a row that shows the same is kept as it is. */
	private rows = new Map<string, { shows: string; el: HTMLElement }>();
	private picker: FilterPicker | null = null;
	private reviewButton: HTMLButtonElement | null = null;

	/** `toolbar`: the review-session and statistics buttons above the list (the Bases view has its own toolbar). */
	constructor(
		private readonly handlers: DueListHandlers,
		private readonly parts: { toolbar: boolean } = { toolbar: true },
	) {}

	render(parent: HTMLElement, model: DueModel): void {
		const shape = shapeOf(model);
		if (!this.root || this.shape !== shape || this.root.parentElement !== parent) return this.build(parent, model, shape);
		if (model.filter) this.picker?.update(model.filter);
		this.reviewButton?.setText(reviewLabel(model));
		if (model.state === 'list') {
			this.updateForecast(model.forecast);
			const kept = new Map<string, { shows: string; el: HTMLElement }>();
			for (const section of model.sections) this.updateSection(section, kept);
			this.rows = kept;
		}
	}

	private build(parent: HTMLElement, model: DueModel, shape: string): void {
		const root = createDiv({ cls: 'forgetting-curve-due' });
		// A pick that changes the page's shape redraws it: the picker keeps the keyboard's focus.
		const pickerFocused = this.picker !== null && this.picker.el.ownerDocument.activeElement === this.picker.el;
		this.picker = null;
		this.reviewButton = null;
		this.sections.clear();
		this.rows = new Map();
		this.forecastEl = null;
		if (model.conflictCopies.length > 0) {
			root.createDiv({ cls: 'forgetting-curve-conflicts', text: t('view.conflicts', { names: model.conflictCopies.map(noteTitle).join(', ') }) });
		}
		if (model.state === 'loading') {
			root.createDiv({ cls: 'forgetting-curve-empty', text: t('view.loading') });
		} else if (model.state === 'no-notes') {
			emptyState(root, 'calendar-plus', t('view.no-notes-title'), t('view.no-notes-body'));
		} else {
			if (this.parts.toolbar) this.toolbar(root, model);
			this.forecastEl = root.createDiv();
			this.updateForecast(model.forecast, true);
			if (model.state === 'empty') emptyState(root, 'party-popper', t('view.empty-title'), t('view.empty-body', { days: model.days }));
			else if (model.state === 'filtered-empty') this.filteredEmpty(root, model);
			else for (const section of model.sections) this.buildSection(root, section);
		}
		root.addEventListener('keydown', (event) => moveFocus(root, event));
		parent.replaceChildren(root);
		if (pickerFocused) (this.picker as FilterPicker | null)?.el.focus();
		this.root = root;
		this.shape = shape;
	}

	/** The filter, "Review due notes" (while reviews are due) and the statistics, above the list. */
	private toolbar(root: HTMLElement, model: DueModel): void {
		const { handlers } = this;
		const bar = root.createDiv({ cls: 'forgetting-curve-toolbar' });
		if (model.filter) {
			this.picker = new FilterPicker(bar, (filter) => handlers.pickFilter?.(filter));
			this.picker.update(model.filter);
		}
		if (dueNow(model) > 0) {
			this.reviewButton = bar.createEl('button', { cls: 'mod-cta forgetting-curve-start-session', text: reviewLabel(model) });
			this.reviewButton.addEventListener('click', () => handlers.startSession());
		}
		const stats = bar.createEl('button', { cls: 'clickable-icon forgetting-curve-open-stats', attr: { 'aria-label': t('view.stats-button') } });
		copyIcon(stats, 'bar-chart-3');
		stats.addEventListener('click', () => handlers.openStatistics());
	}

	/** Nothing the filter picks is due (or it picks no note): says so, and offers to clear it. */
	private filteredEmpty(root: HTMLElement, model: Extract<DueModel, { state: 'filtered-empty' }>): void {
		const empty = model.noneMatch
			? emptyState(root, 'filter-x', t('filter.none-title', { filter: model.label }), t('filter.none-body'))
			: emptyState(root, 'filter', t('filter.empty-title', { filter: model.label }), t('filter.empty-body', { days: model.days }));
		const clear = empty.createEl('button', { cls: 'forgetting-curve-clear-filter', text: t('filter.clear') });
		clear.addEventListener('click', () => this.handlers.pickFilter?.([]));
	}

	private updateForecast(days: ForecastDay[], force = false): void {
		const key = days.map((d) => `${d.label}/${d.count}`).join('|');
		if (!this.forecastEl || (!force && key === this.forecastKey)) return;
		this.forecastKey = key;
		const holder = createDiv();
		forecastStrip(holder, days);
		const strip = holder.firstElementChild;
		if (strip) {
			this.forecastEl.replaceWith(strip);
			this.forecastEl = strip as HTMLElement;
		}
	}

	private buildSection(root: HTMLElement, section: DueSection): void {
		const el = root.createDiv({ cls: `forgetting-curve-section forgetting-curve-section-${section.id}` });
		const header = el.createDiv({ cls: 'forgetting-curve-section-header' });
		header.createSpan({ cls: 'forgetting-curve-section-title', text: section.title });
		const count = header.createSpan({ cls: 'forgetting-curve-count' });
		const list = el.createDiv({ cls: 'forgetting-curve-rows', attr: { role: 'list' } });
		this.sections.set(section.id, { el, count, list, more: null });
		const kept = this.rows;
		this.updateSection(section, kept);
	}

	private updateSection(section: DueSection, kept: Map<string, { shows: string; el: HTMLElement }>): void {
		const parts = this.sections.get(section.id);
		if (!parts) return;
		const total = String(section.total);
		if (parts.count.textContent !== total) parts.count.setText(total);
		const { list } = parts;
		let at = list.firstElementChild;
		for (const row of section.rows) {
			const shows = `${row.title}\u0000${row.badge}\u0000${row.subject ?? ''}\u0000${row.when}\u0000${row.rate}`;
			const drawn = this.rows.get(row.path);
			const el = drawn && drawn.shows === shows ? drawn.el : this.rowEl(row);
			kept.set(row.path, { shows, el });
			if (el === at) at = at.nextElementSibling;
			else list.insertBefore(el, at);
		}
		// Rows past the last one shown go.
		while (at) {
			const next = at.nextElementSibling;
			at.remove();
			at = next;
		}
		const hidden = section.total - section.rows.length;
		if (hidden > 0 && !parts.more) {
			parts.more = parts.el.createEl('button', { cls: 'forgetting-curve-more' });
			parts.more.addEventListener('click', () => this.handlers.showMore(section.id));
		}
		if (hidden <= 0 && parts.more) {
			parts.more.remove();
			parts.more = null;
		}
		const label = t('view.show-more', { count: Math.min(hidden, MORE_STEP) });
		if (parts.more && parts.more.textContent !== label) parts.more.setText(label);
	}

	/**
	 * Five elements a row, laid out by a CSS grid: title and stage badge, then subject · when and a
	 * progress meter, with the done button beside both.
	 */
	private rowEl(row: DueRow): HTMLElement {
		const el = createDiv({ cls: 'forgetting-curve-row', attr: { role: 'listitem', tabindex: '0', 'data-path': row.path } });
		el.createSpan({ cls: 'forgetting-curve-row-title', text: row.title });
		el.createSpan({ cls: 'forgetting-curve-badge', text: row.badge });
		el.createSpan({ cls: 'forgetting-curve-row-meta', text: [row.subject, row.when].filter((part) => part).join(' · ') });
		el.createEl('progress', { cls: 'forgetting-curve-progress', attr: { max: 100, value: Math.round(row.rate * 100), 'aria-label': `${Math.round(row.rate * 100)}%` } });
		const done = el.createEl('button', { cls: 'forgetting-curve-done clickable-icon', attr: { 'aria-label': t('view.done-button') } });
		copyIcon(done, 'check');
		const { handlers } = this;
		done.addEventListener('click', (event) => {
			event.stopPropagation();
			handlers.markDone(row.path);
		});
		el.addEventListener('click', (event) => handlers.open(row.path, event.ctrlKey || event.metaKey));
		el.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && event.target === el) handlers.open(row.path, event.ctrlKey || event.metaKey);
		});
		return el;
	}
}

/** Reviews due today or overdue: what a review session would go through. */
function dueNow(model: DueModel): number {
	return model.state === 'list' ? model.sections.filter((s) => s.id !== 'upcoming').reduce((n, s) => n + s.total, 0) : 0;
}

/** What decides the page's structure: a change of it is drawn anew, anything else patched. */
function shapeOf(model: DueModel): string {
	const due = dueNow(model) > 0;
	const empty = model.state === 'filtered-empty' ? `${model.label}|${model.noneMatch}` : '';
	return [model.state, model.conflictCopies.join('\u0000'), due, model.state === 'list' ? model.sections.map((s) => s.id).join() : '', Boolean(model.filter), empty].join('|');
}

/** The review button's words: "Review due notes", or "Review 쿠버네티스" under a filter. */
function reviewLabel(model: DueModel): string {
	return model.filter && model.filter.label !== '' ? t('filter.review', { filter: model.filter.label }) : t('view.review-button');
}

function emptyState(root: HTMLElement, icon: string, title: string, body: string): HTMLElement {
	const empty = root.createDiv({ cls: 'forgetting-curve-empty' });
	setIcon(empty.createDiv({ cls: 'forgetting-curve-empty-icon' }), icon);
	empty.createDiv({ cls: 'forgetting-curve-empty-title', text: title });
	empty.createDiv({ cls: 'forgetting-curve-empty-body', text: body });
	return empty;
}

/**
 * Reviews per day for the next 14 days: the counts in a row above the bars, the days of the month in
 * a row below, each day in an equal share of the width, and the bars in one SVG (attributes, not inline
 * styles) whose day slots line up with those shares. One SVG, not one per day, and no tooltip per bar
 * (its count is written above it): on a phone the chart's first drawing is a good part of the due
 * list's first frame. Screen readers get the days in words.
 */
export function forecastStrip(root: HTMLElement, days: ForecastDay[], caption = t('view.forecast', { days: days.length })): void {
	const max = Math.max(1, ...days.map((d) => d.count));
	const strip = root.createDiv({ cls: 'forgetting-curve-forecast' });
	strip.createDiv({ cls: 'forgetting-curve-forecast-caption', text: caption });
	const chart = strip.createDiv({ cls: 'forgetting-curve-forecast-chart', attr: { role: 'img', 'aria-label': `${caption}: ${days.map((d) => d.label).join(', ')}` } });
	const counts = chart.createDiv({ cls: 'forgetting-curve-forecast-counts' });
	const svg = chart.createSvg('svg', { attr: { viewBox: `0 0 ${days.length * 10} 30`, preserveAspectRatio: 'none', 'aria-hidden': 'true' } });
	const dates = chart.createDiv({ cls: 'forgetting-curve-forecast-dates' });
	days.forEach((day, i) => {
		const today = day.isToday ? ['is-today'] : [];
		const zero = day.count === 0 ? ['is-zero'] : [];
		counts.createSpan({ cls: ['forgetting-curve-forecast-count', ...zero], text: String(day.count) });
		const height = day.count === 0 ? 1 : Math.max(3, Math.round((day.count / max) * 28));
		svg.createSvg('rect', { cls: ['forgetting-curve-forecast-bar', ...today, ...zero], attr: { x: i * 10 + 1, y: 30 - height, width: 8, height } });
		dates.createSpan({ cls: ['forgetting-curve-forecast-date', ...today], text: day.date });
	});
}

/** Arrow keys move between rows, Home/End jump to the ends. */
function moveFocus(root: HTMLElement, event: KeyboardEvent): void {
	const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
	if (!keys.includes(event.key)) return;
	const rows = [...root.querySelectorAll<HTMLElement>('.forgetting-curve-row')];
	if (rows.length === 0) return;
	const current = rows.findIndex((row) => row === root.ownerDocument.activeElement);
	const next =
		event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
	rows[next]?.focus();
	event.preventDefault();
}
