import { Notice, Plugin } from 'obsidian';
import { type ForgettingCurveSettings, loadSettings, resolveConfig, type ReviewConfig } from './engine';
import { createPluginContext, type PluginContext, recomputeAll, registerAutoRecompute } from './plugin/notes';
import { type CalendarPush, registerReminderFeatures } from './plugin/reminders';
import { registerCommands, ReviewActions } from './plugin/review';
import { DueService, registerDueFeatures } from './plugin/due';
import { registerBasesFeatures } from './plugin/bases';
import { notionImporter } from './plugin/notion';
import { registerObsidianCli } from './plugin/obsidian-cli';
import { problemText, t } from './locale';
import { ForgettingCurveSettingTab, keepDamagedCopy, loadPluginData, type SettingsHost, useObsidianLanguage } from './plugin/settings';
import { createStudyRecords, registerStudyFeatures, type StudyRecords } from './plugin/session';

export default class ForgettingCurvePlugin extends Plugin implements SettingsHost {
	reviewSettings: ForgettingCurveSettings = loadSettings(undefined).settings;
	private config: ReviewConfig | null = null;
	private due: DueService | null = null;
	private ctx: PluginContext | null = null;
	/** The CalDAV push (phone reminders), which the settings tab drives. */
	push: CalendarPush | null = null;
	actions: ReviewActions | null = null;
	/** The review journal and the snoozes. */
	records: StudyRecords | null = null;
	/** What data.json held beside the settings when loaded (the snoozes). */
	private loadedSnoozes: unknown;
	/** The clock; tests replace it. */
	now: () => Date = () => new Date();

	override async onload(): Promise<void> {
		useObsidianLanguage();
		await this.loadSettings();
		// One context for every part: one writer, one editing guard, one set of refusal notices.
		const ctx = (this.ctx = createPluginContext(this.app, { settings: () => this.reviewSettings, config: () => this.config, now: () => this.now() }));
		registerAutoRecompute(this, ctx);
		const records = (this.records = createStudyRecords(this, ctx, () => this.saveAll()));
		records.snoozes.load(this.loadedSnoozes);
		this.actions = new ReviewActions(ctx, records.listener);
		const service = (this.due = new DueService(ctx));
		const { session, openStatistics, openCurve, reviewBy } = registerStudyFeatures(this, ctx, service, this.actions, records);
		const due = registerDueFeatures(this, service, this.actions, { startSession: () => void session.start(), openStatistics });
		const bases = registerBasesFeatures(this, ctx, due.host);
		registerObsidianCli(this, ctx, records);
		const calendar = registerReminderFeatures(this, ctx, service, () => ctx.guard.isTypingAnywhere());
		this.push = calendar.push;
		registerCommands(this, this.actions, {
			recomputeAll: () => this.recomputeAll(),
			openDueReviews: due.open,
			exportCalendar: () => calendar.exporter.export(true),
			syncCalendar: () => calendar.push.sync(true),
			reviewDueNotes: () => session.start(),
			reviewBy,
			openStatistics,
			openCurve,
			createReviewBase: bases.createReviewBase,
			importNotion: notionImporter(this.app, ctx),
			configReady: () => this.config !== null,
			session,
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
		await this.saveAll();
		// Which notes count and what they hold may have changed: the due list starts over.
		if (this.due?.ready) this.due.rebuild();
		if (Object.keys(change).some((key) => key.startsWith('caldav'))) this.push?.settingsChanged();
		return [];
	}

	/** data.json: the settings and the snoozes (synced, so every device hides the same reviews). */
	private async saveAll(): Promise<void> {
		await this.saveData({ ...this.reviewSettings, snoozes: this.records?.snoozes.toJSON() ?? this.loadedSnoozes ?? {} });
	}

	/**
	 * Reads data.json, keeping every setting it can: a file that is not JSON, or whose fields have the
	 * wrong types, is copied aside before anything could save over it, and the learner is told once.
	 */
	private async loadSettings(): Promise<void> {
		const { data, unreadable } = await loadPluginData(this);
		this.loadedSnoozes = (data as { snoozes?: unknown } | null)?.snoozes;
		const loaded = loadSettings(data);
		this.reviewSettings = loaded.settings;
		const resolved = resolveConfig(loaded.settings);
		this.config = resolved.ok ? resolved.config : null;
		const problems = [...loaded.problems, ...(resolved.ok ? [] : resolved.errors)];
		if (!unreadable && problems.length === 0) return;
		const copy = await keepDamagedCopy(this, this.now());
		const reason = unreadable ? t('notice.data-unreadable', { file: 'data.json' }) : problems.map(problemText).join(' ');
		new Notice(t('notice.settings-invalid', { reason }) + (copy ? ` ${t('notice.data-kept', { file: copy })}` : ''));
		// A password written into an address is not kept a moment longer than it takes to read it.
		if (loaded.problems.some((p) => p.code === 'address-userinfo')) await this.saveAll();
	}
}
