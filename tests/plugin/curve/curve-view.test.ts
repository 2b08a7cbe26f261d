// @vitest-environment happy-dom
import type { WorkspaceLeaf } from 'obsidian';
import { WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { recallCurve } from '../../../src/engine';
import { daysFromCivil } from '../../../src/engine/schedule/day-numbers';
import { CURVE_VIEW_TYPE, type CurveView } from '../../../src/plugin/curve';
import { configWith } from '../../helpers';
import { advance, fakeClockEachTest, loadPlugin, type Harness } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 8, 0));

const VAULT = {
	'a.md': '---\nfirst study: 2024-10-01\nreview 1d done: true\n---\n',
	'plain.md': '# not a review note\n',
};

async function openCurve(h: Harness, active: string | null): Promise<CurveView> {
	vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(active ? h.file(active) : null);
	const creator = (h.plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeaf) => CurveView> }).views__.get(CURVE_VIEW_TYPE);
	if (!creator) throw new Error('the curve view is not registered');
	const view = creator(MockLeaf.create2__(h.app) as unknown as WorkspaceLeaf);
	await view.onOpen();
	return view;
}

describe('the forgetting curve view', () => {
	it('draws the active note\'s curve: the past solid, the projection dashed, its review points, today and the next review, in words too', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		h.app.workspace.setLayoutReady__();
		await advance(200);
		const view = await openCurve(h, 'a.md');
		const curve = recallCurve({ firstDay: daysFromCivil(2024, 10, 1), doneMask: 1 }, configWith({ preset: 'en' }).stages, [], daysFromCivil(2024, 10, 10));
		const el = view.contentEl;
		expect(el.querySelector('.forgetting-curve-curve-title')?.textContent).toBe('a');
		const summary = `Predicted recall today: ${Math.round((curve.todayRecall ?? 0) * 100)}%. At the 4-day review on Oct 5: ${Math.round((curve.next?.recall ?? 0) * 100)}%.`;
		expect(el.querySelector('.forgetting-curve-curve-summary')?.textContent).toBe(summary);
		expect(el.querySelector('.forgetting-curve-curve-chart')?.getAttribute('aria-label')).toBe(`Predicted recall of this note over time. ${summary}`);
		expect(el.querySelectorAll('polyline.forgetting-curve-curve-line')).toHaveLength(2);
		expect(el.querySelectorAll('polyline.forgetting-curve-curve-projected')).toHaveLength(1);
		// The first study, and the 1-day review taken as done on its day (no journal entry).
		expect([...el.querySelectorAll('.forgetting-curve-curve-point')].map((p) => [p.getAttribute('data-day'), p.getAttribute('class')?.split(' ').at(-1)])).toEqual([
			['2024-10-01', 'forgetting-curve-curve-first'],
			['2024-10-02', 'forgetting-curve-curve-on-time'],
		]);
		expect(el.querySelector('.forgetting-curve-curve-today')).not.toBeNull();
		expect(el.querySelector('.forgetting-curve-curve-next')).not.toBeNull();
		// The keyboard walks the days, each read out.
		const chart = el.querySelector<HTMLElement>('.forgetting-curve-curve-chart')!;
		chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
		const tomorrow = curve.samples.filter((s) => s.day === daysFromCivil(2024, 10, 11)).at(-1)!;
		expect(el.querySelector('.forgetting-curve-curve-readout')?.textContent).toBe(`Oct 11: ${Math.round(tomorrow.recall * 100)}% (projected)`);
		chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
		expect(el.querySelector('.forgetting-curve-curve-readout')?.textContent).toBe('Oct 1: 100%');
	});

	it('says what to do when the active note is not a review note, and the command opens it beside the note', async () => {
		const h = await loadPlugin(VAULT, { preset: 'en' });
		h.app.workspace.setLayoutReady__();
		await advance(200);
		const view = await openCurve(h, 'plain.md');
		expect(view.contentEl.textContent).toBe('Open a review note to see its forgetting curve.');
		expect(h.commands.has('open-forgetting-curve')).toBe(true);
	});
});
