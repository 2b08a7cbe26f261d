/** The learner's configuration: settings and their checks, presets, field templates, which files are conflict copies. The feature's one door: other features import only what is named here. */
export { isConflictCopy } from './conflict-copies';
export { DEFAULT_PRESET_ID, PRESETS, type FieldSpec, type Preset } from './presets';
export { CALENDAR_MODES, DEFAULT_SETTINGS, loadSettings, managedKeys, reminderMinutes, resolveConfig, type CalendarMode, type CompiledField, type ForgettingCurveSettings, type ReviewConfig } from './settings';
export { readBackPattern, renderTemplate, type TemplateContext } from './templates';
