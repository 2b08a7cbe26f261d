import { isMap, isScalar, parseDocument } from 'yaml';

export type ScalarValue = string | number | boolean;
export type QuoteStyle = 'plain' | 'single' | 'double';

const PARSE_OPTIONS = { uniqueKeys: true, strict: true } as const;

// A string that YAML's core schema would read as something else (null, a boolean, a number).
const CORE_SCHEMA_SPECIAL =
	/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0o[0-7]+|0x[\da-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * A conservative test for strings that plain style reads back unchanged; it saves a parse per value in
 * the common case. Anything it is unsure of goes through the real parser.
 */
export function isSafePlain(text: string): boolean {
	return (
		/^[^\s\-?:,[\]{}#&*!|>'"%@`]/u.test(text) &&
		!/\p{Cc}/u.test(text) &&
		!/\s$/.test(text) &&
		!text.includes(': ') &&
		!text.includes(' #') &&
		!text.endsWith(':') &&
		!CORE_SCHEMA_SPECIAL.test(text)
	);
}

/**
 * Answers of the parser, remembered: the same few values (today's date, a progress bar, a day count)
 * are written into note after note, and asking the parser again costs more than the rest of a write.
 * Cleared when full, so it never grows without bound.
 */
const remembered = new Map<string, boolean>();
const REMEMBER_AT_MOST = 20_000;

function remember(key: string, ask: () => boolean): boolean {
	const known = remembered.get(key);
	if (known !== undefined) return known;
	const answer = ask();
	if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
	remembered.set(key, answer);
	return answer;
}

/** True when `source`, written as a value, reads back as exactly `value` (same type too). */
function readsBackAsValue(source: string, value: ScalarValue): boolean {
	if (typeof value === 'string' && source === value && isSafePlain(value)) return true;
	return remember(`v${typeof value}\u0000${String(value)}\u0000${source}`, () => parsesAsValue(source, value));
}

function parsesAsValue(source: string, value: ScalarValue): boolean {
	const doc = parseDocument(`k: ${source}\n`, PARSE_OPTIONS);
	if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
	const pair = doc.contents.items[0];
	return doc.contents.items.length === 1 && isScalar(pair?.value) && pair.value.value === value;
}

function readsBackAsKey(source: string, key: string): boolean {
	return remember(`k${key}\u0000${source}`, () => parsesAsKey(source, key));
}

function parsesAsKey(source: string, key: string): boolean {
	const doc = parseDocument(`${source}: x\n`, PARSE_OPTIONS);
	if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
	const pair = doc.contents.items[0];
	return doc.contents.items.length === 1 && isScalar(pair?.key) && pair.key.value === key;
}

function quoteSingle(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** YAML double-quoted escapes are a superset of JSON's, so a JSON string is a valid YAML one. */
function quoteDouble(text: string): string {
	return JSON.stringify(text);
}

/**
 * The source text for a value. The existing quote style is kept when it still reads back as the same
 * value; otherwise plain when plain reads back, else double-quoted. This rule reproduces every value of
 * the seed note ("26" is quoted because plain 26 would read back as a number).
 */
export function scalarSource(value: ScalarValue, preferred: QuoteStyle): string {
	const text = String(value);
	const candidates: string[] = [];
	if (typeof value === 'string') {
		if (preferred === 'single') candidates.push(quoteSingle(text));
		if (preferred === 'double') candidates.push(quoteDouble(text));
	}
	candidates.push(text);
	if (typeof value === 'string') candidates.push(quoteDouble(text));
	const fit = candidates.find((source) => readsBackAsValue(source, value));
	if (fit === undefined) throw new Error(`No YAML form reads back as ${JSON.stringify(value)}`);
	return fit;
}

/**
 * The source text for a new key: plain when it reads back and holds no flow indicator, else
 * double-quoted. The seed note quotes exactly its keys with a comma ("1일차복습여부1,0").
 */
export function keySource(key: string): string {
	if (!/[,[\]{}]/.test(key) && readsBackAsKey(key, key)) return key;
	const quoted = quoteDouble(key);
	if (!readsBackAsKey(quoted, key)) throw new Error(`No YAML form reads back as the key ${JSON.stringify(key)}`);
	return quoted;
}
