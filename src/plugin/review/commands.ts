import { MarkdownView, type Menu, type Plugin, type TAbstractFile, TFile } from 'obsidian';
import { type MessageKey, t } from '../../locale';
import type { ReviewActions } from './review-actions';

interface NoteAction {
	id: string;
	name: MessageKey;
	icon: string;
	applies: (file: TFile) => boolean;
	run: (file: TFile) => Promise<unknown>;
}

function noteActions(actions: ReviewActions): NoteAction[] {
	return [
		{ id: 'mark-review-done', name: 'command.mark-done', icon: 'check-circle', applies: (f) => actions.canMarkDone(f), run: (f) => actions.markDone(f) },
		{ id: 'undo-review-mark', name: 'command.undo-mark', icon: 'undo-2', applies: (f) => actions.canUndo(f), run: (f) => actions.undo(f) },
		{ id: 'start-reviewing', name: 'command.start', icon: 'calendar-plus', applies: (f) => actions.canStart(f), run: (f) => actions.start(f) },
		{ id: 'snooze-review-tomorrow', name: 'command.snooze-tomorrow', icon: 'alarm-clock-off', applies: (f) => actions.dueReview(f) !== null, run: (f) => actions.snooze(f) },
		{ id: 'snooze-review-until', name: 'command.snooze-until', icon: 'calendar-x', applies: (f) => actions.dueReview(f) !== null, run: (f) => actions.snoozeUntilPicked(f) },
	];
}

/** What the plugin-wide commands run; each feature hands in its own. */
export interface AppActions {
	recomputeAll(): Promise<unknown>;
	openDueReviews(): void;
	exportCalendar(): Promise<unknown>;
	syncCalendar(): Promise<unknown>;
	reviewDueNotes(): Promise<unknown>;
	/** Picks a subject, folder or tag and reviews only it. */
	reviewBy(): void;
	openStatistics(): void;
	/** The active note's forgetting curve, in the right sidebar. */
	openCurve(): void;
	createReviewBase(): void;
	importNotion(): void;
	/** Whether the settings work: commands that write review notes or a base need them. */
	configReady(): boolean;
	/** The review session's own actions, offered only while one runs. */
	session: { readonly active: boolean; done(): Promise<void>; snooze(): Promise<void>; skip(): Promise<void>; end(): void };
}

interface AppCommand {
	id: string;
	name: MessageKey;
	icon: string;
	run: (actions: AppActions) => unknown;
	/** When the command is offered; always when absent. */
	when?: (actions: AppActions) => boolean;
}

/** Every command that is not about one note, in one table. */
const APP_COMMANDS: readonly AppCommand[] = [
	{ id: 'open-due-reviews', name: 'view.open', icon: 'calendar-clock', run: (a) => a.openDueReviews() },
	{ id: 'recompute-all', name: 'command.recompute-all', icon: 'refresh-cw', run: (a) => a.recomputeAll() },
	{ id: 'export-review-calendar', name: 'command.export-calendar', icon: 'calendar-range', run: (a) => a.exportCalendar() },
	{ id: 'sync-review-calendar', name: 'command.sync-calendar', icon: 'refresh-ccw', run: (a) => a.syncCalendar() },
	{ id: 'review-due-notes', name: 'command.review-due', icon: 'play', run: (a) => a.reviewDueNotes() },
	{ id: 'review-by', name: 'command.review-by', icon: 'filter', run: (a) => a.reviewBy() },
	{ id: 'open-review-statistics', name: 'command.open-stats', icon: 'bar-chart-3', run: (a) => a.openStatistics() },
	{ id: 'open-forgetting-curve', name: 'command.open-curve', icon: 'trending-down', run: (a) => a.openCurve() },
	{ id: 'create-review-base', name: 'command.create-base', icon: 'table', run: (a) => a.createReviewBase(), when: (a) => a.configReady() },
	{ id: 'import-notion', name: 'command.import-notion', icon: 'import', run: (a) => a.importNotion(), when: (a) => a.configReady() },
	{ id: 'review-session-done', name: 'command.session-done', icon: 'check', run: (a) => a.session.done(), when: (a) => a.session.active },
	{ id: 'review-session-snooze', name: 'command.session-snooze', icon: 'alarm-clock-off', run: (a) => a.session.snooze(), when: (a) => a.session.active },
	{ id: 'review-session-skip', name: 'command.session-skip', icon: 'skip-forward', run: (a) => a.session.skip(), when: (a) => a.session.active },
	{ id: 'review-session-end', name: 'command.session-end', icon: 'square', run: (a) => a.session.end(), when: (a) => a.session.active },
];

/**
 * Commands (no default hotkeys): the note commands, shown only where they apply and also in a note's
 * file menu, and the plugin-wide ones. Command ids carry no plugin id: Obsidian prefixes it.
 */
export function registerCommands(plugin: Plugin, actions: ReviewActions, app: AppActions): void {
	const list = noteActions(actions);
	for (const action of list) {
		plugin.addCommand({
			id: action.id,
			name: t(action.name),
			icon: action.icon,
			checkCallback: (checking) => {
				const file = plugin.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? plugin.app.workspace.getActiveFile();
				if (!file || !action.applies(file)) return false;
				if (!checking) void action.run(file);
				return true;
			},
		});
	}
	for (const command of APP_COMMANDS) {
		const { when } = command;
		if (!when) {
			plugin.addCommand({ id: command.id, name: t(command.name), icon: command.icon, callback: () => void command.run(app) });
			continue;
		}
		plugin.addCommand({
			id: command.id,
			name: t(command.name),
			icon: command.icon,
			checkCallback: (checking) => {
				if (!when(app)) return false;
				if (!checking) void command.run(app);
				return true;
			},
		});
	}

	plugin.registerEvent(
		plugin.app.workspace.on('file-menu', (menu: Menu, file: TAbstractFile) => {
			if (!(file instanceof TFile)) return;
			for (const action of list.filter((a) => a.applies(file))) {
				menu.addItem((item) =>
					item
						.setTitle(t(action.name))
						.setIcon(action.icon)
						.onClick(() => void action.run(file)),
				);
			}
		}),
	);
}
