import { setIcon } from 'obsidian';
import { noteTitle, UPCOMING_DAYS } from '../engine';
import { t } from './i18n';
import type { DueModel, DueRow, DueSection, ForecastDay, SectionId } from './due-model';

export interface DueListHandlers {
	open(path: string, newTab: boolean): void;
	markDone(path: string): void;
	showMore(section: SectionId): void;
	startSession(): void;
	openStatistics(): void;
}

/**
 * Rows drawn per section at first (about a sidebar's height), and how many more each "Show more" adds.
 * Every live update redraws what is shown, so a 1,000-note list starts at 90 rows, not 1,000.
 */
export const PAGE_SIZE = 30;
export const MORE_STEP = 100;

/**
 * Draws the due list into `parent`, replacing what was there in one step (no flicker). Only Obsidian
 * CSS variables style it (styles.css); no inline styles, no innerHTML.
 */
export function renderDueList(parent: HTMLElement, model: DueModel, handlers: DueListHandlers): void {
	const root = createDiv({ cls: 'forgetting-curve-due' });
	if (model.conflictCopies.length > 0) {
		root.createDiv({ cls: 'forgetting-curve-conflicts', text: t('view.conflicts', { names: model.conflictCopies.map(noteTitle).join(', ') }) });
	}
	if (model.state === 'loading') {
		root.createDiv({ cls: 'forgetting-curve-empty', text: t('view.loading') });
	} else if (model.state === 'no-notes') {
		emptyState(root, 'calendar-plus', t('view.no-notes-title'), t('view.no-notes-body'));
	} else {
		toolbar(root, model, handlers);
		forecastStrip(root, model.forecast);
		if (model.state === 'empty') emptyState(root, 'party-popper', t('view.empty-title'), t('view.empty-body', { days: UPCOMING_DAYS }));
		else for (const section of model.sections) sectionEl(root, section, handlers);
	}
	root.addEventListener('keydown', (event) => moveFocus(root, event));
	parent.replaceChildren(root);
}

/** "Review due notes" (while reviews are due) and the statistics, above the list. */
function toolbar(root: HTMLElement, model: DueModel, handlers: DueListHandlers): void {
	const bar = root.createDiv({ cls: 'forgetting-curve-toolbar' });
	const due = model.state === 'list' ? model.sections.filter((s) => s.id !== 'upcoming').reduce((n, s) => n + s.total, 0) : 0;
	if (due > 0) {
		const start = bar.createEl('button', { cls: 'mod-cta forgetting-curve-start-session', text: t('view.review-button') });
		start.addEventListener('click', () => handlers.startSession());
	}
	const stats = bar.createEl('button', { cls: 'clickable-icon forgetting-curve-open-stats', attr: { 'aria-label': t('view.stats-button') } });
	setIcon(stats, 'bar-chart-3');
	stats.addEventListener('click', () => handlers.openStatistics());
}

function emptyState(root: HTMLElement, icon: string, title: string, body: string): void {
	const empty = root.createDiv({ cls: 'forgetting-curve-empty' });
	setIcon(empty.createDiv({ cls: 'forgetting-curve-empty-icon' }), icon);
	empty.createDiv({ cls: 'forgetting-curve-empty-title', text: title });
	empty.createDiv({ cls: 'forgetting-curve-empty-body', text: body });
}

/** Reviews per day for the next 14 days as a small bar chart (SVG attributes, not inline styles). */
export function forecastStrip(root: HTMLElement, days: ForecastDay[], caption = t('view.forecast', { days: days.length })): void {
	const max = Math.max(1, ...days.map((d) => d.count));
	const strip = root.createDiv({ cls: 'forgetting-curve-forecast', attr: { 'aria-label': caption, role: 'img' } });
	strip.createDiv({ cls: 'forgetting-curve-forecast-caption', text: caption });
	const svg = strip.createSvg('svg', { attr: { viewBox: `0 0 ${days.length * 10} 30`, preserveAspectRatio: 'none' } });
	days.forEach((day, i) => {
		const height = day.count === 0 ? 1 : Math.max(3, Math.round((day.count / max) * 28));
		const cls = ['forgetting-curve-forecast-bar', ...(day.isToday ? ['is-today'] : []), ...(day.count === 0 ? ['is-zero'] : [])];
		const bar = svg.createSvg('rect', { cls, attr: { x: i * 10 + 1, y: 30 - height, width: 8, height } });
		bar.createSvg('title').textContent = day.label;
	});
}

function sectionEl(root: HTMLElement, section: DueSection, handlers: DueListHandlers): void {
	const el = root.createDiv({ cls: `forgetting-curve-section forgetting-curve-section-${section.id}` });
	const header = el.createDiv({ cls: 'forgetting-curve-section-header' });
	header.createSpan({ cls: 'forgetting-curve-section-title', text: section.title });
	header.createSpan({ cls: 'forgetting-curve-count', text: String(section.total) });
	const list = el.createDiv({ cls: 'forgetting-curve-rows', attr: { role: 'list' } });
	for (const row of section.rows) rowEl(list, row, handlers);
	const hidden = section.total - section.rows.length;
	if (hidden > 0) {
		const more = el.createEl('button', { cls: 'forgetting-curve-more', text: t('view.show-more', { count: Math.min(hidden, MORE_STEP) }) });
		more.addEventListener('click', () => handlers.showMore(section.id));
	}
}

/**
 * Five elements a row, laid out by a CSS grid: title and stage badge, then subject · when and a progress
 * meter, with the done button beside both. Kept this lean because a page of rows is redrawn on every
 * live update.
 */
function rowEl(list: HTMLElement, row: DueRow, handlers: DueListHandlers): void {
	const el = list.createDiv({ cls: 'forgetting-curve-row', attr: { role: 'listitem', tabindex: '0', 'data-path': row.path } });
	el.createSpan({ cls: 'forgetting-curve-row-title', text: row.title });
	el.createSpan({ cls: 'forgetting-curve-badge', text: row.badge });
	el.createSpan({ cls: 'forgetting-curve-row-meta', text: [row.subject, row.when].filter((part) => part).join(' · ') });
	el.createEl('progress', { cls: 'forgetting-curve-progress', attr: { max: 100, value: Math.round(row.rate * 100), 'aria-label': `${Math.round(row.rate * 100)}%` } });
	const done = el.createEl('button', { cls: 'forgetting-curve-done clickable-icon', attr: { 'aria-label': t('view.done-button') } });
	setIcon(done, 'check');
	done.addEventListener('click', (event) => {
		event.stopPropagation();
		handlers.markDone(row.path);
	});
	el.addEventListener('click', (event) => handlers.open(row.path, event.ctrlKey || event.metaKey));
	el.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && event.target === el) handlers.open(row.path, event.ctrlKey || event.metaKey);
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
