import type { Locale } from 'date-fns';
import { type BarStyle, formatDate, ISO_DATE_FORMAT, percentText, progressBar, rateText, type Schedule, type StageId, type StageStatus } from '../schedule';
import { settingsProblem, type SettingsProblem } from '../frontmatter';

/**
 * Field templates: literal text with placeholders, never evaluated as code.
 *
 *   {{name}}  {{name:stage}}  {{name|arg}}  {{name:stage|arg|arg}}
 *
 * e.g. "🥉4일뒤 : {{due:4|yyyy/MM/dd}}", "{{done:1|1|0}}", "{{now|'@'yyyy'년' M'월' d'일' a h:mm}}".
 * Date arguments are date-fns format patterns, rendered in the preset's locale.
 */
export interface TemplateContext {
	schedule: Schedule;
	now: Date;
	rate: number;
	bar: BarStyle;
	locale: Locale;
}

type ArgKind = 'none' | 'date-format' | 'pair';

interface PlaceholderDef {
	stage: boolean;
	args: ArgKind;
	render: (ctx: TemplateContext, args: readonly string[], stage: StageStatus | undefined) => string;
}

const dateArg = (args: readonly string[]) => args[0] ?? ISO_DATE_FORMAT;

/** Every placeholder a template may use. Adding one is adding a row. */
export const PLACEHOLDERS: Record<string, PlaceholderDef> = {
	first: {
		stage: false,
		args: 'date-format',
		render: (ctx, args) => formatDate(ctx.schedule.first, dateArg(args), ctx.locale),
	},
	today: {
		stage: false,
		args: 'date-format',
		render: (ctx, args) => formatDate(ctx.schedule.today, dateArg(args), ctx.locale),
	},
	now: {
		stage: false,
		args: 'date-format',
		render: (ctx, args) => formatDate(ctx.now, dateArg(args), ctx.locale),
	},
	due: {
		stage: true,
		args: 'date-format',
		render: (ctx, args, stage) => (stage ? formatDate(stage.due, dateArg(args), ctx.locale) : ''),
	},
	next: {
		stage: false,
		args: 'date-format',
		render: (ctx, args) => (ctx.schedule.current ? formatDate(ctx.schedule.current.due, dateArg(args), ctx.locale) : ''),
	},
	days: {
		stage: false,
		args: 'none',
		render: (ctx) => String(ctx.schedule.dayCount),
	},
	done: {
		stage: true,
		args: 'pair',
		render: (_ctx, args, stage) => (stage?.done ? (args[0] ?? '1') : (args[1] ?? '0')),
	},
	rate: { stage: false, args: 'none', render: (ctx) => rateText(ctx.rate) },
	percent: { stage: false, args: 'none', render: (ctx) => percentText(ctx.rate) },
	bar: { stage: false, args: 'none', render: (ctx) => progressBar(ctx.rate, ctx.bar) },
};

/** The placeholder whose value carries a time of day. */
export const NOW_PLACEHOLDER = 'now';

type Part = { kind: 'text'; text: string } | { kind: 'slot'; name: string; stageId?: StageId; args: string[] };

export interface CompiledTemplate {
	source: string;
	parts: Part[];
	usesNow: boolean;
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; error: SettingsProblem };

const SLOT = /\{\{([^{}]*)\}\}/g;
const SAMPLE_DATE = new Date(2024, 9, 27, 14, 0);

export function compileTemplate(source: string, stageIds: readonly StageId[], locale: Locale): CompileResult {
	if (/[\r\n]/.test(source)) return { ok: false, error: settingsProblem('template-multiline') };
	const parts: Part[] = [];
	let last = 0;
	for (const match of source.matchAll(SLOT)) {
		const index = match.index;
		if (index > last) parts.push({ kind: 'text', text: source.slice(last, index) });
		const slot = parseSlot(match[1] ?? '', stageIds, locale);
		if ('code' in slot) return { ok: false, error: slot };
		parts.push(slot);
		last = index + match[0].length;
	}
	if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
	const stray = parts.find((p) => p.kind === 'text' && (p.text.includes('{{') || p.text.includes('}}')));
	if (stray) return { ok: false, error: settingsProblem('template-braces', { source }) };
	const usesNow = parts.some((p) => p.kind === 'slot' && p.name === NOW_PLACEHOLDER);
	return { ok: true, template: { source, parts, usesNow } };
}

function parseSlot(body: string, stageIds: readonly StageId[], locale: Locale): Part | SettingsProblem {
	const [head = '', ...args] = body.split('|');
	const colon = head.indexOf(':');
	const name = (colon < 0 ? head : head.slice(0, colon)).trim();
	const stageId = colon < 0 ? undefined : head.slice(colon + 1).trim();
	const shown = `{{${body}}}`;
	const def = PLACEHOLDERS[name];
	if (!def) {
		return settingsProblem('template-unknown-placeholder', { placeholder: shown, known: Object.keys(PLACEHOLDERS).join(', ') });
	}
	if (def.stage && stageId === undefined) return settingsProblem('template-needs-stage', { placeholder: shown, example: `{{${name}:4}}` });
	if (!def.stage && stageId !== undefined) return settingsProblem('template-no-stage', { placeholder: shown, example: `{{${name}}}` });
	if (stageId !== undefined && !stageIds.includes(stageId)) {
		return settingsProblem('template-unknown-stage', { placeholder: shown, stage: stageId, stages: stageIds.join(', ') });
	}
	const argError = checkArgs(def.args, args, shown, locale);
	if (argError) return argError;
	return stageId === undefined ? { kind: 'slot', name, args } : { kind: 'slot', name, stageId, args };
}

function checkArgs(kind: ArgKind, args: readonly string[], shown: string, locale: Locale): SettingsProblem | null {
	if (kind === 'none' && args.length > 0) return settingsProblem('template-no-arguments', { placeholder: shown });
	if (kind === 'pair' && args.length !== 0 && args.length !== 2) {
		return settingsProblem('template-two-values', { placeholder: shown });
	}
	if (kind === 'date-format') {
		if (args.length > 1) return settingsProblem('template-one-format', { placeholder: shown });
		const pattern = args[0];
		if (pattern !== undefined) {
			try {
				formatDate(SAMPLE_DATE, pattern, locale);
			} catch (e) {
				return settingsProblem('template-bad-format', { placeholder: shown, pattern, detail: (e as Error).message });
			}
		}
	}
	return null;
}

export function renderTemplate(template: CompiledTemplate, ctx: TemplateContext): string {
	return template.parts.map((part) => (part.kind === 'text' ? part.text : renderSlot(part, ctx))).join('');
}

function renderSlot(slot: Extract<Part, { kind: 'slot' }>, ctx: TemplateContext): string {
	const def = PLACEHOLDERS[slot.name];
	const stage = slot.stageId === undefined ? undefined : ctx.schedule.stages.find((s) => s.stage.id === slot.stageId);
	return def ? def.render(ctx, slot.args, stage) : '';
}

/**
 * A date-fns pattern that reads back a value rendered from this template: {{now}} keeps its format,
 * every other part becomes quoted literal text. Used to tell whether a "now" field was written today.
 */
export function readBackPattern(template: CompiledTemplate, ctx: TemplateContext): string {
	return template.parts
		.map((part) => {
			if (part.kind === 'slot' && part.name === NOW_PLACEHOLDER) return dateArg(part.args);
			const text = part.kind === 'text' ? part.text : renderSlot(part, ctx);
			return text === '' ? '' : `'${text.replace(/'/g, "''")}'`;
		})
		.join('');
}
