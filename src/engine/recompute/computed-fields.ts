import { isSameDay } from 'date-fns';
import { type Clock, computeSchedule, learningRate, parseWithPattern, type Schedule } from '../schedule';
import type { FieldUpdate, ScalarValue } from '../frontmatter';
import { type FrontmatterLookup, readInputs, type ReviewInputs } from './inputs';
import { type CompiledField, readBackPattern, renderTemplate, type ReviewConfig, type TemplateContext } from '../config';

export function scheduleFor(inputs: ReviewInputs, config: ReviewConfig, clock: Clock): Schedule {
	return computeSchedule(inputs.first, clock.today, config.stages, inputs.done);
}

/**
 * A review note's schedule and the value each computed field should have, read from any lookup (the
 * fast path's reader, Obsidian's metadata cache); null for a note that is not a review note or whose
 * inputs are refused (the full path says why).
 */
export function fieldUpdatesFor(lookup: FrontmatterLookup, config: ReviewConfig, clock: Clock): { schedule: Schedule; updates: FieldUpdate[] } | null {
	const inputs = readInputs(lookup, config);
	if (inputs.kind !== 'ok') return null;
	const schedule = scheduleFor(inputs.inputs, config, clock);
	return { schedule, updates: computedFieldUpdates(lookup, schedule, config, clock) };
}

/** The value every computed field should have for this schedule; `existing` reads a key's scalar now. */
export function computedFieldUpdates(existing: (key: string) => unknown, schedule: Schedule, config: ReviewConfig, clock: Clock): FieldUpdate[] {
	const ctx: TemplateContext = {
		schedule,
		now: clock.now,
		rate: learningRate(config.rate, schedule.stages),
		bar: config.bar,
		locale: config.locale,
	};
	return config.fields
		.filter((field) => !(field.template.usesNow && writtenToday(field, existing(field.key), ctx)))
		.map((field) => ({ key: field.key, value: typedValue(field, renderTemplate(field.template, ctx)) }));
}

/** A "now" field keeps its time of day until the date changes, so a note opened twice a day is written once. */
function writtenToday(field: CompiledField, text: unknown, ctx: TemplateContext): boolean {
	if (typeof text !== 'string') return false;
	const parsed = parseWithPattern(text, readBackPattern(field.template, ctx), ctx.schedule.today, ctx.locale);
	return parsed !== null && isSameDay(parsed, ctx.schedule.today);
}

function typedValue(field: CompiledField, rendered: string): ScalarValue {
	return field.type === 'number' && /^-?\d+(\.\d+)?$/.test(rendered) ? Number(rendered) : rendered;
}
