/**
 * The fixed review schedule: interval stages (1, 4, 7, 14 days by default) and a long-term milestone.
 * Stage ids are what templates and presets refer to: the interval's day count ("4"), or "long-term".
 */
export const LONG_TERM = 'long-term';

export type StageId = string;

export interface Stage {
	id: StageId;
	/** Days after first study when the review is due. */
	days: number;
}

export function buildStages(intervals: readonly number[], longTermDays: number): Stage[] {
	return [...intervals.map((days) => ({ id: String(days), days })), { id: LONG_TERM, days: longTermDays }];
}

/** A stage as the CLI's JSON gives it: interval stages as numbers, the milestone as "long-term". */
export function stageJsonValue(id: StageId): number | string {
	return id === LONG_TERM ? id : Number(id);
}
