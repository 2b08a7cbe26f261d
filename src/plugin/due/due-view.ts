import { ItemView, Platform, type WorkspaceLeaf } from 'obsidian';
import type { ReviewConfig } from '../../engine';
import { DueListRenderer, MORE_STEP, PAGE_SIZE, PHONE_PAGE_SIZE } from './due-list-render';
import { buildDueModel, type DueModel, type SectionId } from './due-model';
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

/** Rows per section at first: a phone's screen holds fewer, and draws them slower. */
export function firstShown(): Record<SectionId, number> {
	const rows = Platform.isPhone ? PHONE_PAGE_SIZE : PAGE_SIZE;
	return { overdue: rows, dueToday: rows, upcoming: rows };
}

function modelFor(host: DueViewHost, shown: Record<SectionId, number>): DueModel {
	const { service } = host;
	const counts = service.counts();
	const choices = counts ? { facets: service.recentFacets(), filter: service.filter, count: 'due' as const, total: counts.overdue + counts.dueToday } : undefined;
	return buildDueModel(service.snapshot(shown), service.size > 0, host.config(), service.conflictCopies(), choices);
}

/**
 * Draws the list's first page once, into a detached element that is thrown away, when the app is idle
 * after the index is built. The first run of the list's code is slow (the JavaScript engine compiles
 * it then; on a phone it was half of the first opening's 60 ms, `npm run bench`,
 * mobile_due_view_render_ms), so the learner's first opening now costs what later ones do.
 */
export function rehearseDueList(host: DueViewHost): void {
	const ignore = () => undefined;
	new DueListRenderer({ open: ignore, markDone: ignore, showMore: ignore, startSession: ignore, openStatistics: ignore }).render(createDiv(), modelFor(host, firstShown()));
}

/** The right-sidebar list of reviews: overdue, due today, upcoming, with a 14-day forecast. */
export class DueView extends ItemView {
	private shown = firstShown();
	private unsubscribe: (() => void) | null = null;
	private readonly list = new DueListRenderer({
		open: (path, newTab) => this.host.open(path, newTab),
		markDone: (path) => this.host.markDone(path),
		startSession: () => this.host.startSession(),
		openStatistics: () => this.host.openStatistics(),
		pickFilter: (filter) => {
			// A new filter starts at the first page again.
			this.shown = firstShown();
			this.host.service.setFilter(filter);
		},
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
		this.list.render(contentEl, modelFor(this.host, this.shown));
		contentEl.scrollTop = scroll;
		if (focused) {
			for (const row of contentEl.querySelectorAll<HTMLElement>('.forgetting-curve-row')) {
				if (row.dataset.path === focused) row.focus();
			}
		}
	}
}
