import { type CachedMetadata, type TAbstractFile, TFile } from 'obsidian';
import { type CalendarNote, dayNumberOf, notesOnDay, type DueCounts, DueIndex, type DueSnapshot, type FacetCount, filterFrom, filterKey, frontmatterLookup, type IndexedNote, type IndexSnooze, isConflictCopy, pickNotes, type ReviewConfig, type ReviewFilter, type SnapshotOptions } from '../../engine';
import type { PluginContext } from '../notes';
import { whenIdle } from './when-idle';

/** Where the learner's filter is remembered: on this device (app.saveLocalStorage is per vault and device, never synced). */
export const FILTER_STORAGE_KEY = 'forgetting-curve-filter';

/** Obsidian's inline tags of a note (the frontmatter's are read by the index), or null for none. */
function inlineTags(cache: CachedMetadata | null | undefined): string[] | null {
	const tags = cache?.tags;
	return tags && tags.length > 0 ? tags.map((tag) => tag.tag) : null;
}

/** Whether two counts of the filter's choices say the same. */
function sameCounts(a: readonly FacetCount[], b: readonly FacetCount[]): boolean {
	return a.length === b.length && a.every((f, i) => f.kind === b[i]?.kind && f.value === b[i].value && f.notes === b[i].notes && f.due === b[i].due);
}

/**
 * Answers worked out from the index for a day (by a key: the filter they are for), kept while neither
 * the index nor the day changes: asked several times per step of a session or per redraw, each is
 * worked out once.
 */
class IndexMemo<T> {
	private kept: { index: DueIndex; changes: number; today: number; values: Map<string, T> } | null = null;

	get(index: DueIndex, today: number, key: string, compute: () => T): T {
		let kept = this.kept;
		if (!kept || kept.index !== index || kept.changes !== index.changes || kept.today !== today) kept = this.kept = { index, changes: index.changes, today, values: new Map<string, T>() };
		let value = kept.values.get(key);
		if (value === undefined) kept.values.set(key, (value = compute()));
		return value;
	}

	/** The answer last worked out for `key` with this index, fresh or not; undefined before the first. */
	last(index: DueIndex, key: string): { value: T; fresh: boolean } | undefined {
		const kept = this.kept?.index === index ? this.kept : null;
		const value = kept?.values.get(key);
		return kept && value !== undefined ? { value, fresh: kept.changes === index.changes } : undefined;
	}
}

/** Coalesces bursts of metadata changes (a sync, a bulk edit) into one refresh of the views. */
const NOTIFY_DELAY_MS = 100;
/**
 * How often the day is looked at. A timer set for midnight fires hours late after the computer slept;
 * a check each minute (and when the window comes back, see due-features) does not.
 */
export const DAY_CHECK_MS = 60_000;

/**
 * Keeps the due index in step with Obsidian's metadata cache: built once the layout is ready, then
 * updated per changed / deleted / renamed note, rebuilt when the day changes and on settings changes.
 * It never reads a file. Sync conflict copies are kept apart, so the view can name them.
 */
export class DueService {
	private index: DueIndex | null = null;
	private readonly listeners = new Set<() => void>();
	private notifyTimer: number | null = null;
	/** The day the index was built for. */
	private builtFor: number | null = null;
	/** Conflict copies that carry the first-study key: not indexed, named in the view. */
	private readonly conflicts = new Set<string>();
	private snoozes: ReadonlyMap<string, IndexSnooze> = new Map();
	/** Who waits for the first index (whenReady): told as soon as it is built, not after the views' coalescing delay. */
	private readyWaiters: (() => void)[] = [];
	/** duePaths() by filter, the filter's choices and the vault-wide counts, each once per change of the index and day. */
	private readonly dueMemo = new IndexMemo<readonly string[]>();
	private readonly facetMemo = new IndexMemo<FacetCount[]>();
	private readonly countsMemo = new IndexMemo<DueCounts>();
	/** A recount of the filter's choices is waiting for the app to be idle (recentFacets). */
	private facetRecount = false;
	/** Which notes the due list, the session and the statistics show; remembered on the device. */
	private reviewFilter: ReviewFilter;

	constructor(private readonly ctx: PluginContext) {
		this.reviewFilter = filterFrom(ctx.app.loadLocalStorage(FILTER_STORAGE_KEY));
	}

	/** The learner's filter (no terms: every note). */
	get filter(): ReviewFilter {
		return this.reviewFilter;
	}

