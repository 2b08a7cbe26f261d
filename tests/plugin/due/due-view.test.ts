// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DAY_CHECK_MS } from '../../../src/plugin/due/due-service';
import type { DueView } from '../../../src/plugin/due/due-view';
import { DueListRenderer } from '../../../src/plugin/due/due-list-render';
import { reviewNote } from '../../helpers';
import { fakeClockEachTest, type Harness, loadPlugin, settle } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 9));

const note = (first: string, done: number, subject?: string) => reviewNote({ first, done, ...(subject ? { subject } : {}) });

const VAULT = {
	'late.md': note('2024-10-01', 1, 'Kubernetes'), // 4d due 10-05: 5 days late
	'today.md': note('2024-10-09', 0), // 1d due 10-10
	'soon.md': note('2024-10-06', 1), // 4d due 10-10? no: 10-10 → today
	'later.md': note('2024-10-05', 2, '쿠버네티스'), // 7d due 10-12
	'far.md': note('2024-10-09', 4), // long-term due 11-08: beyond 7 days
	'plain.md': '# not a review note\n',
};

const openView = (h: Harness) => h.openDueView();

function sections(view: DueView) {
	return [...view.contentEl.querySelectorAll('.forgetting-curve-section')].map((section) => ({
		title: section.querySelector('.forgetting-curve-section-title')?.textContent,
		count: section.querySelector('.forgetting-curve-count')?.textContent,
		rows: [...section.querySelectorAll('.forgetting-curve-row')].map((row) =>
			[row.querySelector('.forgetting-curve-row-title')?.textContent, row.querySelector('.forgetting-curve-badge')?.textContent, row.querySelector('.forgetting-curve-row-meta')?.textContent, row.querySelector('progress')?.getAttribute('value')].join(' | '),
		),
	}));
}

