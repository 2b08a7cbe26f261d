import type { Locale } from 'date-fns';
import { type BarStyle, buildStages, LOCALES, RATE_FORMULAS, type RateFormula, type RateFormulaId, type Stage, type StageId } from '../schedule';
import { hasUserinfo } from '../caldav';
import { canonicalKey, settingsProblem, type SettingsProblem } from '../frontmatter';
import { DEFAULT_PRESET_ID, type FieldSpec, PRESETS } from './presets';
import { type CompiledTemplate, compileTemplate } from './templates';

/**
 * What the review calendar holds (the .ics file and the CalDAV push): `daily`, one event a day with
 * reviews, at the reminder time, naming the day's notes (the default); `per-review`, one all-day event
 * for every review not yet done.
 */
export type CalendarMode = 'daily' | 'per-review';
export const CALENDAR_MODES: readonly CalendarMode[] = ['daily', 'per-review'];

/** The plugin's data.json. The CLI's --settings reads the same shape; a missing field takes its default. */
export interface ForgettingCurveSettings {
	preset: string;
	rateFormula: RateFormulaId;
	intervals: number[];
	longTermDays: number;
	/** Computed fields; null means the preset's own. */
	fields: FieldSpec[] | null;
	/** Overrides of the preset's input keys; null means the preset's own. */
	firstStudyKey: string | null;
	checkboxKeys: Record<StageId, string> | null;
	includeFolders: string[];
	excludeFolders: string[];
	/** Only notes with this tag count, when set (without '#'). */
	tag: string;
	recomputeOnOpen: boolean;
	recomputeOnSave: boolean;
	/** Hour (0-23) at which a new day starts, for learners who study past midnight. */
	dayStartHour: number;
	barFilled: string;
	barEmpty: string;
	barWidth: number;
	/** A daily reminder in the app when reviews are due. */
	reminderEnabled: boolean;
	/** When the reminder comes (and the calendar's alarms ring), "HH:mm". */
	reminderTime: string;
	/** Where "Export review calendar" writes, relative to the vault root. */
	calendarPath: string;
	/** Rewrite the calendar file by itself when the due list changes. */
	calendarAutoExport: boolean;
	/** One reminder event a day, or one event per review. */
	calendarMode: CalendarMode;
	/** Push the review events into a CalDAV calendar (phone reminders). */
	caldavEnabled: boolean;
	/** The CalDAV server's address, where discovery starts (e.g. https://caldav.icloud.com). */
	caldavServer: string;
	caldavUser: string;
	/** The name of the password in Obsidian's SecretStorage; never the password itself. */
	caldavPasswordSecret: string;
	/** The calendar collection the events go into. */
	caldavCalendar: string;
}

export const DEFAULT_SETTINGS: Readonly<ForgettingCurveSettings> = Object.freeze({
	preset: DEFAULT_PRESET_ID,
	rateFormula: 'milestones',
	intervals: [1, 4, 7, 14],
	longTermDays: 30,
	fields: null,
	firstStudyKey: null,
	checkboxKeys: null,
	includeFolders: [],
	excludeFolders: [],
	tag: '',
	recomputeOnOpen: true,
	recomputeOnSave: true,
	dayStartHour: 0,
	barFilled: '🟩',
	barEmpty: '⬜',
	barWidth: 10,
	reminderEnabled: true,
	reminderTime: '09:00',
	calendarPath: 'Forgetting Curve.ics',
	calendarAutoExport: false,
	calendarMode: 'daily',
	caldavEnabled: false,
	caldavServer: '',
	caldavUser: '',
	caldavPasswordSecret: '',
	caldavCalendar: '',
});

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const isStringList: Check = (v) => Array.isArray(v) && v.every(isString);
const isWholeIn = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isStringRecord: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isString);
const isFieldList: Check = (v) =>
	Array.isArray(v) &&
	v.every((f) => typeof f === 'object' && f !== null && isString((f as FieldSpec).key) && isString((f as FieldSpec).template));

