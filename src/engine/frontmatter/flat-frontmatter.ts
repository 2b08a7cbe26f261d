import { isMap, isScalar, parseDocument, visit } from 'yaml';
import { PARSE_OPTIONS } from './frontmatter-yaml';
import { canonicalKey } from './keys';

/**
 * The common frontmatter read without the YAML library: one `key: value` per line at column 0, keys
 * plain or quoted, values a plain, single- or double-quoted scalar on their line, comment lines and
 * blank lines between. That is every review note we have seen (the seed is one), and reading it by
 * hand costs a tenth of a full parse.
 *
 * It is a fast path, never a second YAML: whatever it is not sure to read exactly as the yaml library
 * (core schema) would (flow or block collections, block scalars, anchors, tags, a comment after a
 * value, an empty value, tabs, CR, control characters, escapes it does not know, a key or a value that
 * would not be a string where one is expected) makes it return null, and the caller parses as before.
 * The property test in tests/engine/recompute/fast-path.property.test.ts holds it to the full path.
 */
export type FlatStyle = 'plain' | 'single' | 'double';

export interface FlatPair {
	key: string;
	value: string | number | boolean | null;
	style: FlatStyle;
	/** The value's source: [start, end) in the YAML text, as yaml's node.range[0..1]. */
	start: number;
	end: number;
	/**
	 * Set for a value that is no single-line scalar (a list, a map, a block scalar): its pair's whole
	 * source, checked by the yaml library on its own. Such a value is never read or written by the fast
	 * path, only carried along; `value` is null then.
	 */
	opaque?: string;
}

export interface FlatFrontmatter {
	pairs: FlatPair[];
	/** Pairs by canonical key (keys.ts). */
	byKey: Map<string, FlatPair>;
}

/** Longest key yaml accepts as an implicit key is 1024 characters; stay well inside. */
const MAX_KEY = 512;

export function readFlatFrontmatter(yaml: string): FlatFrontmatter | null {
	const pairs: FlatPair[] = [];
	const byKey = new Map<string, FlatPair>();
	let lineStart = 0;
	while (lineStart < yaml.length) {
		let lineEnd = yaml.indexOf('\n', lineStart);
		if (lineEnd < 0) lineEnd = yaml.length;
		const first = yaml.charCodeAt(lineStart);
		if (first === 35 /* # */) {
			if (!printable(yaml, lineStart, lineEnd)) return null;
		} else if (!blank(yaml, lineStart, lineEnd)) {
			let pair = readPair(yaml, lineStart, lineEnd);
			if (pair === OPAQUE) {
				// The value goes on over the following lines that are indented or list items ("- ").
				let end = lineEnd;
				while (end < yaml.length) {
					const nextEnd = yaml.indexOf('\n', end + 1) < 0 ? yaml.length : yaml.indexOf('\n', end + 1);
					const c = yaml.charCodeAt(end + 1);
					const listItem = c === 45 && yaml.charCodeAt(end + 2) === 32;
					if (!(c === 32 || listItem) || blank(yaml, end + 1, nextEnd)) break;
					end = nextEnd;
				}
				pair = opaquePair(yaml, lineStart, end);
				lineEnd = end;
			}
			if (!pair) return null;
			const canonical = canonicalKey(pair.key);
			// Two spellings of one key: the full path refuses, naming both.
			if (byKey.has(canonical)) return null;
			byKey.set(canonical, pair);
			pairs.push(pair);
		}
		lineStart = lineEnd + 1;
	}
	return pairs.length === 0 ? null : { pairs, byKey };
}

function blank(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
	return true;
}

/** No tab, CR or other control character, no BOM, no non-character: what YAML may treat apart. */
function printable(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
		// A surrogate must be half of a pair.
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (!(next >= 0xdc00 && next <= 0xdfff) || i + 1 >= to) return false;
			i++;
		} else if (c >= 0xdc00 && c <= 0xdfff) return false;
	}
	return true;
}

/** readPair's answer for a value that is no single-line scalar: the caller gathers its lines. */
const OPAQUE = 'opaque';

function readPair(text: string, from: number, to: number): FlatPair | typeof OPAQUE | null {
	if (to - from > 100_000 || !printable(text, from, to)) return null;
	let key: string;
	let afterKey: number;
	const first = text.charCodeAt(from);
	if (first === 34 /* " */ || first === 39 /* ' */) {
		const close = text.indexOf(String.fromCharCode(first), from + 1);
		if (close < 0 || close >= to) return null;
		key = text.slice(from + 1, close);
		// No escapes in a quoted key, and no quote doubled ('it''s'): the full path reads those.
		if (key.includes('\\') || text.charCodeAt(close + 1) === first) return null;
		afterKey = close + 1;
		if (text.charCodeAt(afterKey) !== 58 /* : */) return null;
	} else {
		if (!plainStart(text, from, to)) return null;
		// The key ends at the first ": " (or ":" at the end of the line).
		let colon = text.indexOf(':', from);
		while (colon >= 0 && colon < to && !(colon + 1 === to || text.charCodeAt(colon + 1) === 32)) colon = text.indexOf(':', colon + 1);
		if (colon < 0 || colon >= to) return null;
		key = text.slice(from, colon);
		// A space before the colon, " #" (a comment), or a key that would not be a string: full path.
		if (key.endsWith(' ') || key.includes(' #') || !isPlainString(key)) return null;
		afterKey = colon;
	}
	if (key.length === 0 || key.length > MAX_KEY) return null;
	// ": " then the value. Nothing after the colon: the value is on the next lines (a list, a map), or
	// empty (null), which the caller tells apart. A flow collection or a block scalar: the same.
	let start = afterKey + 1;
	if (start >= to || blank(text, start, to)) return OPAQUE;
	if (text.charCodeAt(start) !== 32) return null;
	while (start < to && text.charCodeAt(start) === 32) start++;
	if ('[{|>'.includes(text[start] ?? '')) return OPAQUE;
	let end = to;
	while (end > start && text.charCodeAt(end - 1) === 32) end--;
	const c = text.charCodeAt(start);
	if (c === 34) return readDoubleQuoted(text, key, start, end);
	if (c === 39) return readSingleQuoted(text, key, start, end);
	if (!plainStart(text, start, end)) return null;
	const source = text.slice(start, end);
	if (source.includes(': ') || source.includes(' #') || source.endsWith(':')) return null;
	const value = plainValue(source);
	return value === undefined ? null : { key, value, style: 'plain', start, end };
}

