import { MarkdownView, type Plugin, type TAbstractFile, TFile } from 'obsidian';
import { type PluginContext, recomputeNote } from './plugin-context';

/** Quiet time after the last save before recomputing: Obsidian saves every couple of seconds while typing. */
export const SAVE_DEBOUNCE_MS = 1500;
/** How often a waiting note is looked at again, only while one waits. */
export const RETRY_MS = 250;
/** How long to wait for an editor to show a note's text before leaving it to the next open or save. */
export const LOAD_WAIT_MS = 10_000;

/**
 * Recomputes review notes when they are opened, and when they are saved after a change made on this
 * device: the learner's edit in that note. A change that arrives by sync is not rewritten here (two
 * devices rewriting each other's saves churn and conflict); it is brought up to date when opened.
 * A note being edited, or whose editor has not loaded it yet, waits and is retried.
 */
export class AutoRecompute {
	private readonly timers = new Map<string, number>();
	/** Notes waiting to be written, with the time after which a note that never loaded is given up. */
	private readonly waiting = new Map<string, number>();
	/** Notes changed on this device since they were last recomputed. */
	private readonly localChanges = new Set<string>();
	/** Notes being recomputed right now: a retry tick never starts a second run beside the first. */
	private readonly running = new Set<string>();
	private retryTimer: number | null = null;

	constructor(private readonly ctx: PluginContext) {}

	onFileOpen(file: TFile | null): void {
		if (file && this.ctx.settings().recomputeOnOpen && this.ctx.inScope(file)) void this.run(file);
	}

	onModify(file: TAbstractFile): void {
		if (!(file instanceof TFile) || !this.localChanges.has(file.path)) return;
		if (!this.ctx.settings().recomputeOnSave || !this.ctx.inScope(file)) return;
		this.schedule(file.path, SAVE_DEBOUNCE_MS);
	}

	onRename(file: TAbstractFile, oldPath: string): void {
		this.cancel(oldPath);
		this.ctx.guard.renamed(oldPath, file.path);
		if (this.localChanges.delete(oldPath)) this.localChanges.add(file.path);
		const deadline = this.waiting.get(oldPath);
		this.waiting.delete(oldPath);
		if (file instanceof TFile && deadline !== undefined) this.waiting.set(file.path, deadline);
	}

	/** The learner changed the note in an editor (our own dispatches excluded). */
	onEditorChange(path: string): void {
		if (this.ctx.writer.dispatching) return;
		this.ctx.guard.noteTyped(path);
		this.localChanges.add(path);
	}

	/** The learner changed the note's properties (Properties widget, also in Reading view). */
	onPropertiesEdited(path: string): void {
		this.localChanges.add(path);
	}

	dispose(): void {
		for (const timer of this.timers.values()) window.clearTimeout(timer);
		this.timers.clear();
		this.waiting.clear();
		this.stopRetrying();
	}

	private schedule(path: string, delay: number): void {
		this.cancel(path);
		this.timers.set(
			path,
			window.setTimeout(() => {
				this.timers.delete(path);
				const file = this.ctx.app.vault.getFileByPath(path);
				if (file) void this.run(file);
			}, delay),
		);
	}

	private cancel(path: string): void {
		const timer = this.timers.get(path);
		if (timer !== undefined) window.clearTimeout(timer);
		this.timers.delete(path);
	}

	private async run(file: TFile): Promise<void> {
		const path = file.path;
		if (this.running.has(path)) return;
		const deadline = this.waiting.get(path);
		this.waiting.delete(path);
		this.localChanges.delete(path);
		this.running.add(path);
		try {
			const outcome = await recomputeNote(this.ctx, file, 'automatic');
			if (outcome.kind === 'refused') this.ctx.notices.report(path, outcome.refusal);
			else if (outcome.kind === 'written' || outcome.kind === 'unchanged') this.ctx.notices.clear(path);
			// Editing: wait as long as the learner edits. Not loaded: give up after a while, counted
			// from the first attempt.
			if (outcome.kind === 'deferred') this.wait(path, Number.POSITIVE_INFINITY);
			if (outcome.kind === 'not-loaded') this.wait(path, deadline !== undefined && Number.isFinite(deadline) ? deadline : Date.now() + LOAD_WAIT_MS);
		} finally {
			this.running.delete(path);
		}
	}

	private wait(path: string, deadline: number): void {
		this.waiting.set(path, deadline);
		if (this.retryTimer === null) this.retryTimer = window.setInterval(() => this.retryWaiting(), RETRY_MS);
	}

	private retryWaiting(): void {
		const now = Date.now();
		for (const [path, deadline] of [...this.waiting]) {
			const file = this.ctx.app.vault.getFileByPath(path);
			if (!file || now > deadline) this.waiting.delete(path);
			else if (!this.timers.has(path)) void this.run(file);
		}
		if (this.waiting.size === 0) this.stopRetrying();
	}

	private stopRetrying(): void {
		if (this.retryTimer !== null) window.clearInterval(this.retryTimer);
		this.retryTimer = null;
	}
}

/** Wires recompute on open and on save to Obsidian's events. */
export function registerAutoRecompute(plugin: Plugin, ctx: PluginContext): AutoRecompute {
	const auto = new AutoRecompute(ctx);
	const { app } = plugin;
	plugin.registerEvent(app.workspace.on('file-open', (file) => auto.onFileOpen(file)));
	plugin.registerEvent(app.vault.on('modify', (file) => auto.onModify(file)));
	plugin.registerEvent(app.vault.on('rename', (file, oldPath) => auto.onRename(file, oldPath)));
	plugin.registerEvent(app.workspace.on('editor-change', (_editor, info) => info.file && auto.onEditorChange(info.file.path)));
	// The Properties widget is not the editor: an edit there (in Reading view it goes straight to the
	// file) is this device's change too.
	const onPropertiesInput = (event: Event) => {
		const target = event.target;
		if (!(target instanceof Element) || !target.closest('.metadata-container')) return;
		app.workspace.iterateAllLeaves((leaf) => {
			const view = leaf.view;
			if (view instanceof MarkdownView && view.file && view.containerEl.contains(target)) auto.onPropertiesEdited(view.file.path);
		});
	};
	plugin.registerDomEvent(activeDocument, 'input', onPropertiesInput, true);
	plugin.registerDomEvent(activeDocument, 'change', onPropertiesInput, true);
	plugin.register(() => auto.dispose());
	return auto;
}
