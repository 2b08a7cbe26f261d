import { Notice, Plugin } from 'obsidian';
import { loadSettings, resolveConfig, type ForgettingCurveSettings, type ReviewConfig } from './engine';
import { registerAutoRecompute } from './plugin/auto-recompute';
import type { CalendarPush } from './plugin/calendar-push';
import { registerCommands } from './plugin/commands';
import { registerDueFeatures } from './plugin/due-features';
import type { DueService } from './plugin/due-service';
import { problemText, t, useObsidianLanguage } from './plugin/i18n';
import { createPluginContext, type PluginContext } from './plugin/plugin-context';
import { recomputeAll } from './plugin/recompute-all';
import { registerReminderFeatures } from './plugin/reminder-features';
import { ReviewActions } from './plugin/review-actions';
import { ForgettingCurveSettingTab, type SettingsHost } from './plugin/settings-tab';

export default class ForgettingCurvePlugin extends Plugin implements SettingsHost {
	reviewSettings: ForgettingCurveSettings = loadSettings(undefined).settings;
	private config: ReviewConfig | null = null;
	private due: DueService | null = null;
	private ctx: PluginContext | null = null;
	/** The CalDAV push (phone reminders), which the settings tab drives. */
	push: CalendarPush | null = null;
	actions: ReviewActions | null = null;
	/** The clock; tests replace it. */
	now: () => Date = () => new Date();

	override async onload(): Promise<void> {
		useObsidianLanguage();
		await this.loadSettings();
		// One context for every part: one writer, one editing guard, one set of refusal notices.
		const ctx = (this.ctx = createPluginContext(this.app, { settings: () => this.reviewSettings, config: () => this.config, now: () => this.now() }));
		registerAutoRecompute(this, ctx);
		this.actions = new ReviewActions(ctx);
		const due = registerDueFeatures(this, ctx, this.actions);
		this.due = due.service;
		const calendar = registerReminderFeatures(this, ctx, due.service, () => ctx.guard.isTypingAnywhere());
		this.push = calendar.push;
		registerCommands(this, this.actions, {
			recomputeAll: () => this.recomputeAll(),
			openDueReviews: due.open,
			exportCalendar: () => calendar.exporter.export(true),
			syncCalendar: () => calendar.push.sync(true),
		});
		this.addSettingTab(new ForgettingCurveSettingTab(this.app, this));
	}

	async recomputeAll(): Promise<unknown> {
		return this.ctx ? recomputeAll(this.ctx) : null;
	}

	async updateSettings(change: Partial<ForgettingCurveSettings>): Promise<string[]> {
		const candidate = loadSettings({ ...this.reviewSettings, ...change });
		if (candidate.problems.length > 0) return candidate.problems.map(problemText);
		const resolved = resolveConfig(candidate.settings);
		if (!resolved.ok) return resolved.errors.map(problemText);
		this.reviewSettings = candidate.settings;
		this.config = resolved.config;
		await this.saveData(this.reviewSettings);
		// Which notes count and what they hold may have changed: the due list starts over.
		if (this.due?.ready) this.due.rebuild();
		if (Object.keys(change).some((key) => key.startsWith('caldav'))) this.push?.settingsChanged();
		return [];
	}

	private async loadSettings(): Promise<void> {
		const loaded = loadSettings(await this.loadData());
		this.reviewSettings = loaded.settings;
		const resolved = resolveConfig(loaded.settings);
		this.config = resolved.ok ? resolved.config : null;
		const problems = [...loaded.problems, ...(resolved.ok ? [] : resolved.errors)];
		if (problems.length > 0) new Notice(t('notice.settings-invalid', { reason: problems.map(problemText).join(' ') }));
	}
}
