/** The engine's public surface: pure TypeScript, no Obsidian, shared by the plugin, the CLI and the tests. */
export { clockAt, parseCalendarDate, toIsoDate, type Clock } from './dates';
export { findFrontmatter, type FrontmatterBlock } from './frontmatter-block';
export type { FieldUpdate } from './frontmatter-writer';
export { readInputs, type ReviewInputs } from './inputs';
export { PRESETS, DEFAULT_PRESET_ID, type FieldSpec, type Preset } from './presets';
export { RATE_FORMULAS, learningRate, rateText, progressBar, type RateFormulaId } from './rate';
export { openReviewNote, recompute, scheduleFor, writeUpdates, type OpenedNote, type RecomputeResult } from './recompute';
export type { Refusal, RefusalCode } from './refusal';
export { computeSchedule, daysUntilDue, dueBucket, type DueBucket, type Schedule, type StageStatus } from './schedule';
export { DEFAULT_SETTINGS, loadSettings, reminderMinutes, resolveConfig, type ForgettingCurveSettings, type ReviewConfig } from './settings';
export { noteTitle } from './note-title';
export { LONG_TERM, stageLabel, type Stage, type StageId } from './stages';
export { applyEdits, type TextEdit } from './text-edits';
export { markCurrentStageDone, replacementEdit, startReviewing, type MarkResult, type StartResult } from './review-actions';
export { DueIndex, type DueCounts, type DueSnapshot, type Frontmatter, type IndexedNote, type SnapshotOptions } from './due-index';
export { dateOfDayNumber, dayNumberOf, isoOfDayNumber } from './day-numbers';
export { escapeText, foldLine, writeCalendar, type CalendarEvent } from './ical';
export { reviewCalendar, type CalendarNote, type ReviewCalendarOptions } from './review-calendar';
