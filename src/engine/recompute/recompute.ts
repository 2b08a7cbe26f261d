import type { Document, YAMLMap } from 'yaml';
import type { Clock, Schedule } from '../schedule';
import { type FieldUpdate, findFrontmatter, findPair, type FrontmatterBlock, parseFrontmatter, plainValue, planUpdates, refusal, type Refusal, unreadable, verifyWrite } from '../frontmatter';
import { type FrontmatterLookup, readInputs, type ReviewInputs } from './inputs';
import { managedKeys, type ReviewConfig } from '../config';
import { computedFieldUpdates, scheduleFor } from './computed-fields';
import { recomputeFlat } from './recompute-flat';
import type { RecomputeResult } from './recompute-result';

/** Owned by computed-fields.ts; here too, where callers of the engine have always found it. */
export { scheduleFor };

export type { RecomputeResult };

/** A note opened as a review note: its frontmatter parsed and its inputs read. */
export type OpenedNote =
	| { kind: 'not-review' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'ok'; block: FrontmatterBlock; doc: Document.Parsed; map: YAMLMap<unknown, unknown>; inputs: ReviewInputs };

export function openReviewNote(text: string, config: ReviewConfig): OpenedNote {
	return guarded(() => openUnguarded(text, config));
}

function openUnguarded(text: string, config: ReviewConfig): OpenedNote {
	const block = findFrontmatter(text);
	if (!block) return { kind: 'not-review' };
	const parsed = parseFrontmatter(text, block, managedKeys(config));
	if (parsed.kind === 'empty') return { kind: 'not-review' };
	if (parsed.kind === 'refused') {
		// Broken YAML in a note that never mentions our key is someone else's problem, not a review note's.
		const mentionsKey = text.slice(block.start, block.end).includes(config.firstStudyKey);
		return mentionsKey ? parsed : { kind: 'not-review' };
	}
	const lookup: FrontmatterLookup = (key) => plainValue(parsed.map, key);
	const inputs = readInputs(lookup, config);
	if (inputs.kind !== 'ok') return inputs;
	return { kind: 'ok', block, doc: parsed.doc, map: parsed.map, inputs: inputs.inputs };
}


/**
 * Recomputes every computed field of a review note and returns the minimal edits. A pure function of
 * (text, settings, clock), like a linter rule: no I/O, no Obsidian.
 */
export function recompute(text: string, config: ReviewConfig, clock: Clock): RecomputeResult {
	return guarded(() => recomputeFlat(text, config, clock) ?? recomputeParsed(text, config, clock));
}

/**
 * The full path: the frontmatter parsed by the yaml library, the edits planned on its nodes, the result
 * parsed again to verify it. Every note the fast path (recompute-flat.ts) does not take comes here.
 */
export function recomputeParsed(text: string, config: ReviewConfig, clock: Clock): RecomputeResult {
	return guarded(() => {
		const note = openReviewNote(text, config);
		if (note.kind !== 'ok') return note;
		const schedule = scheduleFor(note.inputs, config, clock);
		return writeUpdates(text, note, computedFieldUpdates((key) => scalarValueOf(note.map, key), schedule, config, clock), schedule);
	});
}

/** A key's value when it is a single scalar; undefined otherwise. */
export function scalarValueOf(map: YAMLMap<unknown, unknown>, key: string): unknown {
	const existing = findPair(map, key)?.value;
	return existing && typeof existing === 'object' && 'value' in existing ? existing.value : undefined;
}

/**
 * Whatever a note holds, reading it ends in a result: an exception from the YAML library (an alias
 * whose anchor is missing, a self-referencing anchor, an alias bomb, nesting deeper than the stack)
 * becomes a refusal of that note, never a crash of the run it is part of.
 */
export function guarded<T extends { kind: string }>(read: () => T | { kind: 'refused'; refusal: Refusal }): T | { kind: 'refused'; refusal: Refusal } {
	try {
		return read();
	} catch (e) {
		if (e instanceof RangeError) return { kind: 'refused', refusal: refusal('too-deep', { limit: 0 }) };
		if (e instanceof ReferenceError || /alias|circular/i.test((e as Error).message)) {
			return { kind: 'refused', refusal: refusal('alias-unresolved') };
		}
		return { kind: 'refused', refusal: unreadable(e) };
	}
}

/** Applies updates to an opened note, verified; shared by recompute and the commands that tick boxes. */
export function writeUpdates(
	text: string,
	note: Extract<OpenedNote, { kind: 'ok' }>,
	updates: readonly FieldUpdate[],
	schedule: Schedule,
): RecomputeResult {
	const planned = planUpdates(text, note.block, note.map, updates);
	if ('code' in planned) return { kind: 'refused', refusal: planned };
	if (planned.edits.length === 0) return { kind: 'unchanged', schedule };
	const verified = verifyWrite(note.doc, text, note.block, planned);
	if (!verified.ok) return { kind: 'refused', refusal: verified.refusal };
	return { kind: 'changed', text: verified.text, edits: planned.edits, schedule };
}
