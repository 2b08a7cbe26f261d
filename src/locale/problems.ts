import type { Refusal, RefusalCode, SettingsProblem, SettingsProblemCode } from '../engine';
import { EN } from './en';
import { type Language, TABLES } from './tables';

/** A refusal in words. */
export function refusalText(refusal: Refusal, lang: Language): string {
	return TABLES[lang].refusals[refusal.code](refusal.params);
}

/** A settings problem in words; a template's problem names its field first. */
export function settingsProblemText(problem: SettingsProblem, lang: Language): string {
	const table = TABLES[lang];
	const text = table.settings[problem.code](problem.params);
	return problem.code.startsWith('template-') && problem.params.key !== undefined ? `${table.templatePrefix(problem.params)}${text}` : text;
}

/** Every code, for the test that renders them all. */
export const REFUSAL_CODES = Object.keys(EN.refusals) as RefusalCode[];
export const SETTINGS_PROBLEM_CODES = Object.keys(EN.settings) as SettingsProblemCode[];
