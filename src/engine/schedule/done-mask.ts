import { learningRate, type RateFormula } from './rate';
import type { Stage, StageId } from './stages';

/**
 * A note's schedule as integers, for lists of many notes (the due index, the calendar, the due list):
 * which reviews are done as a bit mask (bit i = stage i), due days as day numbers. The one owner of
 * these facts; the schedule with Dates (schedule.ts) is for a single note.
 */
export function isStageDone(mask: number, index: number): boolean {
	return (mask & (1 << index)) !== 0;
}

export function doneMaskOf(stages: readonly Stage[], done: ReadonlyMap<StageId, boolean>): number {
	return stages.reduce((mask, stage, i) => (done.get(stage.id) ? mask | (1 << i) : mask), 0);
}

/** The first stage not done, or -1 when all are. */
export function currentStageIndex(mask: number, stageCount: number): number {
	for (let i = 0; i < stageCount; i++) if (!isStageDone(mask, i)) return i;
	return -1;
}

/** A stage's due day: the first-study day plus the stage's days. */
export function dueDayOf(firstDay: number, stage: Pick<Stage, 'days'>): number {
	return firstDay + stage.days;
}

export function rateFromMask(formula: RateFormula, stages: readonly Stage[], mask: number): number {
	return learningRate(formula, stages.map((stage, i) => ({ stage, done: isStageDone(mask, i) })));
}
