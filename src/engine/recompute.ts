import { isSameDay } from 'date-fns';
import type { Document, YAMLMap } from 'yaml';
import { parseWithPattern, type Clock } from './dates';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter-block';
import { planUpdates, verifyWrite, type FieldUpdate } from './frontmatter-writer';
import { findPair, parseFrontmatter, plainValue } from './frontmatter-yaml';
import { readInputs, type FrontmatterLookup, type ReviewInputs } from './inputs';
import { learningRate } from './rate';
import { refusal, type Refusal } from './refusal';
import { computeSchedule, type Schedule } from './schedule';
import type { CompiledField, ReviewConfig } from './settings';
import { readBackPattern, renderTemplate, type TemplateContext } from './templates';
import type { TextEdit } from './text-edits';
import type { ScalarValue } from './yaml-scalar';

export type RecomputeResult =
	| { kind: 'not-review' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'unchanged'; schedule: Schedule }
	| { kind: 'changed'; text: string; edits: TextEdit[]; schedule: Schedule };

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
	const parsed = parseFrontmatter(text, block);
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

export function scheduleFor(inputs: ReviewInputs, config: ReviewConfig, clock: Clock): Schedule {
	return computeSchedule(inputs.first, clock.today, config.stages, inputs.done);
}

/**
 * Recomputes every computed field of a review note and returns the minimal edits. A pure function of
 * (text, settings, clock), like a linter rule: no I/O, no Obsidian.
 */
export function recompute(text: string, config: ReviewConfig, clock: Clock): RecomputeResult {
	return guarded(() => {
		const note = openReviewNote(text, config);
		if (note.kind !== 'ok') return note;
		const schedule = scheduleFor(note.inputs, config, clock);
		return writeUpdates(text, note, computedFieldUpdates(note.map, schedule, config, clock), schedule);
	});
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
		if (e instanceof RangeError) return { kind: 'refused', refusal: refusal('too-deep') };
		if (e instanceof ReferenceError || /alias|circular/i.test((e as Error).message)) {
			return { kind: 'refused', refusal: refusal('alias-unresolved') };
		}
		return { kind: 'refused', refusal: refusal('unreadable', { detail: (e as Error).message.split('\n')[0] ?? '' }) };
	}
}

/** The value every computed field should have for this schedule. */
export function computedFieldUpdates(map: YAMLMap<unknown, unknown>, schedule: Schedule, config: ReviewConfig, clock: Clock): FieldUpdate[] {
	const ctx: TemplateContext = {
		schedule,
		now: clock.now,
		rate: learningRate(config.rate, schedule.stages),
		bar: config.bar,
		locale: config.locale,
	};
	return config.fields
		.filter((field) => !(field.template.usesNow && writtenToday(field, map, ctx)))
		.map((field) => ({ key: field.key, value: typedValue(field, renderTemplate(field.template, ctx)) }));
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

/** A "now" field keeps its time of day until the date changes, so a note opened twice a day is written once. */
function writtenToday(field: CompiledField, map: YAMLMap<unknown, unknown>, ctx: TemplateContext): boolean {
	const existing = findPair(map, field.key)?.value;
	const text = existing && typeof existing === 'object' && 'value' in existing ? existing.value : undefined;
	if (typeof text !== 'string') return false;
	const parsed = parseWithPattern(text, readBackPattern(field.template, ctx), ctx.schedule.today, ctx.locale);
	return parsed !== null && isSameDay(parsed, ctx.schedule.today);
}

function typedValue(field: CompiledField, rendered: string): ScalarValue {
	return field.type === 'number' && /^-?\d+(\.\d+)?$/.test(rendered) ? Number(rendered) : rendered;
}
