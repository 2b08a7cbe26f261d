import { stringify } from 'yaml';
import type { ReviewConfig } from '../config';

/** Which notes count, as the settings say: folders (with their subfolders) and a tag. */
export interface ReviewScope {
	includeFolders: readonly string[];
	excludeFolders: readonly string[];
	/** Without '#'; empty for none. */
	tag: string;
}

/** Names shown in the base, in the learner's language (the plugin passes them from its locale tables). */
export interface ReviewBaseNames {
	table: string;
	schedule: string;
	nextReview: string;
	daysSince: string;
}

/** The formulas' ids in the base (`formula.next_review`): plain words, as Bases names formulas. */
export const BASE_FORMULA = { nextReview: 'next_review', daysSince: 'days_since_first_study' } as const;

/** A string in Bases' formula language: a double-quoted literal with JSON's escapes. */
const literal = (text: string) => JSON.stringify(text);
/** A note property in an expression, written `note["…"]` so keys with spaces, Korean or emoji work. */
const property = (key: string) => `note[${literal(key)}]`;

/**
 * The next review in Bases' own formula language: the first-study date plus the days of the first
 * stage whose checkbox is not ticked, as the engine's schedule has it; null once every stage is done.
 * `date()` reads the property whether Obsidian typed it as a date or as text. Only functions Bases
 * has today (no `dateModify`, gone since 1.9.2).
 */
export function nextReviewFormula(config: Pick<ReviewConfig, 'stages' | 'checkboxKeys' | 'firstStudyKey'>): string {
	const first = `date(${property(config.firstStudyKey)})`;
	return config.stages.reduceRight((otherwise, stage) => {
		const box = config.checkboxKeys.get(stage.id) ?? '';
		return `if(${property(box)} != true, ${first} + ${literal(`${stage.days}d`)}, ${otherwise})`;
	}, 'null');
}

/** Whole days from the first study to today, as the template's day count. */
export function daysSinceFormula(config: Pick<ReviewConfig, 'firstStudyKey'>): string {
	return `(today() - date(${property(config.firstStudyKey)})).days`;
}

/** The filter for review notes: the first-study key present, inside the included folders, outside the excluded ones, with the tag. */
function scopeFilter(config: Pick<ReviewConfig, 'firstStudyKey'>, scope: ReviewScope): { and: unknown[] } {
	const and: unknown[] = [`file.hasProperty(${literal(config.firstStudyKey)})`];
	if (scope.includeFolders.length > 0) and.push({ or: scope.includeFolders.map((folder) => `file.inFolder(${literal(folder)})`) });
	if (scope.excludeFolders.length > 0) and.push({ not: scope.excludeFolders.map((folder) => `file.inFolder(${literal(folder)})`) });
	if (scope.tag !== '') and.push(`file.hasTag(${literal(scope.tag)})`);
	return { and };
}

/** The computed field that holds the progress bar, if the template has one. */
function progressKey(config: Pick<ReviewConfig, 'fields'>): string | null {
	return config.fields.find((field) => field.template.parts.some((part) => part.kind === 'slot' && part.name === 'bar'))?.key ?? null;
}

/**
 * `Reviews.base`: the review notes (the settings' scope) in a table with the template's columns in
 * order — subject, first study, the checkboxes, next review, progress — sorted by next review, and a
 * "Review schedule" view (the plugin's Bases view). Only Bases' five top-level keys.
 */
export function reviewBaseText(config: ReviewConfig, scope: ReviewScope, names: ReviewBaseNames, scheduleViewType: string): string {
	const next = `formula.${BASE_FORMULA.nextReview}`;
	const since = `formula.${BASE_FORMULA.daysSince}`;
	const progress = progressKey(config);
	const order = [
		'file.name',
		...(config.subjectKey === null ? [] : [`note.${config.subjectKey}`]),
		`note.${config.firstStudyKey}`,
		...config.stages.map((stage) => `note.${config.checkboxKeys.get(stage.id) ?? ''}`),
		next,
		...(progress === null ? [] : [`note.${progress}`]),
		since,
	];
	const base = {
		filters: scopeFilter(config, scope),
		formulas: { [BASE_FORMULA.nextReview]: nextReviewFormula(config), [BASE_FORMULA.daysSince]: daysSinceFormula(config) },
		properties: { [next]: { displayName: names.nextReview }, [since]: { displayName: names.daysSince } },
		views: [
			{ type: 'table', name: names.table, order, sort: [{ property: next, direction: 'ASC' }] },
			{ type: scheduleViewType, name: names.schedule },
		],
	};
	return stringify(base, { lineWidth: 0 });
}
