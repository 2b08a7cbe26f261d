import { App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import manifest from '../manifest.json';
import { toIsoDate } from '../src/engine';
import { configWith } from '../tests/helpers';
import ForgettingCurvePlugin from '../src/main';
import { dueServiceOver } from './due-service-over';
import { DueView } from '../src/plugin/due/due-view';
import { round } from './measure';
import { noteText, syntheticVault } from './synthetic-vault';

const TODAY = new Date(2026, 10, 27, 9);

async function medianAsyncMs(run: () => Promise<void>, rounds: number): Promise<number> {
	const samples: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const start = performance.now();
		await run();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** Plugin onload against a 100,000-note in-memory vault: the index waits for layout-ready, so onload stays small. */
async function onloadMs(): Promise<number> {
	const files = Object.fromEntries(syntheticVault(100_000, 1, TODAY).map(([path, frontmatter]) => [path, noteText(frontmatter)]));
	const app = App.createConfigured__({ files });
	if (app.vault.getMarkdownFiles().length !== 100_000) throw new Error('vault not built');
	return medianAsyncMs(async () => {
		const plugin = new ForgettingCurvePlugin(app.asOriginalType__(), manifest);
		plugin.loadData = () => Promise.resolve({});
		await plugin.onload();
	}, 15);
}

/** Drawing the due view with 1,000 due notes (overdue, today and upcoming) in happy-dom. */
function renderMs(): number {
	const config = configWith();
	const notes = syntheticVault(1000, 1, TODAY, 7).map(([path, frontmatter], i) => {
		const first = new Date(TODAY);
		first.setDate(first.getDate() - 1 - (i % 17) + 7);
		return [path, { ...frontmatter, [config.firstStudyKey]: toIsoDate(first), '❤1일복습여부': false }] as const;
	});
	const { service } = dueServiceOver(config, notes, TODAY);
	const counts = service.counts();
	const due = counts ? counts.overdue + counts.dueToday + counts.upcoming : 0;
	if (due !== 1000) throw new Error(`expected 1000 due notes, got ${due}`);
	const view = new DueView(WorkspaceLeaf.create2__(App.createConfigured__({})) as never, { service, config: () => config, open: () => undefined, markDone: () => undefined, startSession: () => undefined, openStatistics: () => undefined });
	const samples: number[] = [];
	for (let r = 0; r < 15; r++) {
		const start = performance.now();
		view.render();
		samples.push(performance.now() - start);
	}
	if (view.contentEl.querySelectorAll('.forgetting-curve-row').length === 0) throw new Error('nothing rendered');
	samples.sort((a, b) => a - b);
	return samples[7] ?? Number.NaN;
}

export async function pluginBench(): Promise<Record<string, number>> {
	return {
		onload_100k_ms: round(await onloadMs(), 3),
		render_1000_ms: round(renderMs(), 2),
	};
}
