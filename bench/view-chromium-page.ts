/**
 * Browser entry for the benchmark's view figures: the real due view (src/plugin/due/due-view.ts, with
 * Obsidian's CSS variables and styles.css) over a due index of N due notes, timed inside Chromium.
 */
import type { WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { addIcon, App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { setup } from 'obsidian-test-mocks/setup';
import { buildStages, dayNumberOf, type HistoryEntry, isoOfDayNumber, loadSettings, recallCurve, resolveConfig, toIsoDate } from '../src/engine';
import { DueView } from '../src/plugin/due/due-view';
import { dueServiceOver } from './due-service-over';
import { renderCurve } from '../src/plugin/curve/curve-render';

declare global {
	interface Window {
		bench: {
			ready: boolean;
			run(notes: number): { floorMs: number; renderMs: number; updateMs: number; rows: number; due: number };
			filterChange(notes: number): { changeMs: number; openMs: number; floorMs: number; rows: number; options: number };
			curve(): { drawMs: number; floorMs: number; samples: number; points: number };
		};
	}
}

const TODAY = new Date(2026, 10, 27, 9);

function median(samples: number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Style and layout done now, as the browser would before the next frame. */
function layout(el: HTMLElement): void {
	void el.getBoundingClientRect().height;
}

/** Review notes as Obsidian's metadata cache holds them: first studies spread over 17 days, 37 subjects, 100 folders. */
function vaultOf(count: number) {
	const resolved = resolveConfig(loadSettings({}).settings);
	if (!resolved.ok) throw new Error('default settings do not resolve');
	const config = resolved.config;
	const boxes = [...config.checkboxKeys.values()];
	const files = Array.from({ length: count }, (_, i) => {
		const first = new Date(TODAY);
		first.setDate(first.getDate() - 1 - (i % 17) + 7);
		const frontmatter: Record<string, unknown> = { [config.firstStudyKey]: toIsoDate(first), '❕과목': `과목 ${i % 37}` };
		for (const key of boxes) frontmatter[key] = false;
		return { path: `topics/${i % 100}/note-${i}.md`, frontmatter };
	});
	return { config, boxes, files };
}

/** The plugin's own DueService over those notes, and a due view drawing from it. */
function serviceAndView({ config, files }: ReturnType<typeof vaultOf>) {
	const { service, cache } = dueServiceOver(config, files.map((file) => [file.path, file.frontmatter] as const), TODAY);
	const app = App.createConfigured__({});
	const host = { service, config: () => config, open: () => undefined, markDone: () => undefined, startSession: () => undefined, openStatistics: () => undefined };
	const view = () => new DueView(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal, host);
	return { service, cache, view };
}

/**
 * The floor of drawing `rows` rows: as many bare rows (same classes, so the same styles and grid), each
 * its five elements and nothing else, made and laid out: what any list of those rows costs here (median of 21).
 */
function bareRowsFloor(rows: number): number {
	const place = document.querySelector('.workspace-leaf-content');
	const floor: number[] = [];
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		const root = createDiv({ cls: 'forgetting-curve-due' });
		for (let i = 0; i < rows; i++) {
			const row = root.createDiv({ cls: 'forgetting-curve-row' });
			for (const cls of ['forgetting-curve-row-title', 'forgetting-curve-badge', 'forgetting-curve-row-meta']) row.createSpan({ cls, text: `${cls} ${i}` });
			row.createEl('progress');
			row.createEl('button');
		}
		place?.replaceChildren(root);
		layout(root);
		floor.push(performance.now() - start);
	}
	return median(floor);
}

function run(count: number) {
	const vault = vaultOf(count);
	const { service, cache, view: makeView } = serviceAndView(vault);
	const place = document.querySelector('.workspace-leaf-content');
	/** A view drawn from nothing: what opening the sidebar with this many due notes costs. */
	const fresh = () => {
		const made = makeView();
		made.containerEl.addClass('view-content');
		place?.replaceChildren(made.containerEl);
		made.render();
		layout(made.contentEl);
		return made;
	};
	const counts = service.counts() ?? { overdue: 0, dueToday: 0, upcoming: 0 };
	const render: number[] = [];
	let view = fresh();
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		view = fresh();
		render.push(performance.now() - start);
	}
	// A live update: one note's review is marked on another device; the metadata cache tells the
	// service (as Obsidian's 'changed' event does), and the view redraws.
	const update: number[] = [];
	for (let r = 0; r < 21; r++) {
		const file = vault.files[r]!;
		const metadata = { frontmatter: { ...file.frontmatter, [vault.boxes[0]!]: r % 2 === 0 } };
		cache.set(file.path, metadata);
		const start = performance.now();
		// The service reads only the path of the file it is told about.
		service.onMetadataChanged(file as never, metadata);
		view.render();
		layout(view.contentEl);
		update.push(performance.now() - start);
	}
	const floor = bareRowsFloor(view.contentEl.querySelectorAll('.forgetting-curve-row').length);
	service.dispose();
	return { floorMs: floor, renderMs: median(render), updateMs: median(update), rows: view.contentEl.querySelectorAll('.forgetting-curve-row').length, due: counts.overdue + counts.dueToday + counts.upcoming };
}

/**
 * A pick in the due list's filter over `count` notes (37 subjects, 100 folders): from every note to
 * one subject and back, alternating, each from the select's change event through the index's
 * filtered pass to the rows drawn and laid out (median of 21 picks of a subject); and, apart, the
 * picker filling with its 139 choices when the learner reaches for it. The plugin's own
 * DueService over the notes' frontmatter, as the metadata cache gives it. Floor: as many bare rows as
 * the pick drew, made and laid out.
 */
function filterChange(count: number) {
	const { view: makeView } = serviceAndView(vaultOf(count));
	const view = makeView();
	view.containerEl.addClass('view-content');
	document.querySelector('.workspace-leaf-content')?.replaceChildren(view.containerEl);
	void view.onOpen();
	layout(view.contentEl);
	const select = view.contentEl.querySelector<HTMLSelectElement>('select.forgetting-curve-filter');
	if (!select) throw new Error('no filter picker');
	const pick = (index: number) => {
		select.selectedIndex = index;
		select.dispatchEvent(new Event('change'));
		layout(view.contentEl);
	};
	/** The learner reaches for the picker (the pointer comes over it): it fills with every choice. */
	const reach = () => {
		select.dispatchEvent(new Event('pointerenter'));
		layout(view.contentEl);
	};
	const change: number[] = [];
	const open: number[] = [];
	let rows = 0;
	for (let r = 0; r < 21; r++) {
		reach();
		pick(0);
		let start = performance.now();
		reach();
		open.push(performance.now() - start);
		start = performance.now();
		pick(1 + (r % 37));
		change.push(performance.now() - start);
		rows = view.contentEl.querySelectorAll('.forgetting-curve-row').length;
	}
	if (rows >= 90) throw new Error(`the pick drew ${rows} rows: it picked no subject`);
	reach();
	return { changeMs: median(change), openMs: median(open), floorMs: bareRowsFloor(rows), rows, options: select.options.length };
}

/**
 * One note's forgetting curve with a five-year history: studied five years ago on a schedule of eleven
 * reviews out to 1,900 days (ten done, some late, and the journal's entries for them), drawn from the
 * journal entries to the chart laid out: the model (FSRS, day by day: 1,900 samples) and the SVG
 * (median of 21). Floor: one bare polyline of as many points, made and laid out.
 */
function curve() {
	const stages = buildStages([1, 4, 7, 14, 30, 90, 180, 365, 730, 1095], 1900);
	const today = dayNumberOf(TODAY);
	const firstDay = today - 5 * 365 - 1;
	const path = 'Reviews/쿠버네티스.md';
	const journal: HistoryEntry[] = stages.slice(0, 10).map((stage, i) => {
		const due = firstDay + stage.days;
		return { at: `${isoOfDayNumber(due + (i % 3 === 2 ? 3 : 0))}T21:00:00+09:00`, path, stage: stage.id, due: isoOfDayNumber(due), action: 'done' as const };
	});
	const note = { firstDay, doneMask: (1 << 10) - 1 };
	const place = document.querySelector<HTMLElement>('.workspace-leaf-content')!;
	const draw: number[] = [];
	let samples = 0;
	let points = 0;
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		const made = recallCurve(note, stages, journal, today);
		renderCurve(place, '쿠버네티스', made);
		layout(place);
		draw.push(performance.now() - start);
		samples = made.samples.length;
		points = made.points.length;
	}
	const floor: number[] = [];
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		const root = createDiv();
		const svg = root.createSvg('svg', { attr: { viewBox: '0 0 320 160', width: 320, height: 160 } });
		const coords: string[] = [];
		for (let i = 0; i < samples; i++) coords.push(`${((i / samples) * 320).toFixed(1)},${(80 + Math.sin(i) * 40).toFixed(1)}`);
		svg.createSvg('polyline', { attr: { points: coords.join(' '), fill: 'none', stroke: 'currentColor' } });
		place.replaceChildren(root);
		layout(root);
		floor.push(performance.now() - start);
	}
	return { drawMs: median(draw), floorMs: median(floor), samples, points };
}

setup();
addIcon('check', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 6 9 17l-5-5"/></svg>');
window.bench = { ready: true, run, filterChange, curve };
