import { TFile, type CachedMetadata, type TAbstractFile } from 'obsidian';
import { dayNumberOf, DueIndex, type CalendarNote, type DueCounts, type DueSnapshot, type SnapshotOptions } from '../engine';
import type { PluginContext } from './plugin-context';

/** Coalesces bursts of metadata changes (a sync, a bulk edit) into one refresh of the views. */
const NOTIFY_DELAY_MS = 100;

/**
 * Keeps the due index in step with Obsidian's metadata cache: built once the layout is ready, then
 * updated per changed / deleted / renamed note, rebuilt at the day rollover and on settings changes.
 * It never reads a file.
 */
export class DueService {
	private index: DueIndex | null = null;
	private readonly listeners = new Set<() => void>();
	private notifyTimer: number | null = null;
	private rolloverTimer: number | null = null;

	constructor(private readonly ctx: PluginContext) {}

	get ready(): boolean {
		return this.index !== null;
	}

	/** Builds the index from the metadata cache and schedules the next day rollover. */
	rebuild(): void {
		const config = this.ctx.config();
		if (!config) {
			this.index = null;
			this.notify();
			return;
		}
		const index = new DueIndex(config);
		const cache = this.ctx.app.metadataCache;
		index.build(
			(function* (ctx: PluginContext) {
				for (const file of ctx.app.vault.getMarkdownFiles()) {
					if (ctx.inScope(file)) yield [file.path, cache.getFileCache(file)?.frontmatter] as const;
				}
			})(this.ctx),
		);
		this.index = index;
		this.scheduleRollover();
		this.notify();
		// The build skips the path lookup table that updates need; make it before the first edit arrives.
		whenIdle(() => {
			if (this.index === index) index.prepareForUpdates();
		});
	}

	onMetadataChanged(file: TFile, metadata: CachedMetadata | null): void {
		if (!this.index) return;
		const changed = this.ctx.inScope(file) ? this.index.update(file.path, metadata?.frontmatter) : this.index.remove(file.path);
		if (changed) this.notify();
	}

	onDeleted(file: TAbstractFile): void {
		if (this.index?.remove(file.path)) this.notify();
	}

	onRenamed(file: TAbstractFile, oldPath: string): void {
		if (!this.index || !(file instanceof TFile)) return;
		// A move can also move a note into or out of the included folders.
		const moved = this.index.rename(oldPath, file.path);
		const inScope = this.ctx.inScope(file);
		if (moved && !inScope) this.index.remove(file.path);
		if (!moved && inScope) this.index.update(file.path, this.ctx.app.metadataCache.getFileCache(file)?.frontmatter);
		this.notify();
	}

	/** Today's sections, each cut to the rows the caller will draw. */
	snapshot(limits?: SnapshotOptions['limits']): DueSnapshot | null {
		return this.index?.snapshot(this.ctx.clock().today, limits ? { limits } : {}) ?? null;
	}

	/** Every indexed review note, for the calendar; null before the index is built. */
	calendarNotes(): CalendarNote[] | null {
		return this.index?.entries() ?? null;
	}

	/** Today as a day number, honouring "new day starts at". */
	today(): number {
		return dayNumberOf(this.ctx.clock().today);
	}

	counts(): DueCounts | null {
		return this.index?.counts(this.ctx.clock().today) ?? null;
	}

	/** Number of review notes indexed (due or not), for the view's empty state. */
	get size(): number {
		return this.index?.size ?? 0;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	dispose(): void {
		if (this.notifyTimer !== null) window.clearTimeout(this.notifyTimer);
		if (this.rolloverTimer !== null) window.clearTimeout(this.rolloverTimer);
		this.listeners.clear();
	}

	private notify(): void {
		if (this.notifyTimer !== null) return;
		this.notifyTimer = window.setTimeout(() => {
			this.notifyTimer = null;
			for (const listener of this.listeners) listener();
		}, NOTIFY_DELAY_MS);
	}

	/** At the start of the next day (honouring "new day starts at"), rebuild and refresh. */
	private scheduleRollover(): void {
		if (this.rolloverTimer !== null) window.clearTimeout(this.rolloverTimer);
		const now = this.ctx.clock().now;
		const next = new Date(now);
		next.setHours(this.ctx.settings().dayStartHour, 0, 0, 0);
		if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
		this.rolloverTimer = window.setTimeout(() => {
			this.rolloverTimer = null;
			this.rebuild();
		}, next.getTime() - now.getTime() + 1000);
	}
}

/** Runs when the app is idle; iOS WebViews have no requestIdleCallback, so a timeout stands in there. */
function whenIdle(task: () => void): void {
	if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 2000 });
	else window.setTimeout(task, 200);
}
