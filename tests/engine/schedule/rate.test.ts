import { describe, expect, it } from 'vitest';
import { computeSchedule, learningRate, progressBar, RATE_FORMULAS, rateText } from '../../../src/engine';
import { buildStages } from '../../../src/engine/schedule/stages';

const STAGES = buildStages([1, 4, 7, 14], 30);
const statuses = (done: string[]) =>
	computeSchedule(new Date(2024, 0, 1), new Date(2024, 0, 1), STAGES, new Map(done.map((id) => [id, true]))).stages;

describe('learning rate', () => {
	it.each([
		[[], 0, 0],
		[['1'], 0.2, 0.2],
		[['1', '4', '7', '14'], 0.8, 0.6],
		[['14'], 0.2, 0],
		[['1', '4', '7', '14', 'long-term'], 1, 0.8],
		[['1', '4', '7', 'long-term'], 0.8, 0.8],
	])('with %j done: milestones %d, template %d', (done, milestones, template) => {
		expect(learningRate(RATE_FORMULAS.milestones, statuses(done))).toBeCloseTo(milestones, 10);
		expect(learningRate(RATE_FORMULAS.template, statuses(done))).toBeCloseTo(template, 10);
	});

	it('writes the shortest decimal with at most two places', () => {
		expect([0, 0.2, 0.6000000000000001, 1, 1 / 3, 0.125, 0.995].map(rateText)).toEqual(['0', '0.2', '0.6', '1', '0.33', '0.13', '0.99']);
	});

	it('draws the bar with rounded cells and percent', () => {
		const style = { filled: '🟩', empty: '⬜', width: 10 };
		expect(progressBar(0.6000000000000001, style)).toBe('🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%');
		expect(progressBar(0, style)).toBe('⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜ 0%');
		expect(progressBar(1, style)).toBe('🟩🟩🟩🟩🟩🟩🟩🟩🟩🟩 100%');
		expect(progressBar(1 / 3, { filled: '#', empty: '-', width: 4 })).toBe('#--- 33%');
	});
});
