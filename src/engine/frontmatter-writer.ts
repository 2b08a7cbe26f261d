import { isScalar, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { FrontmatterBlock } from './frontmatter-block';
import { findPair } from './frontmatter-yaml';
import { refusal, type Refusal } from './refusal';
import { applyEdits, type TextEdit } from './text-edits';
import { keySource, scalarSource, type QuoteStyle, type ScalarValue } from './yaml-scalar';

export interface FieldUpdate {
	key: string;
	value: ScalarValue;
}

const STYLE_OF: Partial<Record<string, QuoteStyle>> = {
	[Scalar.QUOTE_SINGLE]: 'single',
	[Scalar.QUOTE_DOUBLE]: 'double',
};

/**
 * Turns "key should now be value" into minimal text edits: an existing value is replaced at its exact
 * source range; a missing key is appended before the closing `---`, in the order given. Nothing else
 * in the note is touched. Returns a refusal when a key holds something other than a single value.
 */
export function planUpdates(
	text: string,
	block: FrontmatterBlock,
	map: YAMLMap<unknown, unknown>,
	updates: readonly FieldUpdate[],
): TextEdit[] | Refusal {
	const edits: TextEdit[] = [];
	const appended: string[] = [];
	for (const { key, value } of updates) {
		const pair = findPair(map, key);
		if (!pair) {
			appended.push(`${indentOf(text, block, map)}${keySource(key)}: ${scalarSource(value, 'plain')}${block.eol}`);
			continue;
		}
		const node = pair.value;
		if (!isScalar(node) || !node.range) {
			return refusal(
				'not-a-single-value',
				`"${key}" holds a list or map, but Forgetting Curve writes a single value there. Rename or remove that key.`,
				key,
			);
		}
		if (node.value === value) continue;
		edits.push(replaceValue(text, block, node, value));
	}
	if (appended.length > 0) edits.push({ from: block.end, to: block.end, insert: appended.join('') });
	return edits;
}

function replaceValue(text: string, block: FrontmatterBlock, node: Scalar, value: ScalarValue): TextEdit {
	const [start, valueEnd] = node.range ?? [0, 0];
	const from = block.start + start;
	let to = block.start + valueEnd;
	// Block scalars own their trailing line breaks; those stay, the scalar becomes one line.
	while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
	const source = scalarSource(value, STYLE_OF[node.type ?? ''] ?? 'plain');
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
 * The last guard before a write: the new frontmatter must parse cleanly, every updated key must read
 * back as its new value, and every other key as its old value. Anything else is refused, never written.
 */
export function verifyWrite(
	before: Record<string, unknown>,
	text: string,
	block: FrontmatterBlock,
	edits: readonly TextEdit[],
	updates: readonly FieldUpdate[],
): { ok: true; text: string } | { ok: false; refusal: Refusal } {
	const unsafe = (why: string) => ({
		ok: false as const,
		refusal: refusal('unsafe-write', `Forgetting Curve could not update this note without changing other content (${why}); nothing was written.`),
	});
	let next: string;
	try {
		next = applyEdits(text, edits);
	} catch (e) {
		return unsafe((e as Error).message);
	}
	const insertedLength = edits.reduce((sum, e) => sum + e.insert.length - (e.to - e.from), 0);
	const after = parseDocument(next.slice(block.start, block.end + insertedLength), { uniqueKeys: true, strict: true });
	if (after.errors.length > 0) return unsafe('the result would not parse');
	const expected = new Map(updates.map((u) => [u.key, u.value]));
	const afterValues = new Map<string, unknown>();
	const json = after.toJS() as unknown;
	if (typeof json !== 'object' || json === null) return unsafe('the result is not a map');
	for (const [k, v] of Object.entries(json)) afterValues.set(k, v);
	for (const [name, old] of Object.entries(before)) {
		if (expected.has(name)) continue;
		if (JSON.stringify(afterValues.get(name) ?? null) !== JSON.stringify(old ?? null)) return unsafe(`"${name}" would change`);
	}
	const keyCount = new Set([...Object.keys(before), ...expected.keys()]).size;
	if (afterValues.size !== keyCount) return unsafe('the set of keys would change');
	for (const [key, value] of expected) {
		if (afterValues.get(key) !== value) return unsafe(`"${key}" would not read back as ${JSON.stringify(value)}`);
	}
	return { ok: true, text: next };
}
