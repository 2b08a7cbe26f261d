import type { Plugin } from 'obsidian';
import type { DueViewHost } from '../due';
import type { PluginContext } from '../notes';
import { CreateBaseModal, writeReviewBase } from './create-review-base';
import { registerReviewScheduleView } from './review-schedule-view';

/**
 * The review schedule inside Bases (where Bases is: Obsidian 1.10+ with the core plugin on) and what
 * "Create a review base" runs (the command itself is in the commands' table). Writing the base works
 * without Bases too: the file waits for it.
 */
export function registerBasesFeatures(plugin: Plugin, ctx: PluginContext, host: DueViewHost): { viewRegistered: boolean; createReviewBase: () => void } {
	const viewRegistered = registerReviewScheduleView(plugin, host);
	const createReviewBase = () => {
		const config = ctx.config();
		if (config) new CreateBaseModal(plugin.app, (name) => writeReviewBase(plugin.app, ctx.settings(), config, name)).open();
	};
	return { viewRegistered, createReviewBase };
}
