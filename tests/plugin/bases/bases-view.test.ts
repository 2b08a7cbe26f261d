// @vitest-environment happy-dom
import type { BasesViewRegistration, QueryController as QueryControllerOriginal } from 'obsidian';
import { BasesEntry, BasesQueryResult, BasesViewConfig, Plugin, QueryController } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { REVIEW_SCHEDULE_VIEW, scheduleOptions } from '../../../src/plugin/bases/review-schedule-view';
import { reviewNote } from '../../helpers';
import { advance, fakeClockEachTest, type Harness, loadPlugin } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 9));

const note = (first: string, done: number, subject?: string) => reviewNote({ first, done, ...(subject ? { subject } : {}) });

const VAULT = {
	'Reviews/late.md': note('2024-10-01', 1, 'Kubernetes'), // 4d, due 10-05: overdue
	'Reviews/today.md': note('2024-10-09', 0), // 1d, due today
	'Reviews/soon.md': note('2024-10-06', 1), // 4d, due today
	'Reviews/later.md': note('2024-10-05', 2, '쿠버네티스'), // 7d, due 10-12
	'Reviews/far.md': note('2024-10-01', 4), // long-term, due 10-31: past the 7 days
	'Notes/plain.md': '# not a review note\n',
};

interface ScheduleView {
	data: unknown;
	config: unknown;
	onDataUpdated(): void;
	load(): void;
	unload(): void;
}

/** A base's view as Bases makes it: the registered factory, a query result with the base's rows in its order, and the view's options. */
function openScheduleView(h: Harness, paths: string[], options: Record<string, unknown> = {}) {
	const registrations = (h.plugin as unknown as { basesViewRegistrations__: Map<string, BasesViewRegistration> }).basesViewRegistrations__;
	const registration = registrations.get(REVIEW_SCHEDULE_VIEW);
	if (!registration) throw new Error('the review schedule is not registered');
	const containerEl = createDiv();
	const controller = QueryController.create2__(h.app, null, createDiv(), null) as unknown as QueryControllerOriginal;
	const view = registration.factory(controller, containerEl) as unknown as ScheduleView;
	// Bases adds the view to its controller as a child component, which loads it.
	view.load();
	const config = BasesViewConfig.create__('', REVIEW_SCHEDULE_VIEW, 'Review schedule');
	for (const [key, value] of Object.entries(options)) config.set(key, value);
	const show = (rows: string[]) => {
		const result = BasesQueryResult.create__(h.app, config, [], []);
		result.setData__(rows.map((path) => BasesEntry.create__(null, h.file(path))));
		view.data = result;
		view.config = config;
		view.onDataUpdated();
	};
	show(paths);
	return { view, containerEl, registration, show };
}

function sections(root: HTMLElement) {
	return [...root.querySelectorAll('.forgetting-curve-section')].map((section) => ({
		title: section.querySelector('.forgetting-curve-section-title')?.textContent,
		count: section.querySelector('.forgetting-curve-count')?.textContent,
		rows: [...section.querySelectorAll('.forgetting-curve-row')].map((row) => row.querySelector('.forgetting-curve-row-title')?.textContent),
	}));
}

async function ready(data: object = { preset: 'en' }): Promise<Harness> {
	const h = await loadPlugin(VAULT, data);
	h.app.workspace.setLayoutReady__();
	await advance(300);
	return h;
}

