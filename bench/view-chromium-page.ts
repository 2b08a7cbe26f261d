/**
 * Browser entry for the benchmark's view figures: the real due view (src/plugin/due/due-view.ts, with
 * Obsidian's CSS variables and styles.css) over a due index of N due notes, timed inside Chromium.
 */
import type { WorkspaceLeaf as WorkspaceLeafOriginal } from 'obsidian';
import { addIcon, App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { setup } from 'obsidian-test-mocks/setup';
import { clockAt, DueIndex, loadSettings, resolveConfig, toIsoDate, type SnapshotOptions } from '../src/engine';
import type { DueService } from '../src/plugin/due/due-service';
import { DueView } from '../src/plugin/due/due-view';

declare global {
	interface Window {
		bench: { ready: boolean; run(notes: number): { floorMs: number; renderMs: number; updateMs: number; rows: number; due: number } };
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

function run(count: number) {
	const resolved = resolveConfig(loadSettings({}).settings);
	if (!resolved.ok) throw new Error('default settings do not resolve');
	const config = resolved.config;
	const boxes = [...config.checkboxKeys.values()];
	const notes = Array.from({ length: count }, (_, i) => {
		const first = new Date(TODAY);
		first.setDate(first.getDate() - 1 - (i % 17) + 7);
		const frontmatter: Record<string, unknown> = { [config.firstStudyKey]: toIsoDate(first), '❕과목': `Subject ${i % 37}` };
		for (const key of boxes) frontmatter[key] = false;
		return [`topics/${i % 100}/note-${i}.md`, frontmatter] as const;
	});
	const index = new DueIndex(config);
	index.build(notes);
	index.prepareForUpdates();
	const today = clockAt(TODAY).today;
	const service = {
		snapshot: (limits: SnapshotOptions['limits']) => index.snapshot(today, { limits }),
		get size() {
			return index.size;
		},
		subscribe: () => () => true,
		conflictCopies: () => [],
	} as unknown as DueService;
	const app = App.createConfigured__({});
	const host = {
		service,
		config: () => config,
		open: () => undefined,
		markDone: () => undefined,
		startSession: () => undefined,
		openStatistics: () => undefined,
	};
	const place = document.querySelector('.workspace-leaf-content');
	/** A view drawn from nothing: what opening the sidebar with this many due notes costs. */
	const fresh = () => {
		const made = new DueView(WorkspaceLeaf.create2__(app) as unknown as WorkspaceLeafOriginal, host);
		made.containerEl.addClass('view-content');
		place?.replaceChildren(made.containerEl);
		made.render();
		layout(made.contentEl);
		return made;
	};
	const counts = index.counts(today);
	const render: number[] = [];
	let view = fresh();
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		view = fresh();
		render.push(performance.now() - start);
	}
	// A live update: one note's review is marked on another device; the index takes it, the view redraws.
	const update: number[] = [];
	for (let r = 0; r < 21; r++) {
		const [path, frontmatter] = notes[r]!;
		const start = performance.now();
		index.update(path, { ...frontmatter, [boxes[0]!]: r % 2 === 0 });
		view.render();
		layout(view.contentEl);
		update.push(performance.now() - start);
	}
	// The floor: as many bare rows as the view draws (same classes, so the same styles and grid), each
	// its five elements and nothing else, made and laid out: what any list of those rows costs here.
	const drawn = view.contentEl.querySelectorAll('.forgetting-curve-row').length;
	const floor: number[] = [];
	for (let r = 0; r < 21; r++) {
		const start = performance.now();
		const root = createDiv({ cls: 'forgetting-curve-due' });
		for (let i = 0; i < drawn; i++) {
			const row = root.createDiv({ cls: 'forgetting-curve-row' });
			for (const cls of ['forgetting-curve-row-title', 'forgetting-curve-badge', 'forgetting-curve-row-meta']) row.createSpan({ cls, text: `${cls} ${i}` });
			row.createEl('progress');
			row.createEl('button');
		}
		place?.replaceChildren(root);
		layout(root);
		floor.push(performance.now() - start);
	}
	return { floorMs: median(floor), renderMs: median(render), updateMs: median(update), rows: view.contentEl.querySelectorAll('.forgetting-curve-row').length, due: counts.overdue + counts.dueToday + counts.upcoming };
}

setup();
addIcon('check', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 6 9 17l-5-5"/></svg>');
window.bench = { ready: true, run };
