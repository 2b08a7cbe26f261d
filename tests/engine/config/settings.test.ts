import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, resolveConfig, type SettingsProblem } from '../../../src/engine';
import { settingsProblemText } from '../../../src/locale/problems';

describe('settings', () => {
	it('fills missing fields with defaults and ignores unknown ones', () => {
		const { settings, problems } = loadSettings({ preset: 'en', surprise: 1 });
		expect(settings).toEqual({ ...DEFAULT_SETTINGS, preset: 'en' });
		expect(problems).toEqual([]);
	});

	it('names each unusable field and keeps its default', () => {
		const { settings, problems } = loadSettings({ rateFormula: 'magic', intervals: [1, -4], barWidth: 0 });
		expect(settings.rateFormula).toBe('milestones');
		expect(settings.intervals).toEqual([1, 4, 7, 14]);
		expect(problems.map(en)).toEqual([
			'Setting "rateFormula" has an unusable value "magic"; using the default.',
			'Setting "intervals" has an unusable value [1,-4]; using the default.',
			'Setting "barWidth" has an unusable value 0; using the default.',
		]);
	});

	it('refuses a settings file that is not an object', () => {
		expect(loadSettings([1]).problems.map(en)).toEqual(['Settings must be a JSON object; using the defaults.']);
	});

	it('does not share arrays with the defaults', () => {
		const { settings } = loadSettings({});
		settings.intervals.push(99);
		expect(DEFAULT_SETTINGS.intervals).toEqual([1, 4, 7, 14]);
	});

	it('explains settings that cannot work together', () => {
		const base = loadSettings({}).settings;
		const result = resolveConfig({
			...base,
			intervals: [1, 3, 7],
			longTermDays: 5,
			fields: [
				{ key: 'x', template: '{{due:4}}' },
				{ key: 'x', template: '{{days}}' },
				{ key: '❕첫 학습날', template: '{{days}}' },
			],
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map(en)).toEqual([
			'The long-term review (day 5) must come after the last interval (day 7).',
			'Stage 3 has no checkbox key.',
			'Field "x": {{due:4}} names stage "4", but the stages are 1, 3, 7, long-term.',
			'Computed field "x" is listed twice.',
			'Computed field "❕첫 학습날" would overwrite an input key.',
		]);
	});

	it('accepts custom intervals once their checkboxes are named', () => {
		const base = loadSettings({}).settings;
		const result = resolveConfig({ ...base, intervals: [2, 5], checkboxKeys: { '2': 'd2', '5': 'd5' }, fields: [{ key: 'n', template: '{{due:5}}' }] });
		expect(result.ok && result.config.stages.map((s) => `${s.id}:${s.days}`)).toEqual(['2:2', '5:5', 'long-term:30']);
	});
});

function en(problem: SettingsProblem): string {
	return settingsProblemText(problem, 'en');
}