	/** Sets and remembers the filter; the views redraw at once (a pick is not a burst to coalesce). */
	setFilter(filter: ReviewFilter): void {
		this.reviewFilter = filter;
		this.ctx.app.saveLocalStorage(FILTER_STORAGE_KEY, filter.length > 0 ? filter : null);
		this.notifyNow();
	}

	/**
	 * The filter's choices for a list drawn now: the last count when the index has changed since (the
	 * count is redone when the app is idle, and the views redrawn if it differs). Counting 10,000 notes
	 * takes a few milliseconds, which a live update of the list (one note marked) need not wait for.
	 */
	recentFacets(): FacetCount[] {
		const last = this.index ? this.facetMemo.last(this.index, '') : undefined;
		if (!last) return this.facets();
		if (last.fresh) return this.facets();
		if (!this.facetRecount) {
			this.facetRecount = true;
			whenIdle(() => {
				this.facetRecount = false;
				if (!sameCounts(last.value, this.facets())) this.notifyNow();
			});
		}
		return last.value;
	}

	/** Every subject, folder and tag of the review notes, with counts (notes, and reviews due now). */
	facets(): FacetCount[] {
		const index = this.index;
		return index ? this.facetMemo.get(index, this.today(), '', () => index.facets(this.today())) : [];
	}

	/** The learner's snoozes (snooze-book.ts): they hide reviews from every list, count and calendar. */
	setSnoozes(snoozes: ReadonlyMap<string, IndexSnooze>): void {
		this.snoozes = snoozes;
		if (!this.index) return;
		this.index.setSnoozes(snoozes);
		this.notify();
	}

	/** The settings' review config; null while they do not work. */
	config(): ReviewConfig | null {
		return this.ctx.config();
	}

	/** Whether a path is an indexed review note. */
	has(path: string): boolean {
		return this.index?.has(path) ?? false;
	}

	get ready(): boolean {
		return this.index !== null;
	}

	/** Builds the index from the metadata cache, for today. */
	rebuild(): void {
		const config = this.ctx.config();
		this.conflicts.clear();
		if (!config) {
			this.index = null;
			this.notify();
			return;
		}
		const index = new DueIndex(config);
		const cache = this.ctx.app.metadataCache;
		index.build(
			(function* (service: DueService, ctx: PluginContext) {
				for (const file of ctx.app.vault.getMarkdownFiles()) {
					if (ctx.inScope(file)) {
						const metadata = cache.getFileCache(file);
						yield [file.path, metadata?.frontmatter, inlineTags(metadata)] as const;
					}
					else service.noteConflictCopy(file.path, cache.getFileCache(file)?.frontmatter);
				}
			})(this, this.ctx),
		);
		index.setSnoozes(this.snoozes);
		this.index = index;
		for (const resolve of this.readyWaiters.splice(0)) resolve();
		this.builtFor = this.today();
		this.notify();
		// The build skips the path lookup table that updates need; make it before the first edit arrives.
		// The session's queue too: a reminder's link opening Obsidian then shows its first note at once.
		whenIdle(() => {
			if (this.index !== index) return;
			index.prepareForUpdates();
			// What a reminder's link opens (every due note), and the session button's queue under a filter.
			this.duePaths([]);
			this.duePaths();
		});
	}

	/** Rebuilds when the day has changed since the index was built (a new day, or the machine slept). */
	checkDay(): void {
		if (this.index && this.builtFor !== this.today()) this.rebuild();
	}

	/** Conflict copies of review notes, by path. */
	conflictCopies(): string[] {
		return [...this.conflicts].sort();
	}

	onMetadataChanged(file: TFile, metadata: CachedMetadata | null): void {
		if (!this.index) return;
		if (this.noteConflictCopy(file.path, metadata?.frontmatter)) return;
		const changed = this.ctx.inScope(file) ? this.index.update(file.path, metadata?.frontmatter, inlineTags(metadata)) : this.index.remove(file.path);
		if (changed) this.notify();
	}

	onDeleted(file: TAbstractFile): void {
		if (this.index?.remove(file.path) || this.conflicts.delete(file.path)) this.notify();
	}

	onRenamed(file: TAbstractFile, oldPath: string): void {
		if (!this.index || !(file instanceof TFile)) return;
		if (this.conflicts.delete(oldPath)) this.notify();
		if (this.noteConflictCopy(file.path, this.ctx.app.metadataCache.getFileCache(file)?.frontmatter)) {
			this.index.remove(oldPath);
			return;
		}
		// A move can also move a note into or out of the included folders.
		const moved = this.index.rename(oldPath, file.path);
		const inScope = this.ctx.inScope(file);
		if (moved && !inScope) this.index.remove(file.path);
		if (!moved && inScope) {
			const metadata = this.ctx.app.metadataCache.getFileCache(file);
			this.index.update(file.path, metadata?.frontmatter, inlineTags(metadata));
		}
		this.notify();
	}

