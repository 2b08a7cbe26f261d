import { ItemView, type TFile, type WorkspaceLeaf } from 'obsidian';
import { entriesByPath, type HistoryEntry, recallCurve, type ReviewConfig } from '../../engine';
import type { DueService } from '../due';
import { t } from '../../locale';
import { renderCurve } from './curve-render';

export const CURVE_VIEW_TYPE = 'forgetting-curve-curve';

export interface CurveViewHost {
	service: DueService;
	config(): ReviewConfig | null;
	/** Every device's journal text (review-history.ts): the review points. */
	historyTexts(): Promise<Map<string, string>>;
	onHistoryAppended(listener: () => void): () => void;
	/** The note the learner has open. */
	activeFile(): TFile | null;
}

/** The active note's forgetting curve, in the right sidebar: redrawn when another note opens or the note's reviews change. */
export class CurveView extends ItemView {
	private entries: Map<string, HistoryEntry[]> | null = null;
	private readonly offs: (() => void)[] = [];

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: CurveViewHost,
	) {
		super(leaf);
	}

	override getViewType(): string {
		return CURVE_VIEW_TYPE;
	}

	override getDisplayText(): string {
		return t('curve.title');
	}

	override getIcon(): string {
		return 'trending-down';
	}

	override async onOpen(): Promise<void> {
		this.offs.push(this.host.service.subscribe(() => void this.render()));
		this.offs.push(
			this.host.onHistoryAppended(() => {
				this.entries = null;
				void this.render();
			}),
		);
		this.registerEvent(this.app.workspace.on('file-open', () => void this.render()));
		await this.render();
	}

	override onClose(): Promise<void> {
		for (const off of this.offs.splice(0)) off();
		return Promise.resolve();
	}

	async render(): Promise<void> {
		const file = this.host.activeFile();
		const config = this.host.config();
		const note = file ? this.host.service.note(file.path) : null;
		if (!file || !config || !note) {
			this.contentEl.replaceChildren(createDiv({ cls: 'forgetting-curve-empty', text: t('curve.no-note') }));
			return;
		}
		this.entries ??= entriesByPath((await this.host.historyTexts()).values());
		renderCurve(this.contentEl, file.basename, recallCurve(note, config.stages, this.entries.get(note.path) ?? [], this.host.service.today()));
	}
}
