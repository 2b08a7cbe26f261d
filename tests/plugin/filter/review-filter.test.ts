// @vitest-environment happy-dom
import type { ObsidianProtocolHandler, WorkspaceLeaf } from 'obsidian';
import { App as MockApp, FuzzySuggestModal, Plugin as MockPlugin, WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import type { FacetCount } from '../../../src/engine';
import { FILTER_STORAGE_KEY } from '../../../src/plugin/due/due-service';
import type { DueView } from '../../../src/plugin/due/due-view';
import type { ReviewByModal } from '../../../src/plugin/filter';
import { STATS_VIEW_TYPE, type StatsView } from '../../../src/plugin/stats/stats-view';
import { reviewNote } from '../../helpers';
import { advance, AUTOSAVE_MS, fakeClockEachTest, type Harness, loadPlugin } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 8, 0));

const K8S = '쿠버네티스';
/** Today is 2024-10-10. */
const VAULT = {
	'k8s/pods.md': reviewNote({ first: '2024-10-09', subject: K8S }), // due today
	'k8s/svc.md': reviewNote({ first: '2024-10-08', subject: K8S.normalize('NFD') }), // overdue (10-09), the subject typed in NFD
	'kafka.md': reviewNote({ first: '2024-10-09', subject: 'Kafka', body: 'Queues #infra\n' }), // due today, an inline tag
	'later.md': reviewNote({ first: '2024-10-10', subject: 'kafka' }), // due tomorrow
	'plain.md': reviewNote({ first: '2024-10-09' }), // due today, no subject
	'rust.md': reviewNote({ first: '2024-10-09', done: 4, subject: 'Rust' }), // long-term review on 11-08
};

async function start(remembered: unknown = null): Promise<Harness> {
	if (remembered !== null) {
		// What an earlier session left in this device's storage: read until this one saves its own.
		vi.spyOn(MockApp.prototype, 'loadLocalStorage').mockImplementation(function (this: MockApp, key: string) {
			const saved = (this as unknown as { localStorage: Map<string, unknown> }).localStorage;
			return saved.has(key) ? saved.get(key) : key === FILTER_STORAGE_KEY ? remembered : null;
		});
	}
	const h = await loadPlugin(VAULT, { preset: 'en' });
	h.app.workspace.setLayoutReady__();
	await advance(200);
	return h;
}

const picker = (view: DueView) => view.contentEl.querySelector<HTMLSelectElement>('select.forgetting-curve-filter')!;
/** The learner reaches for the picker (a click, a tap, the keyboard): it fills with every choice. */
const reach = (select: HTMLSelectElement) => select.dispatchEvent(new Event('mousedown'));
const options = (select: HTMLSelectElement) => (reach(select), [...select.querySelectorAll('option')]).map((o) => `${o.parentElement?.tagName === 'OPTGROUP' ? `${o.parentElement.getAttribute('label')}: ` : ''}${o.textContent}`);
const rows = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('.forgetting-curve-row')].map((row) => row.dataset.path);
function pick(select: HTMLSelectElement, text: string): void {
	reach(select);
	const index = [...select.options].findIndex((o) => o.textContent?.startsWith(text));
	if (index < 0) throw new Error(`no option ${text}`);
	select.selectedIndex = index;
	select.dispatchEvent(new Event('change'));
}

/** The session bar's position text in the active note's view. */
function barText(h: Harness): string | null | undefined {
	const leaf = h.app.workspace.activeLeaf as unknown as { view: { contentEl: HTMLElement } } | null;
	return leaf?.view.contentEl.querySelector('.forgetting-curve-session-position')?.textContent;
}

