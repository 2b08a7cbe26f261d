import { ItemView, Platform, type WorkspaceLeaf } from 'obsidian';
import type { ReviewConfig } from '../../engine';
import { DueListRenderer, MORE_STEP, PAGE_SIZE, PHONE_PAGE_SIZE } from './due-list-render';
import { buildDueModel, type SectionId } from './due-model';
import type { DueService } from './due-service';
import { t } from '../../locale';

export const DUE_VIEW_TYPE = 'forgetting-curve-due';

/** What the view needs from the plugin; the plugin keeps no reference to the view. */
export interface DueViewHost {
	service: DueService;
	config(): ReviewConfig | null;
	open(path: string, newTab: boolean): void;
	markDone(path: string): void;
	startSession(): void;
	openStatistics(): void;
}

/** The right-sidebar list of reviews: overdue, due today, upcoming, with a 14-day forecast. */
export class DueView extends ItemView {
	private readonly firstPage = Platform.isPhone ? PHONE_PAGE_SIZE : PAGE_SIZE;
	private shown: Record<SectionId, number> = { overdue: this.firstPage, dueToday: this.firstPage, upcoming: this.firstPage };
	private unsubscribe: (() => void) | null = null;
	private readonly list = new DueListRenderer({
		open: (path, newTab) => this.host.open(path, newTab),
		markDone: (path) => this.host.markDone(path),
		startSession: () => this.host.startSession(),
		openStatistics: () => this.host.openStatistics(),
		showMore: (section) => {
			this.shown = { ...this.shown, [section]: this.shown[section] + MORE_STEP };
			this.render();
		},
	});

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: DueViewHost,
	) {
		super(leaf);
	}

	override getViewType(): string {
		return DUE_VIEW_TYPE;
	}

	override getDisplayText(): string {
		return t('view.title');
	}

	override getIcon(): string {
		return 'calendar-clock';
	}

	override onOpen(): Promise<void> {
		this.unsubscribe = this.host.service.subscribe(() => this.render());
		this.render();
		return Promise.resolve();
	}

	override onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		return Promise.resolve();
	}

	/** Redraws in place, keeping the scroll position and the focused row across live updates. */
	render(): void {
		const { contentEl } = this;
		const scroll = contentEl.scrollTop;
		const focused = contentEl.ownerDocument.activeElement?.closest<HTMLElement>('.forgetting-curve-row')?.dataset.path;
		const snapshot = this.host.service.snapshot(this.shown);
		const model = buildDueModel(snapshot, this.host.service.size, this.host.config(), this.host.service.conflictCopies());
		this.list.render(contentEl, model);
		contentEl.scrollTop = scroll;
		if (focused) {
			for (const row of contentEl.querySelectorAll<HTMLElement>('.forgetting-curve-row')) {
				if (row.dataset.path === focused) row.focus();
			}
		}
	}
}
