/**
 * Why a note was left untouched. Every refusal names the problem in words a learner can act on;
 * `key` is set when one frontmatter key is to blame.
 */
export type RefusalCode =
	| 'malformed-yaml'
	| 'duplicate-key'
	| 'not-a-map'
	| 'not-a-single-value'
	| 'bad-date'
	| 'impossible-date'
	| 'bad-checkbox'
	| 'alias'
	| 'tagged-value'
	| 'too-deep'
	| 'unreadable'
	| 'not-utf8'
	| 'unsafe-write';

export interface Refusal {
	code: RefusalCode;
	message: string;
	key?: string;
}

export function refusal(code: RefusalCode, message: string, key?: string): Refusal {
	return key === undefined ? { code, message } : { code, message, key };
}

/** Shows a frontmatter value the way the user typed it, for error messages. */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined) return 'an empty value';
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') return `the number ${String(value)}`;
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object' && 'alias' in value) return 'an alias (*name)';
	return 'a map';
}