describe('due view', () => {
	it('shows overdue, due today and upcoming reviews with counts, badges, subjects and a forecast', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		expect(sections(view)).toEqual([
			{ title: 'Overdue', count: '1', rows: ['late | 4d | Kubernetes · 5 days late | 20'] },
			{ title: 'Due today', count: '2', rows: ['soon | 4d |  | 20', 'today | 1d |  | 0'] },
			{ title: 'Upcoming', count: '1', rows: ['later | 7d | 쿠버네티스 · Sat, Oct 12 | 40'] },
		]);
		const bars = [...view.contentEl.querySelectorAll('.forgetting-curve-forecast-bar')];
		expect(bars).toHaveLength(14);
		expect(bars.map((bar) => bar.getAttribute('height')).slice(0, 3)).toEqual(['28', '1', '9']);
		// each day readable without hovering: its count above the bar, its date below, today marked
		const dates = [...view.contentEl.querySelectorAll('.forgetting-curve-forecast-date')];
		const counts = [...view.contentEl.querySelectorAll('.forgetting-curve-forecast-count')];
		expect(dates.map((date, i) => `${date.textContent}:${counts[i]?.textContent}`).slice(0, 4)).toEqual(['10:3', '11:0', '12:1', '13:0']);
		expect(counts).toHaveLength(14);
		expect(dates.map((date) => date.classList.contains('is-today'))).toEqual([true, ...Array<boolean>(13).fill(false)]);
		const chart = view.contentEl.querySelector('.forgetting-curve-forecast-chart');
		expect(chart?.getAttribute('role')).toBe('img');
		expect(chart?.getAttribute('aria-label')).toMatch(/^Reviews in the next 14 days: Oct 10: 3, Oct 11: 0, Oct 12: 1, .*Oct 23: 0$/);
		expect(view.contentEl.querySelectorAll('[style]')).toHaveLength(0);
	});

	it('opens the clicked note, in a new tab with the modifier key', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		const opened: string[] = [];
		vi.spyOn(h.app.workspace, 'getLeaf').mockImplementation((newLeaf) => ({ openFile: (file: { path: string }) => opened.push(`${file.path}${newLeaf === 'tab' ? ' (new tab)' : ''}`) }) as never);
		const row = (path: string) => view.contentEl.querySelector<HTMLElement>(`.forgetting-curve-row[data-path="${path}"]`);
		row('late.md')?.click();
		row('later.md')?.dispatchEvent(new MouseEvent('click', { ctrlKey: true, bubbles: true }));
		row('today.md')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
		expect(opened).toEqual(['late.md', 'later.md (new tab)', 'today.md']);
	});

	it('marks a review done from its row and updates live', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		view.contentEl.querySelector<HTMLElement>('.forgetting-curve-row[data-path="today.md"] .forgetting-curve-done')?.click();
		await settle();
		expect(await h.read('today.md')).toContain('review 1d done: true');
		vi.advanceTimersByTime(200);
		expect(sections(view)[1]).toEqual({ title: 'Due today', count: '1', rows: ['soon | 4d |  | 20'] });
	});

	it('moves focus between rows with the arrow keys', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		document.body.appendChild(view.containerEl);
		const rows = [...view.contentEl.querySelectorAll<HTMLElement>('.forgetting-curve-row')];
		rows[0]?.focus();
		rows[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
		expect(document.activeElement).toBe(rows[1]);
		rows[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
		expect(document.activeElement).toBe(rows[3]);
		view.containerEl.remove();
	});

	it('moves notes between sections at the day rollover', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const view = await openView(h);
		// Just before midnight nothing has moved; within a minute after it, today's reviews are overdue.
		vi.advanceTimersByTime(15 * 3600_000 - 1000);
		expect(sections(view).map((s) => s.count)).toEqual(['1', '2', '1']);
		vi.advanceTimersByTime(DAY_CHECK_MS + 1000);
		expect(new Date().getDate()).toBe(11);
		expect(sections(view).map((s) => s.count)).toEqual(['3', '0', '1']);
	});

	it('explains an empty list, and a vault with no review notes', async () => {
		const none = await openView(await loadPlugin({ 'plain.md': '# x\n' }, { preset: 'en' }));
		expect(none.contentEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('No review notes yet');
		const far = await openView(await loadPlugin({ 'far.md': VAULT['far.md'] }, { preset: 'en' }));
		expect(far.contentEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('All caught up');
		expect(far.contentEl.querySelectorAll('.forgetting-curve-forecast-bar')).toHaveLength(14);
	});

	it('shows the first 30 rows of a long section, then 100 more on request', async () => {
		const files = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`n${String(i).padStart(3, '0')}.md`, note('2024-10-09', 0)]));
		const view = await openView(await loadPlugin(files, { preset: 'en' }));
		expect(sections(view)[1]?.rows).toHaveLength(30);
		expect(sections(view)[1]?.count).toBe('250');
		expect(view.contentEl.querySelector('.forgetting-curve-more')?.textContent).toBe('Show 100 more');
		view.contentEl.querySelector<HTMLElement>('.forgetting-curve-more')?.click();
		expect(sections(view)[1]?.rows).toHaveLength(130);
	});

	it('counts due reviews in the status bar', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		await openView(h);
		const status = (h.plugin as unknown as { statusBarItems__: HTMLElement[] }).statusBarItems__[0];
		expect(status?.textContent).toBe('3 reviews due');
	});
});

describe('due index lifecycle', () => {
	it('builds nothing during onload, only once the layout is ready, and follows renames and deletions', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		const service = (h.plugin as unknown as { due: { ready: boolean; size: number } }).due;
		expect(service.ready).toBe(false);
		h.app.workspace.setLayoutReady__();
		expect(service.ready).toBe(true);
		expect(service.size).toBe(5);
		await h.app.fileManager.renameFile(h.file('late.md'), 'moved/late.md');
		await h.app.fileManager.trashFile(h.file('today.md'));
		const view = await openView(h);
		expect(sections(view).map((s) => s.rows.map((r) => r.split(' | ')[0]))).toEqual([['late'], ['soon'], ['later']]);
		expect(service.size).toBe(4);
	});

	it('rehearses its first drawing when idle after start-up, into an element attached nowhere', async () => {
		const render = vi.spyOn(DueListRenderer.prototype, 'render');
		const h = await loadPlugin(VAULT, { preset: 'en' });
		h.app.workspace.setLayoutReady__();
		expect(render).not.toHaveBeenCalled();
		vi.advanceTimersByTime(2500);
		expect(render).toHaveBeenCalledTimes(1);
		const [parent, model] = render.mock.calls[0]!;
		expect(parent.isConnected).toBe(false);
		expect(model.state).toBe('list');
		expect(parent.querySelectorAll('.forgetting-curve-row')).toHaveLength(4);
		expect(document.querySelectorAll('.forgetting-curve-row')).toHaveLength(0);
		render.mockRestore();
	});
});
