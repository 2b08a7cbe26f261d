/** The words: one table per language (en.ts, ko.ts), and the functions that put codes and keys into them. The feature's one door. */
export type { LocaleTable, MessageKey, StageForm } from './en';
export { REFUSAL_CODES, SETTINGS_PROBLEM_CODES, refusalText, settingsProblemText } from './problems';
export { formatStage } from './stages';
export { TABLES, languageOf, type Language } from './tables';
export { MESSAGE_KEYS, problemText, setUiLanguage, stageText, t, uiLanguage } from './ui';
export { importSkipText, zipProblemText } from './import-text';
export { dueReportText, filterLineText, filterNothingDueText, filterText, noteRecallText, recallReportText, statsReportText } from './report-text';
export { dayWords } from './calendar-words';
