import { BasesView, type BasesAllOptions, type Plugin, type QueryController, requireApiVersion } from 'obsidian';
import { UPCOMING_DAYS } from '../../engine';
import { t } from '../../locale';
import { buildDueModel, type DueModel, DueListRenderer, type DueViewHost, firstShown, MORE_STEP, type SectionId } from '../due';

/** The view type's id in `.base` files (`type: forgetting-curve-schedule`). */
export const REVIEW_SCHEDULE_VIEW = 'forgetting-curve-schedule';

const SECTIONS: readonly SectionId[] = ['overdue', 'dueToday', 'upcoming'];
/** The options a learner sets per view, as they are saved in the `.base` file. */
const OPTION = { overdue: 'showOverdue', dueToday: 'showDueToday', upcoming: 'showUpcoming', horizon: 'upcomingDays' } as const;
const MAX_HORIZON = 60;

/** A view's saved options (Bases' `BasesViewConfig`). */
interface ViewOptions {
	get(key: string): unknown;
}

/** What the view shows, read from the view's options; Obsidian returns undefined for an option never set, so the defaults are applied here. */
export function scheduleOptions(config: ViewOptions): { sections: SectionId[]; horizon: number } {
	const sections = SECTIONS.filter((id) => config.get(OPTION[id]) !== false);
	const days = Number(config.get(OPTION.horizon));
	const horizon = Number.isInteger(days) && days >= 1 && days <= MAX_HORIZON ? days : UPCOMING_DAYS;
	return { sections, horizon };
}

function viewOptions(): BasesAllOptions[] {
	return [
		{ type: 'toggle', key: OPTION.overdue, displayName: t('bases.show-overdue'), default: true },
		{ type: 'toggle', key: OPTION.dueToday, displayName: t('bases.show-today'), default: true },
		{ type: 'toggle', key: OPTION.upcoming, displayName: t('bases.show-upcoming'), default: true },
		{ type: 'slider', key: OPTION.horizon, displayName: t('bases.horizon'), default: UPCOMING_DAYS, min: 1, max: MAX_HORIZON, step: 1 },
	];
}

/** The model for the base's rows: its review notes in its own order, only the sections asked for. */
function scheduleModel(host: DueViewHost, paths: string[], shown: Record<SectionId, number>, config: ViewOptions): DueModel {
	const { sections, horizon } = scheduleOptions(config);
	const limits = Object.fromEntries(SECTIONS.map((id) => [id, sections.includes(id) ? shown[id] : 0]));
	const snapshot = host.service.snapshotOf(paths, { horizon, limits });
	// Stops at the first review note: an update of a whole-vault base need not look up every row again.
	const model = buildDueModel(snapshot, paths.some((path) => host.service.has(path)), host.config());
	if (model.state === 'empty') return { ...model, days: horizon };
	if (model.state !== 'list') return model;
	const kept = model.sections.filter((section) => sections.includes(section.id));
	if (kept.every((section) => section.total === 0)) return { state: 'empty', forecast: model.forecast, days: horizon, conflictCopies: [] };
	return { ...model, sections: kept };
}

/**
 * The "Review schedule" view type inside Bases: the base's notes that are review notes, in sections
 * as in the due list, in the base's own order (its filters and sorting apply), with the same done
 * button. Registered only where Bases is (Obsidian 1.10+ with the core plugin on): `BasesView` does
 * not exist before, so the class is made here, after the check, not when the plugin's code loads.
 * Returns whether the view type was registered.
 */
export function registerReviewScheduleView(plugin: Plugin, host: DueViewHost): boolean {
	// registerBasesView returns false where the Bases core plugin is off; before 1.10 it does not exist.
	if (requireApiVersion('1.10.0') && typeof plugin.registerBasesView === 'function') {
		class ReviewScheduleView extends BasesView {
			readonly type = REVIEW_SCHEDULE_VIEW;
			private shown = firstShown();
			private readonly list = new DueListRenderer(
				{
					open: (path, newTab) => host.open(path, newTab),
					markDone: (path) => host.markDone(path),
					showMore: (section) => {
						this.shown = { ...this.shown, [section]: this.shown[section] + MORE_STEP };
						this.onDataUpdated();
					},
					startSession: () => host.startSession(),
					openStatistics: () => host.openStatistics(),
				},
				{ toolbar: false },
			);

			constructor(
				controller: QueryController,
				private readonly containerEl: HTMLElement,
			) {
				super(controller);
			}

			override onload(): void {
				// Bases redraws on its own changes; a review marked done reaches the index a moment later.
				// Subscribed while loaded (Bases loads its views as child components), so unloading ends it.
				this.register(host.service.subscribe(() => this.onDataUpdated()));
			}

			onDataUpdated(): void {
				// The index may change before Bases has given the view its first data and config: wait for them.
				const { data, config } = this as { data?: BasesView['data']; config?: BasesView['config'] };
				if (!data || !config) return;
				// `data` is replaced on every update: read it now, keep nothing of it.
				const paths = data.data.map((entry) => entry.file.path);
				const parent = this.containerEl;
				parent.addClass('forgetting-curve-bases');
				const scroll = parent.scrollTop;
				this.list.render(parent, scheduleModel(host, paths, this.shown, config));
				parent.scrollTop = scroll;
			}
		}

		try {
			return plugin.registerBasesView(REVIEW_SCHEDULE_VIEW, {
				name: t('bases.view-name'),
				icon: 'calendar-clock',
				factory: (controller, containerEl) => new ReviewScheduleView(controller, containerEl),
				options: () => viewOptions(),
			});
		} catch {
			// "A view with this ID already exists": registered by an earlier load of the plugin in this window.
			return false;
		}
	}
	return false;
}
