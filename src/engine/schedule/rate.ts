import type { StageStatus } from './schedule';
import type { StageId } from './stages';

/**
 * Learning-rate formulas are data: which stages count and what each weighs.
 * `weight: 'even'` splits 1 evenly over the counted stages.
 */
export interface RateFormula {
	stages: 'all' | readonly StageId[];
	weight: number | 'even';
}

export const RATE_FORMULAS = {
	milestones: {
		stages: 'all',
		weight: 'even',
	},
	template: {
		stages: ['1', '4', '7', 'long-term'],
		weight: 0.2,
	},
} as const satisfies Record<string, RateFormula>;

export type RateFormulaId = keyof typeof RATE_FORMULAS;

/** The rate from which stages are done (a schedule's statuses, or stages with a done flag). */
export function learningRate(formula: RateFormula, statuses: readonly Pick<StageStatus, 'stage' | 'done'>[]): number {
	const counted = formula.stages === 'all' ? statuses : statuses.filter((s) => formula.stages.includes(s.stage.id));
	if (counted.length === 0) return 0;
	const weight = formula.weight === 'even' ? 1 / counted.length : formula.weight;
	const rate = counted.reduce((sum, s) => sum + (s.done ? weight : 0), 0);
	return Math.min(1, rate);
}

/** Shortest decimal with at most two places: 0, 0.2, 0.6, 1. */
export function rateText(rate: number): string {
	return String(Number(rate.toFixed(2)));
}

export interface BarStyle {
	filled: string;
	empty: string;
	width: number;
}

export function percentText(rate: number): string {
	return `${Math.round(rate * 100)}%`;
}

/** 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60% */
export function progressBar(rate: number, style: BarStyle): string {
	const filled = Math.min(style.width, Math.max(0, Math.round(rate * style.width)));
	return `${style.filled.repeat(filled)}${style.empty.repeat(style.width - filled)} ${percentText(rate)}`;
}