/** How each data.json field is checked when loaded. */
const SETTING_CHECKS: Record<keyof ForgettingCurveSettings, Check> = {
	preset: (v) => isString(v) && (v as string) in PRESETS,
	rateFormula: (v) => isString(v) && (v as string) in RATE_FORMULAS,
	intervals: (v) => Array.isArray(v) && v.length > 0 && v.every(isWholeIn(1, 3650)),
	longTermDays: isWholeIn(1, 3650),
	fields: (v) => v === null || isFieldList(v),
	firstStudyKey: (v) => v === null || (isString(v) && (v as string).trim() !== ''),
	checkboxKeys: (v) => v === null || isStringRecord(v),
	includeFolders: isStringList,
	excludeFolders: isStringList,
	tag: isString,
	recomputeOnOpen: isBoolean,
	recomputeOnSave: isBoolean,
	dayStartHour: isWholeIn(0, 23),
	barFilled: (v) => isString(v) && v !== '',
	barEmpty: (v) => isString(v) && v !== '',
	barWidth: isWholeIn(1, 100),
	reminderEnabled: isBoolean,
	reminderTime: (v) => isString(v) && reminderMinutes(v as string) !== null,
	calendarPath: (v) => isString(v) && (v as string).trim().endsWith('.ics') && !(v as string).includes('..'),
	calendarAutoExport: isBoolean,
	calendarMode: (v) => (CALENDAR_MODES as readonly unknown[]).includes(v),
	caldavEnabled: isBoolean,
	caldavServer: (v) => isString(v) && ((v as string) === '' || isHttpUrl(v as string)),
	caldavUser: isString,
	caldavPasswordSecret: (v) => isString(v) && /^[a-z0-9-]*$/.test(v as string),
	caldavCalendar: (v) => isString(v) && ((v as string) === '' || isHttpUrl(v as string)),
};

function isHttpUrl(text: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(text).protocol);
	} catch {
		return false;
	}
}

