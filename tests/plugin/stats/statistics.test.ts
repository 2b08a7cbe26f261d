// @vitest-environment happy-dom
import type { WorkspaceLeaf } from 'obsidian';
import { Modal as MockModal, WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { pickSnoozeDay } from '../../../src/plugin/review/snooze-modal';
import { STATS_VIEW_TYPE, type StatsView } from '../../../src/plugin/stats/stats-view';
import { advance, fakeClockEachTest, loadPlugin, savedData, type Harness } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 8, 0));

const VAULT = {
	'a.md': '---\nfirst study: 2024-10-01\nreview 1d done: true\n---\n',
	'b.md': '---\nfirst study: 2024-10-09\n---\n',
};

async function start(): Promise<Harness> {
	const h = await loadPlugin(VAULT, { preset: 'en' });
	h.app.workspace.setLayoutReady__();
	await advance(200);
	return h;
}

async function openStats(h: Harness): Promise<StatsView> {
	const creator = (h.plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeaf) => StatsView> }).views__.get(STATS_VIEW_TYPE);
	if (!creator) throw new Error('the statistics view is not registered');
	const view = creator(MockLeaf.create2__(h.app) as unknown as WorkspaceLeaf);
	await view.onOpen();
	return view;
}

const tiles = (view: StatsView) =>
	[...view.contentEl.querySelectorAll('.forgetting-curve-stats-tile')].map((tile) => `${tile.querySelector('.forgetting-curve-stats-label')?.textContent}: ${tile.querySelector('.forgetting-curve-stats-value')?.textContent}`);

describe('statistics view', () => {
	it('starts with a helpful empty state, then counts a review marked done, with its day in the heatmap', async () => {
		const h = await start();
		const view = await openStats(h);
		expect(view.contentEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('No reviews recorded yet');
		expect(tiles(view)).toEqual(['Reviews done: 0', 'Current streak: 0 days', 'Longest streak: 0 days', 'On time: –', 'Late reviews: 0']);
		expect(view.contentEl.querySelectorAll('.forgetting-curve-stats-stage')).toHaveLength(6);

		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('b.md'));
		h.commands.get('mark-review-done')?.checkCallback?.(false);
		await advance(300);
		await view.render();
		expect(tiles(view)).toEqual(['Reviews done: 1', 'Current streak: 1 day', 'Longest streak: 1 day', 'On time: 100%', 'Late reviews: 0']);
		const cells = [...view.contentEl.querySelectorAll<SVGRectElement>('.forgetting-curve-heat')];
		expect(cells.at(-1)?.getAttribute('data-count')).toBe('1');
		expect(cells.at(-1)?.querySelector('title')?.textContent).toBe('Thu, Oct 10, 2024: 1 review');
		expect(cells.filter((c) => c.getAttribute('data-count') !== '0')).toHaveLength(1);
	});

	it('shows the predicted recall today and the notes most at risk, lowest first, each opening its note', async () => {
		const h = await start();
		const view = await openStats(h);
		const section = view.contentEl.querySelector('.forgetting-curve-stats-recall');
		expect(section?.querySelector('.forgetting-curve-stats-value')?.textContent).toMatch(/^\d{1,3}%$/);
		const rows = [...(section?.querySelectorAll('li') ?? [])].map((li) => [li.querySelector('a')?.textContent, Number(li.querySelector('.forgetting-curve-count')?.textContent?.replace('%', ''))] as const);
		// a: its 4-day review five days overdue; b: studied yesterday. a is more at risk.
		expect(rows.map(([title]) => title)).toEqual(['a', 'b']);
		expect(rows[0]![1]).toBeLessThan(rows[1]![1]);
		const average = Number(section?.querySelector('.forgetting-curve-stats-value')?.textContent?.replace('%', ''));
		expect(Math.abs(average - (rows[0]![1] + rows[1]![1]) / 2)).toBeLessThanOrEqual(1);
		const opened = vi.spyOn(h.app.workspace, 'openLinkText').mockResolvedValue();
		section?.querySelector<HTMLAnchorElement>('a[data-path="a.md"]')?.click();
		expect(opened).toHaveBeenCalledWith('a.md', '', false);
	});

	it('reads the journals again after this device adds to them, not on every change of the due list', async () => {
		const h = await start();
		const view = await openStats(h);
		const history = h.plugin.records?.history;
		if (!history) throw new Error('no history');
		const reads = vi.spyOn(history, 'readAll');
		// A note saved with a new first-study date: the due list changes, the journals do not.
		await h.app.vault.modify(h.file('a.md'), VAULT['a.md'].replace('2024-10-01', '2024-10-02'));
		await advance(300);
		expect(reads).not.toHaveBeenCalled();
		expect(tiles(view)[0]).toBe('Reviews done: 0');
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('b.md'));
		h.commands.get('mark-review-done')?.checkCallback?.(false);
		await advance(300);
		expect(reads).toHaveBeenCalled();
		expect(tiles(view)[0]).toBe('Reviews done: 1');
	});

	it('skips a broken line in a journal and says so once', async () => {
		const h = await start();
		const folder = `${h.app.vault.configDir}/plugins/forgetting-curve/history`;
		await h.app.vault.adapter.mkdir(folder);
		await h.app.vault.adapter.write(`${folder}/other-device.jsonl`, '{"at":"2024-10-09T08:00:00+09:00","path":"a.md","stage":4,"due":"2024-10-05","action":"done"}\n{"at":"2024-10-09T08:0\n');
		const view = await openStats(h);
		await view.render();
		expect(h.notices.filter((n) => n.startsWith('Review history'))).toEqual(['Review history: skipped 1 unreadable lines in other-device.jsonl.']);
		expect(tiles(view)[0]).toBe('Reviews done: 1');
		expect(tiles(view)[4]).toBe('Late reviews: 1');
	});
});

describe('snooze until a picked day', () => {
	it('offers a date input from tomorrow, refuses today, and snoozes until the day picked', async () => {
		const opened: MockModal[] = [];
		// The mock's open() closes the modal a tick later; this one stays open, as Obsidian's does.
		vi.spyOn(MockModal.prototype, 'open').mockImplementation(function (this: MockModal) {
			opened.push(this);
			this.onOpen();
		});
		const picked = pickSnoozeDay(null as never, new Date(2024, 9, 10), '4-day');
		const content = opened[0]!.contentEl;
		const input = content.querySelector<HTMLInputElement>('input[type="date"]');
		expect([input?.min, input?.value]).toEqual(['2024-10-11', '2024-10-11']);
		const snooze = [...content.querySelectorAll('button')].find((b) => b.textContent === 'Snooze');
		input!.value = '2024-10-10';
		snooze?.click();
		expect(content.querySelector('.forgetting-curve-problem')?.textContent).toBe('Pick a day after today.');
		input!.value = '2024-10-15';
		snooze?.click();
		expect(await picked).toEqual(new Date(2024, 9, 15));
	});

	it('the command keeps the review out of the due list until that day', async () => {
		const h = await start();
		const saved = savedData(h);
		h.plugin.actions!.pickDay = () => Promise.resolve(new Date(2024, 9, 15));
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('a.md'));
		h.commands.get('snooze-review-until')?.checkCallback?.(false);
		await advance(300);
		expect(saved.at(-1)).toMatchObject({ snoozes: { 'a.md': { stage: '4', until: '2024-10-15' } } });
		expect(h.notices.at(-1)).toBe('The 4-day review is snoozed until 2024-10-15.');
	});
});