	/**
	 * Paths of every review due today or overdue, overdue first, oldest due first: a review session's
	 * queue. Asked for several times per step of a session (the next note, its position), it is worked
	 * out once per change of the index and day.
	 */
	duePaths(filter: ReviewFilter = this.reviewFilter): readonly string[] {
		const index = this.index;
		if (!index) return [];
		const today = this.today();
		return this.dueMemo.get(index, today, filterKey(filter), () => {
			const snapshot = index.snapshot(today, { limits: { upcoming: 0 }, filter });
			return [...snapshot.overdue, ...snapshot.dueToday].map((note) => note.path);
		});
	}

	/** Today's sections of the filtered notes (or of `filter`), each cut to the rows the caller will draw. */
	snapshot(limits?: SnapshotOptions['limits'], filter: ReviewFilter = this.reviewFilter): DueSnapshot | null {
		return this.index?.snapshot(this.ctx.clock().today, { ...(limits ? { limits } : {}), filter }) ?? null;
	}

	/** The sections for the given notes only, in the order given (a base's rows); null before the index is built. */
	snapshotOf(paths: Iterable<string>, options: SnapshotOptions): DueSnapshot | null {
		return this.index?.snapshotOf(paths, this.ctx.clock().today, options) ?? null;
	}

	/** The notes a daily reminder names for `day` (a day number after today): what its link opens. */
	pathsOnDay(day: number): string[] {
		const config = this.ctx.config();
		const notes = this.calendarNotes();
		return config && notes ? notesOnDay(notes, config, this.today(), day) : [];
	}

	/**
	 * Resolves once the index is built: a reminder's link can start Obsidian, and arrives before the
	 * layout is ready. Never resolves while the settings do not work (there is no index to wait for).
	 */
	whenReady(): Promise<void> {
		if (this.ready) return Promise.resolve();
		return new Promise((resolve) => this.readyWaiters.push(resolve));
	}

	/** Every indexed review note, for the calendar; null before the index is built. */
	calendarNotes(): CalendarNote[] | null {
		return this.index?.entries() ?? null;
	}

	/** One review note as indexed (its schedule, subject, snooze), or null. */
	note(path: string): IndexedNote | null {
		return this.index?.get(path) ?? null;
	}

	/** The review notes the filter picks (all of them without one), for the statistics. */
	pickedNotes(): IndexedNote[] | null {
		const notes = this.index?.entries();
		return notes ? pickNotes(notes, this.reviewFilter) : null;
	}

	/** Today as a day number, honouring "new day starts at". */
	today(): number {
		return dayNumberOf(this.ctx.clock().today);
	}

	/** Every review's counts, whatever the filter (the status bar, the filter's "All notes"); once per change of the index and day. */
	counts(): DueCounts | null {
		const index = this.index;
		return index ? this.countsMemo.get(index, this.today(), '', () => index.counts(this.today())) : null;
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
		this.listeners.clear();
	}

	private notifyNow(): void {
		if (this.notifyTimer !== null) window.clearTimeout(this.notifyTimer);
		this.notifyTimer = null;
		for (const listener of this.listeners) listener();
	}

	private notify(): void {
		if (this.notifyTimer !== null) return;
		this.notifyTimer = window.setTimeout(() => {
			this.notifyTimer = null;
			for (const listener of this.listeners) listener();
		}, NOTIFY_DELAY_MS);
	}

	/**
	 * Records whether a path is a conflict copy of a review note; true for any conflict copy, which the
	 * caller then leaves out of the index.
	 */
	private noteConflictCopy(path: string, frontmatter: Record<string, unknown> | undefined): boolean {
		if (!isConflictCopy(path)) return false;
		const key = this.ctx.config()?.firstStudyKey;
		const value = key !== undefined && frontmatter ? frontmatterLookup(frontmatter)(key) : undefined;
		const isReviewCopy = value !== undefined && value !== null;
		const changed = isReviewCopy ? !this.conflicts.has(path) : this.conflicts.has(path);
		if (isReviewCopy) this.conflicts.add(path);
		else this.conflicts.delete(path);
		if (changed) this.notify();
		return true;
	}
}
