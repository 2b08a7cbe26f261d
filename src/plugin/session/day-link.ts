import { Notice, type Plugin } from 'obsidian';
import { DAY_LINK_ACTION, dayOfLink, isoOfDayNumber } from '../../engine';
import type { DueService } from '../due';
import { t } from '../../locale';
import type { SessionController } from './session-controller';

/**
 * `obsidian://forgetting-curve?vault=<name>&day=YYYY-MM-DD`, the daily reminder's link: starts the
 * review session over that day's reviews, so the learner is one tap from the first note. The link can
 * be what starts Obsidian, so it waits for the due list to be built.
 */
export function registerDayLink(plugin: Plugin, service: DueService, session: SessionController): void {
	plugin.registerObsidianProtocolHandler(DAY_LINK_ACTION, (params) => {
		const day = dayOfLink(params);
		if (day === null) {
			new Notice(t('link.bad-day'));
			return;
		}
		void service.whenReady().then(() => session.startDay(day, isoOfDayNumber(day)));
	});
}
