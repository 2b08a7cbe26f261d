import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import type { FrontmatterBlock } from './frontmatter-block';
import { refusal, type Refusal } from './refusal';

/** keepSourceTokens gives every node its source range, which the writer splices at. */
const PARSE_OPTIONS = { keepSourceTokens: true, uniqueKeys: true, strict: true } as const;

export type ParsedFrontmatter =
	| { kind: 'empty' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'ok'; doc: Document.Parsed; map: YAMLMap<unknown, unknown> };

export function parseFrontmatter(text: string, block: FrontmatterBlock): ParsedFrontmatter {
	const doc = parseDocument(text.slice(block.start, block.end), PARSE_OPTIONS);
	const error = doc.errors[0];
	if (error) {
		if (error.code === 'DUPLICATE_KEY') return { kind: 'refused', refusal: duplicateKeyRefusal(doc, error) };
		// The yaml message repeats the position and a source excerpt after " at line"; we give our own.
		const what = error.message.split(' at line ')[0] ?? error.message;
		const where = error.linePos ? ` (line ${error.linePos[0].line + 1} of the note)` : '';
		return { kind: 'refused', refusal: refusal('malformed-yaml', `The frontmatter is not valid YAML${where}: ${what}.`) };
	}
	if (doc.contents === null) return { kind: 'empty' };
	if (!isMap(doc.contents) || doc.contents.flow) {
		const shape = isSeq(doc.contents) ? 'a list' : isMap(doc.contents) ? 'a {…} flow map' : 'a single value';
		return { kind: 'refused', refusal: refusal('not-a-map', `The frontmatter is ${shape}, not a list of "key: value" lines.`) };
	}
	return { kind: 'ok', doc, map: doc.contents };
}

function duplicateKeyRefusal(doc: Document.Parsed, error: { linePos?: [{ line: number }, ...unknown[]] }): Refusal {
	const seen = new Set<string>();
	const items: Pair[] = isMap(doc.contents) ? doc.contents.items : [];
	for (const pair of items) {
		const name = keyName(pair);
		if (name === null) continue;
		if (seen.has(name)) return refusal('duplicate-key', `The key "${name}" appears more than once in the frontmatter.`, name);
		seen.add(name);
	}
	const where = error.linePos ? ` (line ${error.linePos[0].line + 1} of the note)` : '';
	return refusal('duplicate-key', `A key appears more than once in the frontmatter${where}.`);
}

export function keyName(pair: Pair): string | null {
	return isScalar(pair.key) ? String(pair.key.value) : null;
}

export function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
	return map.items.find((pair) => keyName(pair) === key);
}

/** Marks values that are no single scalar, so messages can say what the learner wrote. */
export const NOT_A_SCALAR = { list: ['list'], map: { map: true }, alias: { alias: true } } as const;

/** A key's value as plain data: scalars as their value, collections and aliases as markers. */
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
