import { type Plugin, TFile } from 'obsidian';
import { type ReviewAction, stageJsonValue, type StageStatus, toIsoDate } from '../../engine';
import type { DueService } from '../due';
import type { PluginContext } from '../notes';
import { pluginFolder } from '../settings';
import type { ReviewActions, ReviewListener } from '../review';
import { ReviewHistory } from './review-history';
import { SessionController } from './session-controller';
import { registerDayLink } from './day-link';
import { SnoozeBook } from './snooze-book';
import { STATS_VIEW_TYPE, StatsView } from '../stats';
import { CURVE_VIEW_TYPE, CurveView } from '../curve';
import { ReviewByModal } from '../filter';

/** What the study features keep: the history journal and the snoozes; made before the due list. */
export interface StudyRecords {
	history: ReviewHistory;
	snoozes: SnoozeBook;
	/** Hands the learner's actions to the journal and the snoozes. */
	listener: ReviewListener;
	/** The due list to hide snoozed reviews from, once it exists. */
	useDueService(service: DueService): void;
}

export function createStudyRecords(plugin: Plugin, ctx: PluginContext, saveData: () => Promise<void>): StudyRecords {
	const history = new ReviewHistory(ctx.app, pluginFolder(plugin), () => ctx.clock().now);
	let service: DueService | null = null;
	const snoozes = new SnoozeBook(
		() => ctx.config()?.stages ?? null,
		() => ctx.clock().today,
		async () => {
			service?.setSnoozes(snoozes.forIndex());
			await saveData();
		},
	);
	const journal = (action: ReviewAction, path: string, review: StageStatus) => void history.review(action, path, stageJsonValue(review.stage.id), toIsoDate(review.due));
	return {
		history,
		snoozes,
		listener: {
			reviewed: (action, path, review) => {
				journal(action, path, review);
				if (action === 'done') void snoozes.clear(path);
			},
			snooze: (path, review, until) => snoozes.snooze(path, review.stage.id, until),
		},
		useDueService: (due) => {
			service = due;
			due.setSnoozes(snoozes.forIndex());
		},
	};
}

/**
 * The review session (its bar; its commands are in commands.ts), the statistics view, and what
 * follows renames: the journal, the snoozes and the session. Returns the session and a way to open the
 * statistics.
 */
export function registerStudyFeatures(plugin: Plugin, ctx: PluginContext, service: DueService, actions: ReviewActions, records: StudyRecords): { session: SessionController; openStatistics: () => void; openCurve: () => void; reviewBy: () => void } {
	const { app } = plugin;
	records.useDueService(service);
	const session = new SessionController(ctx, service, actions, () => openCurve());
	plugin.register(() => session.dispose());
	plugin.register(service.subscribe(() => session.onDueChanged()));
	registerDayLink(plugin, service, session);
	plugin.registerEvent(app.workspace.on('file-open', (file) => session.onFileOpen(file)));
	plugin.registerEvent(
		app.vault.on('rename', (file, oldPath) => {
			if (!(file instanceof TFile)) return;
			// Either order of this handler and the due list's: the note is under one of its paths.
			if (service.has(oldPath) || service.has(file.path)) void records.history.renamed(oldPath, file.path);
			void records.snoozes.rename(oldPath, file.path);
			session.onRenamed(oldPath, file.path);
		}),
	);
	plugin.registerView(
		STATS_VIEW_TYPE,
		(leaf) =>
			new StatsView(leaf, {
				service,
				config: () => ctx.config(),
				history: async () => {
					const texts = await records.history.readTexts();
					return { journals: await records.history.readAll(texts), texts };
				},
				onHistoryAppended: (listener) => records.history.onAppended(listener),
			}),
	);
	plugin.registerView(
		CURVE_VIEW_TYPE,
		(leaf) =>
			new CurveView(leaf, {
				service,
				config: () => ctx.config(),
				historyTexts: () => records.history.readTexts(),
				onHistoryAppended: (listener) => records.history.onAppended(listener),
				activeFile: () => app.workspace.getActiveFile(),
			}),
	);
	const openStatistics = () => void openInMainArea(plugin);
	const openCurve = () => void openInRightSidebar(plugin);
	const reviewBy = () => new ReviewByModal(app, service.facets(), (filter) => void session.startFiltered(filter)).open();
	return { session, openStatistics, openCurve, reviewBy };
}

/** Statistics need room: a tab in the main area, reused when one is open. */
async function openInMainArea(plugin: Plugin): Promise<void> {
	const { workspace } = plugin.app;
	let leaf = workspace.getLeavesOfType(STATS_VIEW_TYPE)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getLeaf('tab');
		await leaf.setViewState({ type: STATS_VIEW_TYPE, active: true });
	}
	await workspace.revealLeaf(leaf);
}

/** The forgetting curve beside the note: a tab of the right sidebar, reused when one is open. */
async function openInRightSidebar(plugin: Plugin): Promise<void> {
	const { workspace } = plugin.app;
	let leaf = workspace.getLeavesOfType(CURVE_VIEW_TYPE)[0] ?? null;
	if (!leaf) {
		leaf = workspace.getRightLeaf(false);
		if (!leaf) return;
		await leaf.setViewState({ type: CURVE_VIEW_TYPE, active: true });
	}
	await workspace.revealLeaf(leaf);
}
