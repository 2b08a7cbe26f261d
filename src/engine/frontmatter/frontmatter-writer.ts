import { type Document, isAlias, isScalar, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { FrontmatterBlock } from './frontmatter-block';
import { findPair, keyName, PARSE_OPTIONS } from './frontmatter-yaml';
import { refusal, type Refusal, type UnsafeWhy } from './refusal';
import { applyEdits, type TextEdit } from './text-edits';
import { keySource, type QuoteStyle, scalarSource, type ScalarValue } from './yaml-scalar';

export interface FieldUpdate {
	key: string;
	value: ScalarValue;
}

const STYLE_OF: Partial<Record<string, QuoteStyle>> = {
	[Scalar.QUOTE_SINGLE]: 'single',
	[Scalar.QUOTE_DOUBLE]: 'double',
};

/** The edits, and each written key as the note spells it (a new key: as the preset spells it). */
export interface PlannedUpdates {
	edits: TextEdit[];
	written: FieldUpdate[];
}

/**
 * Turns "key should now be value" into minimal text edits: an existing value is replaced at its exact
 * source range; a missing key is appended before the closing `---` (or a `...` end marker), in the
 * order given. Nothing else in the note is touched. Returns a refusal when a key holds something
 * other than a single plain value.
 */
export function planUpdates(
	text: string,
	block: FrontmatterBlock,
	map: YAMLMap<unknown, unknown>,
	updates: readonly FieldUpdate[],
): PlannedUpdates | Refusal {
	const edits: TextEdit[] = [];
	const written: FieldUpdate[] = [];
	const appended: string[] = [];
	for (const { key, value } of updates) {
		const pair = findPair(map, key);
		if (!pair) {
			appended.push(`${indentOf(text, block, map)}${keySource(key)}: ${scalarSource(value, 'plain')}${block.eol}`);
			written.push({ key, value });
			continue;
		}
		const node = pair.value;
		const name = keyName(pair) ?? key;
		if (isAlias(node)) {
			return refusal('alias', { key: name, name: node.source }, name);
		}
		const tag = isScalar(node) && node.tag ? node.tag.replace('tag:yaml.org,2002:', '!!') : null;
		if (tag && !tagFits(tag, value)) {
			return refusal('tagged-value', { key: name, tag }, name);
		}
		// "? key" with no ": value": an explicit key, which YAML reads as holding nothing at all.
		if (node === null || node === undefined) return refusal('explicit-key', { key: name }, name);
		if (!isScalar(node) || !node.range) {
			return refusal('not-a-single-value', { key: name }, name);
		}
		written.push({ key: name, value });
		if (node.value === value) continue;
		edits.push(replaceValue(text, block, node, value));
	}
	if (appended.length > 0) edits.push({ from: block.insertAt, to: block.insertAt, insert: appended.join('') });
	return { edits, written };
}

/** A value keeps its tag when the new value is of the tag's type ("!!str" over text, say). */
function tagFits(tag: string, value: ScalarValue): boolean {
	if (tag === '!!str') return typeof value === 'string';
	if (tag === '!!int') return Number.isInteger(value);
	if (tag === '!!float') return typeof value === 'number';
	if (tag === '!!bool') return typeof value === 'boolean';
	return false;
}

function replaceValue(text: string, block: FrontmatterBlock, node: Scalar, value: ScalarValue): TextEdit {
	const [start, valueEnd] = node.range ?? [0, 0];
	const from = block.start + start;
	let to = block.start + valueEnd;
	// Block scalars own their trailing line breaks; those stay, the scalar becomes one line.
	while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
	const source = scalarSource(value, STYLE_OF[node.type ?? ''] ?? 'plain');
	if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
		// A comment on the header line ("key: | # note") is the learner's: it stays after the new value,
		// with the spaces or tabs that stood before it.
		const headerEnd = text.indexOf('\n', from);
		const header = text.slice(from, headerEnd < 0 ? to : headerEnd).replace(/\r$/, '');
		const comment = /[ \t]+#.*$/.exec(header)?.[0];
		return { from, to, insert: comment ? `${source}${comment}` : source };
	}
	if (from !== to) return { from, to, insert: source };
	// An empty value has a zero-width range after the colon and any spaces: "key:" needs a space before
	// the value, and a comment right after it ("key: # note") needs one after.
	const before = text[from - 1] === ':' ? ' ' : '';
	const after = text[from] === '#' ? ' ' : '';
	return { from, to, insert: `${before}${source}${after}` };
}

/** New keys line up with the first existing one (top-level maps are almost always at column 0). */
function indentOf(text: string, block: FrontmatterBlock, map: YAMLMap<unknown, unknown>): string {
	const first = map.items[0];
	const keyStart = isScalar(first?.key) && first.key.range ? block.start + first.key.range[0] : null;
	if (keyStart === null) return '';
	const indent = text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
	return /^ *$/.test(indent) ? indent : '';
}

/**
 * The last guard before a write: the new frontmatter must parse cleanly, every written key must read
 * back as its new value, and every other key as its old value. Anything else is refused, never written.
 */
export function verifyWrite(
	doc: Document.Parsed,
	text: string,
	block: FrontmatterBlock,
	planned: PlannedUpdates,
): { ok: true; text: string } | { ok: false; refusal: Refusal } {
	const unsafe = (why: UnsafeWhy, key?: string) => ({ ok: false as const, refusal: refusal('unsafe-write', key === undefined ? { why } : { why, key }) });
	const { edits, written } = planned;
	let next: string;
	try {
		next = applyEdits(text, edits);
	} catch {
		return unsafe('bad-edit');
	}
	const before = doc.toJS() as Record<string, unknown>;
	const insertedLength = edits.reduce((sum, e) => sum + e.insert.length - (e.to - e.from), 0);
	const after = parseDocument(next.slice(block.start, block.end + insertedLength), PARSE_OPTIONS);
	if (after.errors.length > 0) return unsafe('unparseable');
	const json = after.toJS() as unknown;
	if (typeof json !== 'object' || json === null) return unsafe('not-a-map');
	const problem = readBackProblem(new Map(Object.entries(before)), new Map(Object.entries(json)), written);
	return problem ? unsafe(problem.why, problem.key) : { ok: true, text: next };
}

/**
 * The read-back rule both recompute paths apply to a result, before and after as key → value: every
 * written key reads back as its new value, every other key as before (compared as JSON), and no key
 * is gained or lost. Null when it holds.
 */
export function readBackProblem(
	before: ReadonlyMap<string, unknown>,
	after: ReadonlyMap<string, unknown>,
	written: readonly FieldUpdate[],
): { why: UnsafeWhy; key?: string } | null {
	const expected = new Map(written.map((u) => [u.key, u.value]));
	for (const [name, old] of before) {
		if (expected.has(name)) continue;
		if (JSON.stringify(after.get(name) ?? null) !== JSON.stringify(old ?? null)) return { why: 'key-would-change', key: name };
	}
	const keyCount = new Set([...before.keys(), ...expected.keys()]).size;
	if (after.size !== keyCount) return { why: 'keys-would-change' };
	for (const [key, value] of expected) {
		if (after.get(key) !== value) return { why: 'no-read-back', key };
	}
	return null;
}
