import { type App, Modal, Notice, type TFile } from 'obsidian';
import { fieldUpdatesFor, frontmatterLookup } from '../../engine';
import { problemText, t } from '../../locale';
import { type PluginContext, recomputeNote } from './plugin-context';

export interface RecomputeAllSummary {
	total: number;
	done: number;
	changed: number;
	unchanged: number;
	refused: { path: string; reason: string }[];
	cancelled: boolean;
}

/**
 * Pauses that let Obsidian repaint and handle the cancel button: after this many notes, or this much
 * time, whichever comes first, so no stretch of work holds the app for more than a frame or three.
 */
const BATCH = 25;
const SLICE_MS = 30;

/**
 * Recomputes every review note in the vault with a cancellable progress notice, then a summary:
 * changed / unchanged / refused, each refused note named with its reason.
 */
export async function recomputeAll(ctx: PluginContext): Promise<RecomputeAllSummary> {
	const files = ctx.app.vault.getMarkdownFiles().filter((file) => ctx.inScope(file));
	const summary: RecomputeAllSummary = { total: files.length, done: 0, changed: 0, unchanged: 0, refused: [], cancelled: false };
	const progress = new Notice(progressFragment(summary, () => (summary.cancelled = true)), 0);
	let sliceStart = performance.now();
	let inSlice = 0;
	for (const file of files) {
		if (summary.cancelled) break;
		if (upToDateByCache(ctx, file)) summary.unchanged++;
		else await recomputeOne(ctx, file, summary);
		summary.done++;
		inSlice++;
		if (inSlice >= BATCH || performance.now() - sliceStart >= SLICE_MS) {
			progress.setMessage(progressFragment(summary, () => (summary.cancelled = true)));
			await new Promise((resolve) => window.setTimeout(resolve, 0));
			sliceStart = performance.now();
			inSlice = 0;
		}
	}
	progress.hide();
	const counts = { total: summary.total, done: summary.done, changed: summary.changed, unchanged: summary.unchanged, refused: summary.refused.length };
	const message = t(summary.cancelled ? 'notice.recompute-cancelled' : 'notice.recompute-done', counts);
	if (summary.refused.length > 0) new RefusedNotesModal(ctx.app, message, summary.refused).open();
	else new Notice(message);
	return summary;
}

/**
 * True when Obsidian's metadata cache already shows every computed field at the value a recompute
 * would write: the note is counted unchanged without being read. Safe because the check only ever
 * skips work: when the cache is behind the file, or reads a value another way, the note is recomputed
 * as before (or, at worst, on its next open or save); nothing is written from the cache.
 */
function upToDateByCache(ctx: PluginContext, file: TFile): boolean {
	const config = ctx.config();
	const frontmatter = ctx.app.metadataCache.getFileCache(file)?.frontmatter;
	if (!config || !frontmatter) return false;
	const lookup = frontmatterLookup(frontmatter);
	const computed = fieldUpdatesFor(lookup, config, ctx.clock());
	return computed !== null && computed.updates.every(({ key, value }) => lookup(key) === value);
}

async function recomputeOne(ctx: PluginContext, file: TFile, summary: RecomputeAllSummary): Promise<void> {
	// Automatic mode even though asked for: the run takes a while and the learner may go back to typing.
	// A note being edited is counted unchanged here; the save of that edit recomputes it.
	const outcome = await recomputeNote(ctx, file, 'automatic');
	if (outcome.kind === 'written') summary.changed++;
	else if (outcome.kind === 'refused') summary.refused.push({ path: file.path, reason: problemText(outcome.refusal) });
	else summary.unchanged++;
}

function progressFragment(summary: RecomputeAllSummary, cancel: () => void): DocumentFragment {
	const fragment = createFragment();
	fragment.createDiv({ text: t('notice.recompute-progress', { done: summary.done, total: summary.total }) });
	const button = fragment.createEl('button', { text: t('button.cancel') });
	button.addEventListener('click', cancel);
	return fragment;
}

class RefusedNotesModal extends Modal {
	constructor(
		app: App,
		private readonly message: string,
		private readonly refused: RecomputeAllSummary['refused'],
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(this.message);
		const list = this.contentEl.createEl('ul', { cls: 'forgetting-curve-refused-list' });
		for (const { path, reason } of this.refused) {
			const item = list.createEl('li');
			item.createEl('strong', { text: path });
			item.createSpan({ text: `: ${reason}` });
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
