/**
 * What went wrong, as codes and values; the CLI and the plugin turn them into words in the learner's
 * language (src/locale). A refusal leaves a note untouched; `key` is set when one key is to blame.
 */
export type RefusalCode =
	| 'malformed-yaml'
	| 'too-deep'
	| 'too-large'
	| 'explicit-key'
	| 'read-only'
	| 'not-a-map'
	| 'duplicate-key'
	| 'duplicate-key-spellings'
	| 'not-a-single-value'
	| 'alias'
	| 'alias-unresolved'
	| 'tagged-value'
	| 'unreadable'
	| 'not-utf8'
	| 'bad-date'
	| 'impossible-date'
	| 'bad-checkbox'
	| 'unsafe-write'
	| 'changed-on-disk';

export type ProblemParams = Record<string, string | number>;

export interface Refusal {
	code: RefusalCode;
	params: ProblemParams;
	key?: string;
}

export function refusal(code: RefusalCode, params: ProblemParams = {}, key?: string): Refusal {
	return key === undefined ? { code, params } : { code, params, key };
}

/** An exception met while reading one note (the yaml library's, the file system's) as that note's refusal: its first line only, never a stack. */
export function unreadable(error: unknown): Refusal {
	return refusal('unreadable', { detail: (error as Error).message.split('\n')[0] ?? '' });
}

/** How a value the learner wrote is described in a message: its kind, and its text where it has one. */
export type ValueKind = 'empty' | 'text' | 'number' | 'boolean' | 'list' | 'alias' | 'map';

export function describedValue(value: unknown): { valueKind: ValueKind; value: string } {
	if (value === null || value === undefined) return { valueKind: 'empty', value: '' };
	if (typeof value === 'string') return { valueKind: 'text', value: JSON.stringify(value) };
	if (typeof value === 'number') return { valueKind: 'number', value: String(value) };
	if (typeof value === 'boolean') return { valueKind: 'boolean', value: String(value) };
	if (Array.isArray(value)) return { valueKind: 'list', value: '' };
	if (typeof value === 'object' && 'alias' in value) return { valueKind: 'alias', value: '' };
	return { valueKind: 'map', value: '' };
}

/** Why a verified write was refused (unsafe-write's `why`). */
export type UnsafeWhy = 'unparseable' | 'key-would-change' | 'keys-would-change' | 'not-a-map' | 'no-read-back' | 'bad-edit';

/** A setting that cannot work, as a code and values (settings and templates). */
export type SettingsProblemCode =
	| 'setting-unusable'
	| 'address-userinfo'
	| 'unknown-preset'
	| 'unknown-locale'
	| 'intervals-not-increasing'
	| 'long-term-too-early'
	| 'no-checkbox-key'
	| 'field-empty-key'
	| 'field-overwrites-input'
	| 'field-twice'
	| 'template-multiline'
	| 'template-braces'
	| 'template-unknown-placeholder'
	| 'template-needs-stage'
	| 'template-no-stage'
	| 'template-unknown-stage'
	| 'template-no-arguments'
	| 'template-two-values'
	| 'template-one-format'
	| 'template-bad-format'
	| 'not-an-object';

export interface SettingsProblem {
	code: SettingsProblemCode;
	params: ProblemParams;
}

export function settingsProblem(code: SettingsProblemCode, params: ProblemParams = {}): SettingsProblem {
	return { code, params };
}
