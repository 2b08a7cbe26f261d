import type { Clock } from '../schedule';
import { fieldUpdatesFor } from './computed-fields';
import { applyEdits, canonicalKey, type FieldUpdate, findFrontmatter, type FlatFrontmatter, keySource, overBudget, readBackProblem, readFlatFrontmatter, scalarSource, type TextEdit } from '../frontmatter';
import type { RecomputeResult } from './recompute-result';
import type { ReviewConfig } from '../config';

/**
 * Recompute's fast path, for frontmatter the flat reader takes (flat-frontmatter.ts): one hand read
 * instead of the yaml library's parse; "up to date" decided from the values read, with no rewrite
 * built; a change verified by reading the result again with the same reader, with the same checks as
 * the full path (every written key reads back as its new value, every other key as before, no key
 * more or less). Null whenever it is not sure: the caller then takes the full path, so every refusal
 * and every unusual note gets exactly the full path's answer.
 */
export function recomputeFlat(text: string, config: ReviewConfig, clock: Clock): RecomputeResult | null {
	const block = findFrontmatter(text);
	if (!block) return null;
	const yaml = text.slice(block.start, block.end);
	// A frontmatter over the read budget is the full path's to refuse; the flat reader hands the values
	// it carries to the yaml library, which must never see one nested past the budget.
	if (overBudget(yaml)) return null;
	const flat = readFlatFrontmatter(yaml);
	if (!flat) return null;
	// A key the engine reads or writes must hold a single-line scalar; a list there is the full path's.
	let readOpaque = false;
	const lookup = (key: string) => {
		const pair = flat.byKey.get(canonicalKey(key));
		if (pair?.opaque !== undefined) readOpaque = true;
		return pair?.value;
	};
	const computed = fieldUpdatesFor(lookup, config, clock);
	if (!computed || readOpaque) return null;
	const { schedule, updates } = computed;
	const edits: TextEdit[] = [];
	const written: FieldUpdate[] = [];
	const appended: string[] = [];
	for (const { key, value } of updates) {
		const pair = flat.byKey.get(canonicalKey(key));
		if (pair?.opaque !== undefined) return null;
		if (!pair) {
			// Keys sit at column 0 in what the flat reader takes, so a new one does too.
			appended.push(`${keySource(key)}: ${scalarSource(value, 'plain')}${block.eol}`);
			written.push({ key, value });
			continue;
		}
		written.push({ key: pair.key, value });
		if (pair.value === value) continue;
		edits.push({ from: block.start + pair.start, to: block.start + pair.end, insert: scalarSource(value, pair.style) });
	}
	if (appended.length > 0) edits.push({ from: block.insertAt, to: block.insertAt, insert: appended.join('') });
	if (edits.length === 0) return { kind: 'unchanged', schedule };
	const next = applyEdits(text, edits);
	const grown = edits.reduce((sum, e) => sum + e.insert.length - (e.to - e.from), 0);
	const after = readFlatFrontmatter(next.slice(block.start, block.end + grown));
	if (!after || readBackProblem(comparedValues(flat), comparedValues(after), written)) return null;
	return { kind: 'changed', text: next, edits, schedule };
}

/**
 * Each key's value as the read-back rule compares it (readBackProblem). A carried list or block is
 * never edited: it stands for its source, so it reads back the same only byte for byte.
 */
function comparedValues(flat: FlatFrontmatter): Map<string, unknown> {
	return new Map(flat.pairs.map((p) => [p.key, p.opaque !== undefined ? { carried: p.opaque } : p.value]));
}
