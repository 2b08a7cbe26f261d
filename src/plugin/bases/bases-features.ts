import type { Plugin } from 'obsidian';
import { t } from '../../locale';
import type { DueViewHost } from '../due';
import type { PluginContext } from '../notes';
import { CreateBaseModal, writeReviewBase } from './create-review-base';
import { registerReviewScheduleView } from './review-schedule-view';

/**
 * The review schedule inside Bases (where Bases is: Obsidian 1.10+ with the core plugin on) and the
 * command that writes a review base. The command works without Bases too: the file waits for it.
 */
export function registerBasesFeatures(plugin: Plugin, ctx: PluginContext, host: DueViewHost): { viewRegistered: boolean } {
	const viewRegistered = registerReviewScheduleView(plugin, host);
	plugin.addCommand({
		id: 'create-review-base',
		name: t('command.create-base'),
		icon: 'table',
		checkCallback: (checking) => {
			const config = ctx.config();
			if (!config) return false;
			if (!checking) new CreateBaseModal(plugin.app, (name) => writeReviewBase(plugin.app, ctx.settings(), config, name)).open();
			return true;
		},
	});
	return { viewRegistered };
}
