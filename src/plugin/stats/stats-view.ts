import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { entriesByPath, type HistoryEntry, type Journals, recallOfSchedules, type ReviewConfig } from '../../engine';
import type { DueService } from '../due';
import { t } from '../../locale';
import { buildStatsModel } from './stats-model';
import { filterLabel } from '../filter';
import { renderStats } from './stats-render';

export const STATS_VIEW_TYPE = 'forgetting-curve-stats';

export interface StatsViewHost {
	service: DueService;
	config(): ReviewConfig | null;
	/** Every device's journal, read from disk once (review-history.ts): in columns, and its texts by device for each note's review points. */
	history(): Promise<{ journals: Journals; texts: Map<string, string> }>;
	/** Tells when this device has added to its journal; returns the unsubscribe. */
	onHistoryAppended(listener: () => void): () => void;
}

/** Review statistics in their own view: streaks, on-time rate, a 26-week heatmap, stages, forecast. */
export class StatsView extends ItemView {
	private unsubscribe: (() => void) | null = null;
	private unsubscribeHistory: (() => void) | null = null;
	/**
	 * The journals as last read. Read when the view opens and after this device adds to them; a change
	 * of the due list (each save of a note) redraws stages and forecast from this, without reading
	 * every journal file again.
	 */
	private journals: Journals | null = null;
	/** The journals' entries by note, read with them. */
	private entries: Map<string, HistoryEntry[]> | null = null;
	private rendering: Promise<void> | null = null;
	private again = false;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: StatsViewHost,
	) {
		super(leaf);
	}

	override getViewType(): string {
		return STATS_VIEW_TYPE;
	}

	override getDisplayText(): string {
		return t('stats.title');
	}

	override getIcon(): string {
		return 'bar-chart-3';
	}

	override async onOpen(): Promise<void> {
		this.unsubscribe = this.host.service.subscribe(() => void this.render());
		this.unsubscribeHistory = this.host.onHistoryAppended(() => {
			this.journals = null;
			this.entries = null;
			void this.render();
		});
		await this.render();
	}

	override onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribeHistory?.();
		this.unsubscribe = null;
		this.unsubscribeHistory = null;
		return Promise.resolve();
	}

	/** Redraws, reading the journals first when needed; one at a time, and one more if asked meanwhile. */
	render(): Promise<void> {
		if (this.rendering) {
			this.again = true;
			return this.rendering;
		}
		// finally() runs after this assignment even when draw() needs no await, so a finished draw
		// never leaves `rendering` set.
		const run = this.draw().finally(() => {
			this.rendering = null;
			if (this.again) {
				this.again = false;
				void this.render();
			}
		});
		this.rendering = run;
		return run;
	}

	private async draw(): Promise<void> {
		const config = this.host.config();
		const snapshot = this.host.service.snapshot({ overdue: 0, dueToday: 0, upcoming: 0 });
		if (!config || !snapshot) {
			this.contentEl.replaceChildren(createDiv({ cls: 'forgetting-curve-empty', text: t('view.loading') }));
			return;
		}
		if (!this.journals || !this.entries) {
			const { journals, texts } = await this.host.history();
			this.journals = journals;
			this.entries = entriesByPath(texts.values());
		}
		const { service } = this.host;
		const filter = service.filter;
		const notes = service.pickedNotes() ?? [];
		const recall = recallOfSchedules(notes, this.entries, config.stages, snapshot.today);
		// Under a filter, the history counts the reviews of the notes it picks.
		const onlyPaths = filter.length > 0 ? new Set(notes.map((note) => note.path)) : undefined;
		const model = buildStatsModel(this.journals, notes, snapshot.forecast, config, snapshot.today, onlyPaths);
		const choices = { facets: service.facets(), filter, count: 'notes' as const, total: service.size, label: filterLabel(filter) };
		renderStats(this.contentEl, model, recall, (path) => void this.app.workspace.openLinkText(path, '', false), { choices, pick: (picked) => service.setFilter(picked) });
	}
}
