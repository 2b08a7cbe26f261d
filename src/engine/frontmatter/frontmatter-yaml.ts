import { type Document, isAlias, isMap, isScalar, isSeq, type Pair, parseDocument, type YAMLMap } from 'yaml';
import type { FrontmatterBlock } from './frontmatter-block';
import { canonicalKey } from './keys';
import { overBudget } from './read-budget';
import { refusal, type Refusal } from './refusal';

/**
 * keepSourceTokens gives every node its source range, which the writer splices at. Duplicate keys are
 * found by us (duplicateKey): yaml's own check compares every key with every earlier one, which grows
 * with the square of the key count, and it does not know that "❤️x" and "❤x" are one key.
 * logLevel 'error': a learner's custom tag (`!mine`) is a warning the library would print to the
 * console on every read; warnings never decide anything here.
 */
export const PARSE_OPTIONS = { keepSourceTokens: true, uniqueKeys: false, strict: true, logLevel: 'error' } as const;

export type ParsedFrontmatter =
	| { kind: 'empty' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'ok'; doc: Document.Parsed; map: YAMLMap<unknown, unknown> };

/**
 * Parses a note's frontmatter within the read budget (read-budget.ts). `managed` holds the canonical
 * keys Forgetting Curve reads or writes: only those may not appear twice. Keys of the learner's own
 * that repeat, or that differ only in a variation selector, are theirs to keep; lookups take a key's
 * first pair, and the write's read-back check compares every key either way.
 */
export function parseFrontmatter(text: string, block: FrontmatterBlock, managed: ReadonlySet<string>): ParsedFrontmatter {
	const yaml = text.slice(block.start, block.end);
	const tooComplex = overBudget(yaml);
	if (tooComplex) return { kind: 'refused', refusal: tooComplex };
	const doc = parseDocument(yaml, PARSE_OPTIONS);
	const error = doc.errors[0];
	if (error) {
		if (error.code === 'RESOURCE_EXHAUSTION') return { kind: 'refused', refusal: refusal('too-deep', { limit: 0 }) };
		// The yaml message repeats the position and a source excerpt after " at line"; we give our own.
		const detail = error.message.split(' at line ')[0] ?? error.message;
		// Line 1 of the YAML is line 2 of the note (after the opening ---).
		const line = error.linePos ? error.linePos[0].line + 1 : 0;
		return { kind: 'refused', refusal: refusal('malformed-yaml', { line, detail }) };
	}
	if (doc.contents === null) return { kind: 'empty' };
	if (!isMap(doc.contents) || doc.contents.flow) {
		const shape = isSeq(doc.contents) ? 'list' : isMap(doc.contents) ? 'flow-map' : 'scalar';
		return { kind: 'refused', refusal: refusal('not-a-map', { shape }) };
	}
	const duplicate = duplicateKey(doc.contents, managed);
	if (duplicate) return { kind: 'refused', refusal: duplicate };
	return { kind: 'ok', doc, map: doc.contents };
}

/** Two keys that are the same managed key (after canonicalKey), named as the note spells them; one pass. */
function duplicateKey(map: YAMLMap<unknown, unknown>, managed: ReadonlySet<string>): Refusal | null {
	const seen = new Map<string, string>();
	for (const pair of map.items) {
		const name = keyName(pair);
		if (name === null) continue;
		const canonical = canonicalKey(name);
		if (!managed.has(canonical)) continue;
		const earlier = seen.get(canonical);
		if (earlier === undefined) {
			seen.set(canonical, name);
			continue;
		}
		return earlier === name ? refusal('duplicate-key', { key: name }, name) : refusal('duplicate-key-spellings', { key: name, other: earlier }, name);
	}
	return null;
}

export function keyName(pair: Pair): string | null {
	if (!isScalar(pair.key)) return null;
	const value = pair.key.value;
	return typeof value === 'string' ? value : String(value);
}

/** Each map's pairs by canonical key, made once per parsed map: lookups stay linear in the note's size. */
const pairIndexes = new WeakMap<YAMLMap<unknown, unknown>, Map<string, Pair<unknown, unknown>>>();

/** The pair whose key is `key`, spelled as the note spells it or as a preset does (see canonicalKey). */
export function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
	let index = pairIndexes.get(map);
	if (!index) {
		index = new Map();
		for (const pair of map.items) {
			const name = keyName(pair);
			if (name !== null && !index.has(canonicalKey(name))) index.set(canonicalKey(name), pair);
		}
		pairIndexes.set(map, index);
	}
	return index.get(canonicalKey(key));
}

/** Marks values that are no single scalar, so messages can say what the learner wrote. */
export const NOT_A_SCALAR = { list: ['list'], map: { map: true }, alias: { alias: true } } as const;

/** A key's value as plain data: scalars as their value, collections and aliases as markers. */
/** A key's value with a list read as its scalar items (tags are a list); undefined when absent. */
export function listOrPlainValue(map: YAMLMap<unknown, unknown>, key: string): unknown {
	const node = findPair(map, key)?.value;
	return isSeq(node) ? node.items.map((item) => (isScalar(item) ? item.value : null)) : plainValue(map, key);
}

export function plainValue(map: YAMLMap<unknown, unknown>, key: string): unknown {
	const pair = findPair(map, key);
	if (!pair) return undefined;
	const node = pair.value;
	if (node === null || node === undefined) return null;
	if (isScalar(node)) return node.value;
	if (isSeq(node)) return NOT_A_SCALAR.list;
	if (isAlias(node)) return NOT_A_SCALAR.alias;
	return NOT_A_SCALAR.map;
}
