import { computeSchedule as compute, daysUntilDue, dueBucket, type Schedule } from '../../../src/engine';
import { buildStages } from '../../../src/engine/schedule/stages';

const STAGES = buildStages([1, 4, 7, 14], 30);

export function computeSchedule(first: Date, today: Date, done: Record<string, boolean>): Schedule {
	return compute(first, today, STAGES, new Map(Object.entries(done)));
}

export { daysUntilDue, dueBucket };
