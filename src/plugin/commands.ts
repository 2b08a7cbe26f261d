import { MarkdownView, TFile, type Menu, type Plugin, type TAbstractFile } from 'obsidian';
import { t, type MessageKey } from './i18n';
import type { ReviewActions } from './review-actions';

interface NoteAction {
	id: string;
	name: MessageKey;
	icon: string;
	applies: (file: TFile) => boolean;
	run: (file: TFile) => Promise<void>;
}

function noteActions(actions: ReviewActions): NoteAction[] {
	return [
		{ id: 'mark-review-done', name: 'command.mark-done', icon: 'check-circle', applies: (f) => actions.canMarkDone(f), run: (f) => actions.markDone(f) },
		{ id: 'undo-review-mark', name: 'command.undo-mark', icon: 'undo-2', applies: (f) => actions.canUndo(f), run: (f) => actions.undo(f) },
		{ id: 'start-reviewing', name: 'command.start', icon: 'calendar-plus', applies: (f) => actions.canStart(f), run: (f) => actions.start(f) },
	];
}

/**
 * Commands (no default hotkeys), shown only where they apply, and the same actions in a note's file
 * menu. Command ids carry no plugin id: Obsidian prefixes it.
 */
export function registerCommands(plugin: Plugin, actions: ReviewActions, recomputeAll: () => Promise<unknown>): void {
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
	plugin.addCommand({ id: 'recompute-all', name: t('command.recompute-all'), icon: 'refresh-cw', callback: () => void recomputeAll() });

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
