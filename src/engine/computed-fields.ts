import { isSameDay } from 'date-fns';
import { parseWithPattern, type Clock } from './dates';
import type { FieldUpdate } from './frontmatter-writer';
import { learningRate } from './rate';
import type { Schedule } from './schedule';
import type { CompiledField, ReviewConfig } from './settings';
import { readBackPattern, renderTemplate, type TemplateContext } from './templates';
import type { ScalarValue } from './yaml-scalar';

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