describe('the Review schedule view in Bases', () => {
	it("shows the base's review notes in sections, in the base's own order, and leaves out its other notes", async () => {
		const h = await ready();
		const { containerEl, registration } = openScheduleView(h, ['Reviews/today.md', 'Notes/plain.md', 'Reviews/later.md', 'Reviews/soon.md', 'Reviews/late.md', 'Reviews/far.md']);
		expect(registration.name).toBe('Review schedule');
		expect(sections(containerEl)).toEqual([
			{ title: 'Overdue', count: '1', rows: ['late'] },
			{ title: 'Due today', count: '2', rows: ['today', 'soon'] },
			{ title: 'Upcoming', count: '1', rows: ['later'] },
		]);
		// The base has its own toolbar: no session or statistics buttons inside the view.
		expect(containerEl.querySelector('.forgetting-curve-start-session')).toBeNull();
		expect(containerEl.querySelectorAll('.forgetting-curve-forecast-bar')).toHaveLength(14);
	});

	it("applies the base's filters and sorting: only its rows, in the order it gives", async () => {
		const h = await ready();
		const { containerEl } = openScheduleView(h, ['Reviews/soon.md', 'Reviews/today.md']);
		expect(sections(containerEl)).toEqual([
			{ title: 'Overdue', count: '0', rows: [] },
			{ title: 'Due today', count: '2', rows: ['soon', 'today'] },
			{ title: 'Upcoming', count: '0', rows: [] },
		]);
	});

	it('shows only the sections asked for, and upcoming reviews as far ahead as the option says', async () => {
		const h = await ready();
		const all = ['Reviews/today.md', 'Reviews/later.md', 'Reviews/soon.md', 'Reviews/late.md', 'Reviews/far.md'];
		const { containerEl, show } = openScheduleView(h, all, { showOverdue: false, showDueToday: false });
		expect(sections(containerEl)).toEqual([{ title: 'Upcoming', count: '1', rows: ['later'] }]);
		const wide = openScheduleView(h, all, { showOverdue: false, upcomingDays: 30 });
		expect(sections(wide.containerEl)).toEqual([
			{ title: 'Due today', count: '2', rows: ['today', 'soon'] },
			{ title: 'Upcoming', count: '2', rows: ['later', 'far'] },
		]);
		show([]);
		expect(containerEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('No review notes yet');
		// Nothing due within the view's own horizon: the empty state names that horizon.
		const quiet = openScheduleView(h, ['Reviews/far.md'], { upcomingDays: 12 });
		expect(quiet.containerEl.querySelector('.forgetting-curve-empty-body')?.textContent).toBe('No review is due in the next 12 days.');
		expect(scheduleOptions({ get: () => undefined })).toEqual({ sections: ['overdue', 'dueToday', 'upcoming'], horizon: 7 });
		expect(scheduleOptions({ get: (key) => (key === 'upcomingDays' ? 'lots' : undefined) }).horizon).toBe(7);
	});

	it('offers its options to Bases: the three sections and the horizon, with their defaults', async () => {
		const h = await ready();
		const { registration } = openScheduleView(h, []);
		const options = registration.options?.(BasesViewConfig.create__('', REVIEW_SCHEDULE_VIEW, 'x') as never) ?? [];
		expect(options.map((o) => [o.type, 'key' in o ? o.key : '', 'default' in o ? o.default : undefined])).toEqual([
			['toggle', 'showOverdue', true],
			['toggle', 'showDueToday', true],
			['toggle', 'showUpcoming', true],
			['slider', 'upcomingDays', 7],
		]);
	});

	it('marks a review done with the same action as the due list, and the row moves when the note changes', async () => {
		const h = await ready();
		const { containerEl, show } = openScheduleView(h, ['Reviews/late.md', 'Reviews/today.md']);
		containerEl.querySelector<HTMLElement>('.forgetting-curve-row[data-path="Reviews/today.md"] .forgetting-curve-done')?.click();
		await advance(300);
		expect(await h.read('Reviews/today.md')).toContain('review 1d done: true');
		expect(h.notices.some((n) => n.startsWith('Marked the 1-day review done'))).toBe(true);
		// Bases sends new data when the note changes; the index has it too.
		show(['Reviews/late.md', 'Reviews/today.md']);
		expect(sections(containerEl).map((s) => s.rows)).toEqual([['late'], [], ['today']]);
		// "Undo last review mark" undoes it, as for a mark from anywhere else.
		const actions = h.plugin.actions;
		const today = h.file('Reviews/today.md').asOriginalType2__();
		expect(actions?.canUndo(today)).toBe(true);
		await actions?.undo(today);
		await advance(300);
		expect(await h.read('Reviews/today.md')).not.toContain('review 1d done: true');
	});

	it('redraws by itself when the due index changes, and stops when Bases unloads it', async () => {
		const h = await ready();
		const { view, containerEl } = openScheduleView(h, ['Reviews/late.md']);
		const render = vi.spyOn(view, 'onDataUpdated');
		await h.app.vault.modify(h.file('Reviews/late.md'), note('2024-10-01', 3, 'Kubernetes'));
		await advance(300);
		expect(render).toHaveBeenCalled();
		expect(sections(containerEl)[0]?.count).toBe('0');
		render.mockClear();
		view.unload();
		await h.app.vault.modify(h.file('Reviews/late.md'), note('2024-10-01', 1, 'Kubernetes'));
		await advance(300);
		expect(render).not.toHaveBeenCalled();
	});
});

describe('before Bases gives the view its first data', () => {
	it('waits: an index change draws nothing and throws nothing', async () => {
		const h = await ready();
		const registration = (h.plugin as unknown as { basesViewRegistrations__: Map<string, BasesViewRegistration> }).basesViewRegistrations__.get(REVIEW_SCHEDULE_VIEW);
		const containerEl = createDiv();
		const view = registration?.factory(QueryController.create2__(h.app, null, createDiv(), null) as unknown as QueryControllerOriginal, containerEl) as unknown as ScheduleView;
		view.load();
		// As in Obsidian, where the view exists a moment before its first query result and config.
		view.data = undefined;
		view.config = undefined;
		await h.app.vault.modify(h.file('Reviews/late.md'), note('2024-10-01', 3, 'Kubernetes'));
		await advance(300);
		expect(containerEl.childElementCount).toBe(0);
	});
});

describe('without Bases', () => {
	it('loads, with every command, when the app has no registerBasesView (before 1.10)', async () => {
		// As on Obsidian before 1.10: the method is not there (undefined, which the mock's strict proxy needs spelled out).
		const proto = Plugin.prototype as unknown as { registerBasesView?: unknown };
		const original = proto.registerBasesView;
		proto.registerBasesView = undefined;
		try {
			const h = await ready();
			expect(h.commands.has('create-review-base')).toBe(true);
			expect(h.commands.has('mark-review-done')).toBe(true);
		} finally {
			proto.registerBasesView = original;
		}
	});

	it('loads when registerBasesView returns false (the Bases core plugin is off) or throws (registered twice)', async () => {
		const off = vi.spyOn(Plugin.prototype, 'registerBasesView').mockReturnValue(false);
		const h = await ready();
		expect(off).toHaveBeenCalledWith(REVIEW_SCHEDULE_VIEW, expect.objectContaining({ name: 'Review schedule' }));
		expect(h.commands.has('create-review-base')).toBe(true);
		off.mockImplementation(() => {
			throw new Error('A view with this ID already exists');
		});
		const again = await ready();
		expect(again.commands.has('mark-review-done')).toBe(true);
	});
});
