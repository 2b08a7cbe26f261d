import type { Plugin } from 'obsidian';
import type { DueService } from './due-service';
import { t } from '../../locale';

/** "3 reviews due" in the status bar (desktop only: mobile has none); a click opens the due list. */
export function addDueStatusBar(plugin: Plugin, service: DueService, open: () => void): void {
	const item = plugin.addStatusBarItem();
	item.addClass('mod-clickable', 'forgetting-curve-status');
	item.addEventListener('click', open);
	const update = () => {
		const counts = service.counts();
		const count = counts ? counts.overdue + counts.dueToday : 0;
		item.setText(count === 1 ? t('status.due-one') : t('status.due-many', { count }));
		item.toggleClass('forgetting-curve-hidden', count === 0);
	};
	plugin.register(service.subscribe(update));
	update();
}
