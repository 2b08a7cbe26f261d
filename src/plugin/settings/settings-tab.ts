import { type App, type Plugin, PluginSettingTab, Setting, type SettingDefinitionItem, type TextComponent } from 'obsidian';
import type { CalendarPush } from '../reminders';
import { CALENDAR_MODES, type CalendarMode, type FieldSpec, type ForgettingCurveSettings, PRESETS, RATE_FORMULAS, type RateFormulaId } from '../../engine';
import { phoneSection } from './phone-settings';
import type { Row, Section } from './setting-rows';
import { type MessageKey, t } from '../../locale';

/** What the tab needs from the plugin: the settings, a validated update, and "recompute all". */
export interface SettingsHost {
	reviewSettings: ForgettingCurveSettings;
	/** Validates and saves; returns the problems instead when the change cannot work (nothing saved). */
	updateSettings(change: Partial<ForgettingCurveSettings>): Promise<string[]>;
	recomputeAll(): Promise<unknown>;
	/** The CalDAV push, once the plugin has loaded. */
	push: CalendarPush | null;
}

const RATE_LABELS: Record<RateFormulaId, MessageKey> = { milestones: 'settings.rate.milestones', template: 'settings.rate.template' };

const lines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l !== '');

/**
 * One list of rows serves both Obsidian's imperative settings tab (display, before 1.13) and the
 * declarative one (getSettingDefinitions, searchable from 1.13). Changing a setting never rewrites
 * notes by itself; the first row offers "Recompute all" instead. Values that cannot work (a template
 * with an unknown placeholder, intervals out of order) are explained as you type and not saved.
 */
export class ForgettingCurveSettingTab extends PluginSettingTab {
	private errorEl: HTMLElement | null = null;
	/** Listeners of the drawn rows, removed when the tab is redrawn or closed. */
	private cleanups: (() => void)[] = [];

	constructor(
		app: App,
		private readonly host: SettingsHost & Plugin,
	) {
		super(app, host);
	}

	override display(): void {
		const { containerEl } = this;
		this.hide();
		containerEl.empty();
		for (const section of this.sections()) {
			if (section.heading) new Setting(containerEl).setName(section.heading).setHeading();
			for (const row of section.rows) row.build(describe(new Setting(containerEl), row));
		}
	}

