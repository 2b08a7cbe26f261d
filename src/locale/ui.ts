import type { Refusal, RefusalCode, SettingsProblem, Stage } from '../engine';
import { EN, type MessageKey, type StageForm } from './en';
import { REFUSAL_CODES, refusalText, settingsProblemText } from './problems';
import { formatStage } from './stages';
import { type Language, languageOf, TABLES } from './tables';

/**
 * The UI's words in its one active language. The plugin sets the language from Obsidian's once on
 * load (plugin/settings, useObsidianLanguage); nothing here knows about Obsidian, so the tests and
 * the CLI can use it too.
 */
let active: Language = 'en';

/** Switches the UI to a language code; a language we do not have speaks English. */
export function setUiLanguage(code: string): void {
	active = languageOf(code);
}

/** The language code the UI speaks, for Intl date formats. */
export function uiLanguage(): Language {
	return active;
}

/** Every message key, for the test that renders them all. */
export const MESSAGE_KEYS = Object.keys(EN.messages) as MessageKey[];

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	return TABLES[active].messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A stage in words, in the UI language. */
export function stageText(stage: Pick<Stage, 'id' | 'days'>, form: StageForm): string {
	return formatStage(stage, form, active);
}

const isRefusalCode = (code: string): code is RefusalCode => (REFUSAL_CODES as string[]).includes(code);

/** A refusal or a settings problem from the engine, in the UI language. */
export function problemText(problem: Refusal | SettingsProblem): string {
	return isRefusalCode(problem.code) ? refusalText(problem as Refusal, active) : settingsProblemText(problem as SettingsProblem, active);
}
