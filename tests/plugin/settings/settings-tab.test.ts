// @vitest-environment happy-dom
import type { SettingDefinitionGroup, SettingGroupItem } from 'obsidian';
import { Setting, TextComponent, ToggleComponent } from 'obsidian-test-mocks/obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../../src/engine';
import { ForgettingCurveSettingTab } from '../../../src/plugin/settings/settings-tab';
import { loadPlugin, settle } from '../harness';

afterEach(() => vi.restoreAllMocks());

/** Records every text and toggle component the tab creates, in creation order (spies call through). */
function captureComponents() {
	const texts = vi.spyOn(TextComponent.prototype, 'onChange');
	const toggles = vi.spyOn(ToggleComponent.prototype, 'onChange');
	return { texts: () => texts.mock.contexts as TextComponent[], toggles: () => toggles.mock.contexts as ToggleComponent[] };
}

/** The imperative tab, which Obsidian before 1.13 shows (deprecated from 1.13 in favour of definitions). */
function showImperatively(tab: { display(): void }): void {
	tab.display();
}

describe('settings tab', () => {
	it('shows the same settings imperatively and declaratively', async () => {
		const h = await loadPlugin({});
		const setName = vi.spyOn(Setting.prototype, 'setName');
		const tab = new ForgettingCurveSettingTab(h.app as never, h.plugin);
		showImperatively(tab);
		const names = setName.mock.calls.map(([name]) => (typeof name === 'string' ? name : name.textContent));
		const groups = tab.getSettingDefinitions() as SettingDefinitionGroup[];
		const declared = groups.flatMap((g) => [...(g.heading ? [g.heading] : []), ...(g.items ?? []).map((item: SettingGroupItem) => (item as { name: string }).name)]);
		expect(names).toEqual(declared);
		expect(declared).toEqual([
			'Recompute all now',
			'Schedule',
			'Preset',
			'Learning-rate formula',
			'Review intervals',
			'Long-term review day',
			'New day starts at',
			'Fields',
			'Customize computed fields',
			'Which notes count',
			'First-study key',
			'Only these folders',
			'Skip these folders',
			'Only notes with this tag',
			'When to recompute',
			'Recompute when a note is opened',
			'Recompute when a note is saved',
			'Reminders',
			'Daily reminder',
			'Reminder time',
			'Calendar file',
			'Keep the calendar file up to date',
			'Calendar events',
			'Phone reminders',
			'Push reviews to my calendar',
			'Calendar service',
			'Server',
			'User name',
			'Password',
			'Calendar',
			'Status',
			'Progress bar',
			'Filled cell',
			'Empty cell',
			'Cells',
		]);
	});

	it('validates a field template as you type and saves only what works', async () => {
		const h = await loadPlugin({});
		const saved: unknown[] = [];
		h.plugin.saveData = (data: unknown) => {
			saved.push(structuredClone(data));
			return Promise.resolve();
		};
		const { texts, toggles } = captureComponents();
		const tab = new ForgettingCurveSettingTab(h.app as never, h.plugin);
		showImperatively(tab);
		const customize = toggles()[0];
		if (!customize) throw new Error('no toggle');
		customize.setValue(true);
		await settle();
		const fields = PRESETS['ko-template']?.fields ?? [];
		expect(h.plugin.reviewSettings.fields).toEqual(fields);

		// The field rows were drawn after the toggle: key and template inputs, per field.
		const firstTemplate = texts().find((text) => text.getValue() === fields[0]?.template);
		if (!firstTemplate) throw new Error('no template input');
		firstTemplate.setValue('✍첫날 : {{frist|yyyy/MM/dd}}');
		await settle();
		expect(h.plugin.reviewSettings.fields?.[0]?.template).toBe(fields[0]?.template);
		const error = tab.containerEl.querySelector('.forgetting-curve-setting-error')?.textContent ?? '';
		expect(error).toContain('Not saved: Field "🛑첫날": Unknown placeholder {{frist|yyyy/MM/dd}}.');

		firstTemplate.setValue('✍ {{first|yyyy.MM.dd}}');
		await settle();
		expect(h.plugin.reviewSettings.fields?.[0]?.template).toBe('✍ {{first|yyyy.MM.dd}}');
		expect(tab.containerEl.querySelector('.forgetting-curve-setting-error')?.textContent).toBe('');
		expect(saved).toHaveLength(2);
	});

	it('never rewrites notes when settings change', async () => {
		const h = await loadPlugin({ 'a.md': '---\n❕첫 학습날: 2024-10-01\n---\n' });
		expect(await h.plugin.updateSettings({ rateFormula: 'template', barWidth: 5 })).toEqual([]);
		expect((await h.plugin.updateSettings({ intervals: [4, 1] }))[0]).toBe('Review intervals must increase: 4, 1.');
		expect(h.plugin.reviewSettings.intervals).toEqual([1, 4, 7, 14]);
		expect(h.writes).toEqual([]);
	});
});