/**
 * A pair whose value spans lines or is a collection, checked by the yaml library on its own: one map
 * of one pair, the same key, no error, and a value that is not empty (an empty value is null with a
 * zero-width range, which the full path writes with care). Null when anything is off.
 */
function opaquePair(text: string, from: number, to: number): FlatPair | null {
	const source = text.slice(from, to);
	const remembered = checkedOpaque.get(source);
	const key = remembered === undefined ? checkOpaque(source) : remembered;
	// Short ones only, and a bounded number (at most about 5 MB of text): the memory stays small on a phone.
	if (remembered === undefined && source.length <= REMEMBER_LONGEST) {
		if (checkedOpaque.size >= REMEMBER_AT_MOST) checkedOpaque.clear();
		checkedOpaque.set(source, key);
	}
	return key === null ? null : { key, value: null, style: 'plain', start: from, end: to, opaque: source };
}

/** The same lists recur from note to note ("tags: [study]"): each short source is checked once. */
const checkedOpaque = new Map<string, string | null>();
const REMEMBER_LONGEST = 1000;
const REMEMBER_AT_MOST = 5000;

/** The pair's key when the yaml library reads `source` as one clean pair with a non-empty value. */
function checkOpaque(source: string): string | null {
	if (!printableLines(source)) return null;
	const doc = parseDocument(source, PARSE_OPTIONS);
	if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return null;
	const pair = doc.contents.items[0]!;
	if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || pair.value === null || pair.value === undefined) return null;
	if (isScalar(pair.value) && pair.value.value === null) return null;
	if (containsAlias(pair.value)) return null;
	return pair.key.value;
}

function printableLines(source: string): boolean {
	for (const line of source.split('\n')) if (!printable(line, 0, line.length)) return false;
	return true;
}

function containsAlias(node: unknown): boolean {
	let found = false;
	visit(node as Parameters<typeof visit>[0], { Alias: () => ((found = true), visit.BREAK) });
	return found;
}

/**
 * A plain scalar may not start with an indicator. "-", "?" and ":" may start one when a non-space
 * follows, but "- " starts a list item and the rest is rare: all go to the full path.
 */
function plainStart(text: string, from: number, to: number): boolean {
	if (from >= to) return false;
	const c = text.charCodeAt(from);
	return !(c === 32 || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c)));
}

const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A plain scalar as yaml's core schema reads it; undefined for the forms left to the full path. */
function plainValue(source: string): string | number | boolean | null | undefined {
	if (NULL.test(source)) return null;
	if (BOOL.test(source)) return source.charCodeAt(0) === 116 || source.charCodeAt(0) === 84;
	if (OTHER_NUMBER.test(source)) return undefined;
	if (INT.test(source)) {
		// Beyond 2^53 yaml and Number may round differently: full path.
		const n = Number(source);
		return Number.isSafeInteger(n) ? n : undefined;
	}
	if (FLOAT.test(source)) {
		const n = Number(source);
		return Number.isFinite(n) && String(n).length < 17 ? n : undefined;
	}
	return source;
}

function isPlainString(source: string): boolean {
	return typeof plainValue(source) === 'string';
}

/** 'text' with '' for a quote, on one line, nothing after it but spaces. */
function readSingleQuoted(text: string, key: string, start: number, end: number): FlatPair | null {
	if (end - start < 2 || text.charCodeAt(end - 1) !== 39) return null;
	const inner = text.slice(start + 1, end - 1);
	// Every quote inside must be doubled.
	if (inner.replace(/''/g, '').includes("'")) return null;
	return { key, value: inner.replace(/''/g, "'"), style: 'single', start, end };
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** "text" with JSON's escapes (what the writer uses), on one line, nothing after it but spaces. */
function readDoubleQuoted(text: string, key: string, start: number, end: number): FlatPair | null {
	if (end - start < 2 || text.charCodeAt(end - 1) !== 34) return null;
	let value = '';
	let i = start + 1;
	for (;;) {
		const quote = text.indexOf('"', i);
		const slash = text.indexOf('\\', i);
		if (slash >= 0 && slash < quote) {
			value += text.slice(i, slash);
			const e = text[slash + 1] ?? '';
			if (e === 'u') {
				const hex = text.slice(slash + 2, slash + 6);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
				const code = parseInt(hex, 16);
				// A lone surrogate half: the full path decides.
				if (code >= 0xd800 && code <= 0xdfff) return null;
				value += String.fromCharCode(code);
				i = slash + 6;
			} else {
				const plain = ESCAPES[e];
				if (plain === undefined) return null;
				value += plain;
				i = slash + 2;
			}
			continue;
		}
		// The closing quote must end the value.
		if (quote !== end - 1) return null;
		value += text.slice(i, quote);
		return { key, value, style: 'double', start, end };
	}
}