describe('review by subject, folder or tag in the plugin', () => {
	it('offers each subject (NFC and NFD as one), folder and tag with its reviews due now, and filters the list', async () => {
		const h = await start();
		const view = await h.openDueView();
		const select = picker(view);
		expect(select.getAttribute('aria-label')).toBe('Review only');
		// Closed, it holds the option in force only (a select lays out every option's text to size itself).
		expect([...select.options].map((o) => o.textContent)).toEqual(['All notes (4)']);
		expect(options(select)).toEqual(['All notes (4)', 'Subjects: Kafka (1)', 'Subjects: Rust (0)', `Subjects: ${K8S} (2)`, 'Folders: folder k8s (2)', 'Tags: #infra (1)']);
		expect(rows(view.contentEl)).toEqual(['k8s/svc.md', 'k8s/pods.md', 'kafka.md', 'plain.md', 'later.md']);

		pick(select, K8S);
		expect(rows(view.contentEl)).toEqual(['k8s/svc.md', 'k8s/pods.md']);
		expect(view.contentEl.querySelector('.forgetting-curve-start-session')?.textContent).toBe(`Review ${K8S}`);
		expect(h.app.loadLocalStorage(FILTER_STORAGE_KEY)).toEqual([{ kind: 'subject', value: K8S }]);
		// The picker is the same element (a keyboard user's focus stays), showing the pick.
		expect(picker(view)).toBe(select);
		expect(select.options[select.selectedIndex]?.textContent).toBe(`${K8S} (2)`);

		pick(select, '#infra');
		expect(rows(view.contentEl)).toEqual(['kafka.md']);
		pick(select, 'Kafka');
		expect(rows(view.contentEl)).toEqual(['kafka.md', 'later.md']);
		pick(select, 'All notes');
		expect(rows(view.contentEl)).toHaveLength(5);
		expect(h.app.loadLocalStorage(FILTER_STORAGE_KEY)).toBeNull();

		// A review marked from its row: the list follows at once, the choices' counts when the app is idle.
		view.contentEl.querySelector<HTMLElement>('.forgetting-curve-row[data-path="kafka.md"] .forgetting-curve-done')?.click();
		await advance(AUTOSAVE_MS + 300);
		// Its 4-day review is on the 13th: it moved to the upcoming reviews.
		expect(rows(view.contentEl.querySelector<HTMLElement>('.forgetting-curve-section-upcoming')!)).toEqual(['later.md', 'kafka.md']);
		await advance(2500);
		expect(options(picker(view))).toEqual(['All notes (3)', 'Subjects: Kafka (0)', 'Subjects: Rust (0)', `Subjects: ${K8S} (2)`, 'Folders: folder k8s (2)', 'Tags: #infra (0)']);
	});

	it('remembers the filter on the device: the next start shows the same notes', async () => {
		const h = await start([{ kind: 'subject', value: K8S.normalize('NFD') }]);
		const view = await h.openDueView();
		expect(rows(view.contentEl)).toEqual(['k8s/svc.md', 'k8s/pods.md']);
		const select = picker(view);
		expect(select.options[select.selectedIndex]?.textContent).toBe(`${K8S} (2)`);
	});

	it('an empty result says so and offers to clear the filter', async () => {
		const h = await start([{ kind: 'subject', value: 'Go' }]);
		const view = await h.openDueView();
		expect(rows(view.contentEl)).toEqual([]);
		expect(view.contentEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('No review note in Go');
		expect(options(picker(view))).toContain('Subjects: Go (0)');
		view.contentEl.querySelector<HTMLButtonElement>('.forgetting-curve-clear-filter')?.click();
		expect(rows(view.contentEl)).toHaveLength(5);
		expect(h.app.loadLocalStorage(FILTER_STORAGE_KEY)).toBeNull();

		// A subject whose only review is weeks away: nothing due, said so, with the way back.
		pick(picker(view), 'Rust');
		expect(rows(view.contentEl)).toEqual([]);
		expect(view.contentEl.querySelector('.forgetting-curve-empty-title')?.textContent).toBe('Nothing due in Rust');
		expect(view.contentEl.querySelector('.forgetting-curve-empty-body')?.textContent).toBe('No review of these notes is due in the next 7 days.');
		view.contentEl.querySelector<HTMLButtonElement>('.forgetting-curve-clear-filter')?.click();
		expect(rows(view.contentEl)).toHaveLength(5);
	});

	it('reviews only the filtered notes, naming the filter on the bar; nothing due in it says so', async () => {
		const h = await start();
		const view = await h.openDueView();
		pick(picker(view), K8S);
		view.contentEl.querySelector<HTMLButtonElement>('.forgetting-curve-start-session')?.click();
		await advance(300);
		expect(h.opened.at(-1)).toBe('k8s/svc.md');
		expect(barText(h)).toBe(`Only ${K8S} · 1 of 2`);
		// The bar's curve button shows this note's curve beside it.
		const leaf = h.app.workspace.activeLeaf as unknown as { view: { contentEl: HTMLElement } };
		leaf.view.contentEl.querySelector<HTMLButtonElement>('.forgetting-curve-session-curve')?.click();
		await advance(100);
		expect(h.app.workspace.getLeavesOfType('forgetting-curve-curve')).toHaveLength(1);
		h.commands.get('review-session-done')?.checkCallback?.(false);
		await advance(300);
		expect(h.opened.at(-1)).toBe('k8s/pods.md');
		expect(barText(h)).toBe(`Only ${K8S} · 2 of 2`);
		h.commands.get('review-session-done')?.checkCallback?.(false);
		await advance(300);
		expect(h.notices.at(-1)).toBe('Review session over: 2 done, 0 snoozed, 0 skipped.');
		expect(await h.read('kafka.md')).not.toContain('review 1d done: true');

		// Both done (saved, as Obsidian saves an open note): the same filter now has nothing due, and the notice offers to clear it.
		await advance(AUTOSAVE_MS + 300);
		h.runCommand('review-due-notes');
		await advance(300);
		expect(h.notices.at(-1)).toBe(`Nothing is due in ${K8S}.Clear filter`);
	});

	it('"Review only…" lists the values with reviews due first and starts a session of the one chosen', async () => {
		const h = await start();
		let modal: ReviewByModal | null = null;
		vi.spyOn(FuzzySuggestModal.prototype, 'open').mockImplementation(function (this: FuzzySuggestModal<unknown>) {
			modal = this as unknown as ReviewByModal;
		});
		h.runCommand('review-by');
		const shown = modal as ReviewByModal | null;
		if (!shown) throw new Error('no modal');
		expect(shown.getItems().map((f: FacetCount) => `${shown.getItemText(f)} ${f.due}/${f.notes}`)).toEqual(['Kafka 1/2', `${K8S} 2/2`, 'folder k8s 2/2', '#infra 1/1', 'Rust 0/1']);
		shown.onChooseItem(shown.getItems()[3]!);
		await advance(300);
		expect(h.opened.at(-1)).toBe('kafka.md');
		expect(barText(h)).toBe('Only #infra · 1 of 1');
		expect(h.app.loadLocalStorage(FILTER_STORAGE_KEY)).toEqual([{ kind: 'tag', value: 'infra' }]);
	});

	it("a reminder's link opens the whole day's reviews, whatever the filter", async () => {
		const handlers = new Map<string, ObsidianProtocolHandler>();
		vi.spyOn(MockPlugin.prototype, 'registerObsidianProtocolHandler').mockImplementation((action: string, handler: ObsidianProtocolHandler) => void handlers.set(action, handler));
		const h = await start([{ kind: 'subject', value: 'Kafka' }]);
		handlers.get('forgetting-curve')?.({ action: 'forgetting-curve', vault: 'v', day: '2024-10-10' });
		await advance(300);
		expect(h.opened.at(-1)).toBe('k8s/svc.md');
		expect(barText(h)).toBe('1 of 4');
	});

	it('the statistics follow the filter: stages, recall and history of those notes only', async () => {
		const h = await start();
		const creator = (h.plugin as unknown as { views__: Map<string, (leaf: WorkspaceLeaf) => StatsView> }).views__.get(STATS_VIEW_TYPE)!;
		const view = creator(MockLeaf.create2__(h.app) as unknown as WorkspaceLeaf);
		await view.onOpen();
		const stages = () => [...view.contentEl.querySelectorAll('.forgetting-curve-stats-stage')].map((row) => row.textContent).join(' ');
		const atRisk = () => [...view.contentEl.querySelectorAll('.forgetting-curve-stats-recall li a')].map((a) => a.textContent);
		const select = view.contentEl.querySelector<HTMLSelectElement>('select.forgetting-curve-filter')!;
		expect(options(select)[0]).toBe('All notes (6)');
		expect(options(select)).toContain(`Subjects: ${K8S} (2)`);
		expect(options(select)).toContain('Subjects: Rust (1)');
		expect(atRisk()).toHaveLength(5);
		expect(stages()).toContain('1d5');
		pick(select, 'Kafka');
		await view.render();
		expect(atRisk().sort()).toEqual(['kafka', 'later']);
		expect(stages()).toContain('1d2');
		pick(view.contentEl.querySelector<HTMLSelectElement>('select.forgetting-curve-filter')!, 'folder k8s');
		await view.render();
		expect(atRisk().sort()).toEqual(['pods', 'svc']);
	});
});