/** "09:00" → 540 minutes after midnight; null for anything that is not a time of day. */
export function reminderMinutes(time: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export interface LoadedSettings {
	settings: ForgettingCurveSettings;
	/** Fields that were present but unusable, and so fell back to their defaults. */
	problems: SettingsProblem[];
}

/** Reads data.json (or the CLI's --settings file): unknown fields are ignored, bad ones named. */
export function loadSettings(raw: unknown): LoadedSettings {
	const settings = structuredClone(DEFAULT_SETTINGS) as ForgettingCurveSettings;
	const problems: SettingsProblem[] = [];
	if (raw === null || raw === undefined) return { settings, problems };
	if (typeof raw !== 'object' || Array.isArray(raw)) {
		return { settings, problems: [settingsProblem('not-an-object')] };
	}
	const record = raw as Record<string, unknown>;
	for (const name of Object.keys(SETTING_CHECKS) as (keyof ForgettingCurveSettings)[]) {
		if (!(name in record)) continue;
		const value = record[name];
		if ((name === 'caldavServer' || name === 'caldavCalendar') && typeof value === 'string' && hasUserinfo(value)) {
			// Named, never shown: the address holds a password.
			problems.push(settingsProblem('address-userinfo', { name }));
		} else if (SETTING_CHECKS[name](value)) {
			(settings as unknown as Record<string, unknown>)[name] = structuredClone(value);
		} else {
			problems.push(settingsProblem('setting-unusable', { name, value: JSON.stringify(value) ?? 'undefined' }));
		}
	}
	return { settings, problems };
}

export interface CompiledField {
	key: string;
	template: CompiledTemplate;
	type: 'text' | 'number';
}

/** Everything recompute needs, validated once per settings change rather than once per note. */
export interface ReviewConfig {
	stages: Stage[];
	firstStudyKey: string;
	checkboxKeys: Map<StageId, string>;
	subjectKey: string | null;
	fields: CompiledField[];
	locale: Locale;
	rate: RateFormula;
	bar: BarStyle;
	dayStartHour: number;
}

const managedKeyCache = new WeakMap<ReviewConfig, ReadonlySet<string>>();

/**
 * The keys Forgetting Curve reads or writes under a config, in canonical form (canonicalKey): the
 * inputs, the subject and every computed field. Made once per config.
 */
export function managedKeys(config: ReviewConfig): ReadonlySet<string> {
	let keys = managedKeyCache.get(config);
	if (!keys) {
		const all = [config.firstStudyKey, ...config.checkboxKeys.values(), ...(config.subjectKey === null ? [] : [config.subjectKey]), ...config.fields.map((f) => f.key)];
		keys = new Set(all.map(canonicalKey));
		managedKeyCache.set(config, keys);
	}
	return keys;
}

export type ConfigResult = { ok: true; config: ReviewConfig } | { ok: false; errors: SettingsProblem[] };

export function resolveConfig(settings: ForgettingCurveSettings): ConfigResult {
	const errors: SettingsProblem[] = [];
	const preset = PRESETS[settings.preset] ?? PRESETS[DEFAULT_PRESET_ID];
	if (!preset) return { ok: false, errors: [settingsProblem('unknown-preset', { preset: settings.preset })] };
	const locale = LOCALES[preset.locale];
	if (!locale) errors.push(settingsProblem('unknown-locale', { preset: preset.id, locale: preset.locale }));

	const intervals = settings.intervals;
	if (intervals.some((d, i) => i > 0 && d <= (intervals[i - 1] ?? 0))) {
		errors.push(settingsProblem('intervals-not-increasing', { intervals: intervals.join(', ') }));
	}
	const lastInterval = intervals[intervals.length - 1] ?? 0;
	if (settings.longTermDays <= lastInterval) {
		errors.push(settingsProblem('long-term-too-early', { longTerm: settings.longTermDays, last: lastInterval }));
	}
	const stages = buildStages(intervals, settings.longTermDays);
	const stageIds = stages.map((s) => s.id);

	const keyNames = { ...preset.checkboxKeys, ...(settings.checkboxKeys ?? {}) };
	const checkboxKeys = new Map<StageId, string>();
	for (const id of stageIds) {
		const key = keyNames[id];
		if (key === undefined || key.trim() === '') errors.push(settingsProblem('no-checkbox-key', { stage: id }));
		else checkboxKeys.set(id, key);
	}
	const firstStudyKey = settings.firstStudyKey ?? preset.firstStudyKey;
	const inputKeys = new Set([firstStudyKey, ...checkboxKeys.values()]);

	const fields: CompiledField[] = [];
	const seen = new Set<string>();
	for (const spec of settings.fields ?? preset.fields) {
		const key = spec.key;
		if (key.trim() === '') errors.push(settingsProblem('field-empty-key'));
		else if (inputKeys.has(key)) errors.push(settingsProblem('field-overwrites-input', { key }));
		else if (seen.has(key)) errors.push(settingsProblem('field-twice', { key }));
		seen.add(key);
		if (!locale) continue;
		const compiled = compileTemplate(spec.template, stageIds, locale);
		if (compiled.ok) fields.push({ key, template: compiled.template, type: spec.type ?? 'text' });
		else errors.push({ code: compiled.error.code, params: { ...compiled.error.params, key } });
	}

	if (errors.length > 0 || !locale) return { ok: false, errors };
	return {
		ok: true,
		config: {
			stages,
			firstStudyKey,
			checkboxKeys,
			subjectKey: preset.subjectKey ?? null,
			fields,
			locale,
			rate: RATE_FORMULAS[settings.rateFormula],
			bar: { filled: settings.barFilled, empty: settings.barEmpty, width: settings.barWidth },
			dayStartHour: settings.dayStartHour,
		},
	};
}
