import { TFile, type TAbstractFile } from 'obsidian';
import { recomputeNote, type PluginContext } from './plugin-context';

/** Quiet time after the last save before recomputing: Obsidian saves every couple of seconds while typing. */
export const SAVE_DEBOUNCE_MS = 1500;
/** A note typed in more recently than this is left alone until the learner pauses. */
export const TYPING_QUIET_MS = 1500;
/** A save this soon after our own write, of exactly the text we wrote, is the echo of that write. */
export const OWN_WRITE_ECHO_MS = 10_000;

/**
 * Recomputes review notes when they are opened or saved. Saves are debounced per note; a note whose
 * editor has the cursor in the frontmatter, or that is being typed in, waits and is retried.
 */
export class AutoRecompute {
	private readonly timers = new Map<string, number>();
	private readonly waiting = new Set<string>();
	private readonly lastTyped = new Map<string, number>();

	constructor(private readonly ctx: PluginContext) {}

	onFileOpen(file: TFile | null): void {
		if (file && this.ctx.settings().recomputeOnOpen && this.ctx.inScope(file)) void this.run(file);
	}

	onModify(file: TAbstractFile): void {
		if (!(file instanceof TFile) || !this.ctx.settings().recomputeOnSave || !this.ctx.inScope(file)) return;
		this.schedule(file.path, SAVE_DEBOUNCE_MS);
	}

	onRename(file: TAbstractFile, oldPath: string): void {
		this.cancel(oldPath);
		this.ctx.writer.lastWritten.delete(oldPath);
		if (file instanceof TFile && this.waiting.delete(oldPath)) this.waiting.add(file.path);
	}

	onEditorChange(path: string): void {
		this.lastTyped.set(path, Date.now());
	}

	/** Whether the learner typed in any note within the quiet time. */
	isTyping(): boolean {
		const now = Date.now();
		for (const at of this.lastTyped.values()) if (now - at < TYPING_QUIET_MS) return true;
		return false;
	}

	/** Retries notes that waited for the cursor to leave the frontmatter or the typing to stop. */
	retryWaiting(): void {
		for (const path of [...this.waiting]) {
			const file = this.ctx.app.vault.getFileByPath(path);
			this.waiting.delete(path);
			if (file) void this.run(file);
		}
	}

	dispose(): void {
		for (const timer of this.timers.values()) window.clearTimeout(timer);
		this.timers.clear();
		this.waiting.clear();
	}

	private schedule(path: string, delay: number): void {
		this.cancel(path);
		this.timers.set(
			path,
			window.setTimeout(() => {
				this.timers.delete(path);
				const file = this.ctx.app.vault.getFileByPath(path);
				if (file) void this.runAfterSave(file);
			}, delay),
		);
	}

	private cancel(path: string): void {
		const timer = this.timers.get(path);
		if (timer !== undefined) window.clearTimeout(timer);
		this.timers.delete(path);
	}

	private async runAfterSave(file: TFile): Promise<void> {
		// The guard: the modify event our own write caused (same text, moments later) needs no recompute.
		// Idempotence would find nothing to write anyway; this skips the work. Later (a new day, new
		// settings) the same text is recomputed as usual.
		const ours = this.ctx.writer.lastWritten.get(file.path);
		if (ours && Date.now() - ours.at < OWN_WRITE_ECHO_MS && (await this.ctx.app.vault.cachedRead(file)) === ours.text) return;
		await this.run(file);
	}

	private async run(file: TFile): Promise<void> {
		const typedAt = this.lastTyped.get(file.path);
		if (typedAt !== undefined && Date.now() - typedAt < TYPING_QUIET_MS) {
			this.waiting.add(file.path);
			return;
		}
		const outcome = await recomputeNote(this.ctx, file, true);
		if (outcome.kind === 'refused') this.ctx.notices.report(file.path, outcome.refusal);
		else this.ctx.notices.clear(file.path);
		if (outcome.kind === 'deferred') this.waiting.add(file.path);
	}
}