	override hide(): void {
		for (const cleanup of this.cleanups.splice(0)) cleanup();
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: 'group' as const,
			...(section.heading ? { heading: section.heading } : {}),
			items: section.rows.map((row) => ({ name: row.name, ...(row.desc ? { desc: row.desc } : {}), render: (setting: Setting) => void row.build(setting) })),
		}));
	}

	private sections(): Section[] {
		const s = this.host.reviewSettings;
		return [
			{
				rows: [
					{
						name: t('settings.recompute-now'),
						desc: t('settings.recompute-now-desc'),
						build: (setting) => {
							setting.addButton((b) => b.setButtonText(t('settings.recompute-now-button')).onClick(() => void this.host.recomputeAll()));
							this.errorEl = setting.settingEl.createDiv({ cls: 'forgetting-curve-setting-error' });
						},
					},
				],
			},
			{
				heading: t('settings.heading.schedule'),
				rows: [
					{
						name: t('settings.preset'),
						desc: t('settings.preset-desc'),
						build: (setting) =>
							setting.addDropdown((d) => {
								for (const preset of Object.values(PRESETS)) d.addOption(preset.id, preset.name);
								d.setValue(s.preset).onChange((preset) => void this.save({ preset }));
							}),
					},
					{
						name: t('settings.rate'),
						build: (setting) =>
							setting.addDropdown((d) => {
								for (const id of Object.keys(RATE_FORMULAS) as RateFormulaId[]) d.addOption(id, t(RATE_LABELS[id]));
								d.setValue(s.rateFormula).onChange((value) => void this.save({ rateFormula: value as RateFormulaId }));
							}),
					},
					{
						name: t('settings.intervals'),
						desc: t('settings.intervals-desc'),
						build: (setting) =>
							setting.addText((text) =>
								text.setValue(s.intervals.join(', ')).onChange((value) => {
									const intervals = value.split(',').map((part) => Number(part.trim()));
									if (intervals.some((n) => !Number.isInteger(n) || n < 1)) this.showErrors([t('settings.intervals-desc')]);
									else void this.save({ intervals });
								}),
							),
					},
					{
						name: t('settings.long-term'),
						desc: t('settings.long-term-desc'),
						build: (setting) => setting.addText((text) => text.setValue(String(s.longTermDays)).onChange((value) => void this.save({ longTermDays: Number(value) }))),
					},
					{
						name: t('settings.day-start'),
						desc: t('settings.day-start-desc'),
						build: (setting) =>
							setting.addDropdown((d) => {
								for (let hour = 0; hour < 24; hour++) d.addOption(String(hour), `${String(hour).padStart(2, '0')}:00`);
								d.setValue(String(s.dayStartHour)).onChange((value) => void this.save({ dayStartHour: Number(value) }));
							}),
					},
				],
			},
			{
				heading: t('settings.heading.fields'),
				rows: [
					{
						name: t('settings.fields-custom'),
						desc: t('settings.fields-custom-desc'),
						build: (setting) => {
							const list = setting.settingEl.createDiv({ cls: 'forgetting-curve-fields' });
							setting.addToggle((toggle) =>
								toggle.setValue(s.fields !== null).onChange(async (custom) => {
									await this.save({ fields: custom ? structuredClone(PRESETS[s.preset]?.fields ?? []) : null });
									this.renderFields(list);
								}),
							);
							this.renderFields(list);
						},
					},
				],
			},
			{
				heading: t('settings.heading.notes'),
				rows: [
					{
						name: t('settings.first-key'),
						desc: t('settings.first-key-desc'),
						build: (setting) =>
							setting.addText((text) =>
								text
									.setPlaceholder(PRESETS[s.preset]?.firstStudyKey ?? '')
									.setValue(s.firstStudyKey ?? '')
									.onChange((value) => void this.save({ firstStudyKey: value.trim() === '' ? null : value.trim() })),
							),
					},
					{
						name: t('settings.include'),
						desc: t('settings.include-desc'),
						build: (setting) => setting.addTextArea((area) => area.setValue(s.includeFolders.join('\n')).onChange((value) => void this.save({ includeFolders: lines(value) }))),
					},
					{
						name: t('settings.exclude'),
						desc: t('settings.exclude-desc'),
						build: (setting) => setting.addTextArea((area) => area.setValue(s.excludeFolders.join('\n')).onChange((value) => void this.save({ excludeFolders: lines(value) }))),
					},
					{
						name: t('settings.tag'),
						desc: t('settings.tag-desc'),
						build: (setting) => setting.addText((text) => text.setValue(s.tag).onChange((tag) => void this.save({ tag: tag.trim().replace(/^#/, '') }))),
					},
				],
			},
			{
				heading: t('settings.heading.when'),
				rows: [
					{ name: t('settings.on-open'), build: (setting) => setting.addToggle((toggle) => toggle.setValue(s.recomputeOnOpen).onChange((recomputeOnOpen) => void this.save({ recomputeOnOpen }))) },
					{ name: t('settings.on-save'), build: (setting) => setting.addToggle((toggle) => toggle.setValue(s.recomputeOnSave).onChange((recomputeOnSave) => void this.save({ recomputeOnSave }))) },
				],
			},
			{
				heading: t('settings.heading.reminders'),
				rows: [
					{
						name: t('settings.reminder'),
						desc: t('settings.reminder-desc'),
						build: (setting) => setting.addToggle((toggle) => toggle.setValue(s.reminderEnabled).onChange((reminderEnabled) => void this.save({ reminderEnabled }))),
					},
					{
						name: t('settings.reminder-time'),
						desc: t('settings.reminder-time-desc'),
						build: (setting) => setting.addText((text) => text.setPlaceholder('09:00').setValue(s.reminderTime).onChange((reminderTime) => void this.save({ reminderTime }))),
					},
					{
						name: t('settings.calendar-path'),
						desc: t('settings.calendar-path-desc'),
						build: (setting) => setting.addText((text) => text.setValue(s.calendarPath).onChange((calendarPath) => void this.save({ calendarPath }))),
					},
					{
						name: t('settings.calendar-auto'),
						desc: t('settings.calendar-auto-desc'),
						build: (setting) => setting.addToggle((toggle) => toggle.setValue(s.calendarAutoExport).onChange((calendarAutoExport) => void this.save({ calendarAutoExport }))),
					},
					{
						name: t('settings.calendar-mode'),
						desc: t('settings.calendar-mode-desc'),
						build: (setting) =>
							setting.addDropdown((d) => {
								for (const mode of CALENDAR_MODES) d.addOption(mode, t(`settings.calendar-mode-${mode}`));
								d.setValue(s.calendarMode).onChange((calendarMode) => void this.save({ calendarMode: calendarMode as CalendarMode }));
							}),
					},
				],
			},
			phoneSection({ app: this.app, settings: s, push: this.host.push, save: (change) => this.save(change), cleanups: this.cleanups }),
			{
				heading: t('settings.heading.bar'),
				rows: [
					{ name: t('settings.bar-filled'), build: (setting) => setting.addText((text) => text.setValue(s.barFilled).onChange((barFilled) => void this.save({ barFilled }))) },
					{ name: t('settings.bar-empty'), build: (setting) => setting.addText((text) => text.setValue(s.barEmpty).onChange((barEmpty) => void this.save({ barEmpty }))) },
					{ name: t('settings.bar-width'), build: (setting) => setting.addText((text) => text.setValue(String(s.barWidth)).onChange((value) => void this.save({ barWidth: Number(value) }))) },
				],
			},
		];
	}

	/** The editable field list, redrawn in place (no whole-tab redraw) when rows are added or removed. */
	private renderFields(container: HTMLElement): void {
		container.empty();
		const fields = this.host.reviewSettings.fields;
		if (fields === null) return;
		const draft: FieldSpec[] = structuredClone(fields);
		const saveDraft = () => void this.save({ fields: structuredClone(draft) });
		draft.forEach((field, index) => {
			// The key and the template of one field, each edited in place in the draft.
			const part = (name: 'key' | 'template', placeholder: MessageKey) => (text: TextComponent) =>
				text
					.setPlaceholder(t(placeholder))
					.setValue(field[name])
					.onChange((value) => {
						field[name] = value;
						saveDraft();
					});
			new Setting(container)
				.setClass('forgetting-curve-field')
				.addText(part('key', 'settings.field-key'))
				.addText(part('template', 'settings.field-template'))
				.addExtraButton((button) =>
					button
						.setIcon('trash')
						.setTooltip(t('settings.field-remove'))
						.onClick(async () => {
							await this.save({ fields: draft.filter((_, i) => i !== index) });
							this.renderFields(container);
						}),
				);
		});
		new Setting(container).addButton((b) =>
			b.setButtonText(t('settings.field-add')).onClick(async () => {
				await this.save({ fields: [...draft, { key: `field ${draft.length + 1}`, template: '{{days}}' }] });
				this.renderFields(container);
			}),
		);
	}

	private async save(change: Partial<ForgettingCurveSettings>): Promise<void> {
		this.showErrors(await this.host.updateSettings(change));
	}

	private showErrors(problems: string[]): void {
		if (!this.errorEl) return;
		this.errorEl.empty();
		for (const problem of problems) this.errorEl.createDiv({ text: t('settings.invalid', { reason: problem }) });
	}
}

function describe(setting: Setting, row: Row): Setting {
	setting.setName(row.name);
	if (row.desc) setting.setDesc(row.desc);
	return setting;
}
