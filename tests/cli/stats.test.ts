import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from './capture';
import { DEFAULT_HISTORY_FOLDER, KO_CHECKBOXES, writeIn } from './vault-folder';
import { HISTORY_IN_CONFIG } from '../../src/cli/stats-command';
import { historyLine, type HistoryEntry, type ReviewAction } from '../../src/engine';

let vault: string;

const write = (path: string, text: string) => writeIn(vault, path, text);

function note(first: string, done: number): string {
	return `---\n❕첫 학습날: ${first}\n${KO_CHECKBOXES.map((key, i) => `${key}: ${i < done}`).join('\n')}\n---\nbody\n`;
}
const entry = (at: string, path: string, stage: number | string, due: string, action: ReviewAction = 'done'): HistoryEntry => ({ at, path, stage, due, action });

const cli = cliAt(new Date(2024, 9, 27, 14, 0));

beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), 'fc-stats-'));
	write('a.md', note('2024-10-20', 0)); // 1-day review due 10-21: overdue
	write('b.md', note('2024-10-26', 0)); // 1-day review due today
	write('topics/c.md', note('2024-10-01', 4)); // long-term, due 10-31
	write('topics/d.md', note('2024-09-01', 5)); // finished
	write('e.md', note('2024-10-25', 1)); // 4-day review due 10-29
	write('plain.md', '# not a review note\n');
	// Two devices' journals with interleaved entries, a broken line, an undo and a rename.
	write(
		`${DEFAULT_HISTORY_FOLDER}/phone.jsonl`,
		[
			entry('2024-10-25T08:00:00+09:00', 'old/c.md', 14, '2024-10-15'), // 10 days late
			entry('2024-10-26T21:00:00+09:00', 'e.md', 1, '2024-10-26'),
			entry('2024-10-27T09:00:00+09:00', 'a.md', 1, '2024-10-21', 'snooze'),
		]
			.map(historyLine)
			.join('') + '{"at":"2024-10-27T09:0\n',
	);
	write(
		`${DEFAULT_HISTORY_FOLDER}/laptop.jsonl`,
		[
			entry('2024-10-24T23:00:00+09:00', 'd.md', 'long-term', '2024-10-01'),
			entry('2024-10-24T23:10:00+09:00', 'd.md', 'long-term', '2024-10-01', 'undo'),
			{ at: '2024-10-26T10:00:00+09:00', action: 'rename', from: 'old/c.md', path: 'topics/c.md' } as HistoryEntry,
			entry('2024-10-26T11:00:00+09:00', 'topics/c.md', 7, '2024-10-08'), // 18 days late
			entry('2024-10-27T07:00:00+09:00', 'b.md', 1, '2024-10-27'),
		]
			.map(historyLine)
			.join(''),
	);
});

describe('stats', () => {
	it('gives exactly the defined figures as JSON, reporting the broken line on stderr', () => {
		const settings = join(vault, '..', `data-${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(settings, JSON.stringify({ snoozes: { 'a.md': { stage: '1', until: '2024-10-29' } } }));
		// A second config folder (another device's) holding an older, shorter copy of the laptop's file: read once.
		write(`.obsidian-mobile/${HISTORY_IN_CONFIG}/laptop.jsonl`, historyLine(entry('2024-10-24T23:00:00+09:00', 'd.md', 'long-term', '2024-10-01')));
		const { code, out, err } = cli('stats', vault, '--today', '2024-10-27', '--settings', settings, '--json');
		expect(code).toBe(0);
		expect(JSON.parse(out)).toEqual({
			today: '2024-10-27',
			reviewsByDay: { '2024-10-25': 1, '2024-10-26': 2, '2024-10-27': 1 },
			currentStreakDays: 3,
			longestStreakDays: 3,
			onTimeRate: 0.5,
			stageCounts: { '1': 2, '4': 1, '7': 0, '14': 0, 'long-term': 1, finished: 1 },
			// b today; a snoozed to the 29th, e due the 29th; c's long-term on the 31st.
			forecast: [1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
			recall: { average: expect.any(Number) as number, atRisk: expect.any(Array) as unknown[] },
		});
		expect(Object.keys(JSON.parse(out) as object)).toEqual(['today', 'reviewsByDay', 'currentStreakDays', 'longestStreakDays', 'onTimeRate', 'stageCounts', 'forecast', 'recall']);
		// Predicted recall: the five notes, lowest first; the average is theirs; each is what --note says of it.
		const { recall } = JSON.parse(out) as { recall: { average: number; atRisk: { path: string; recall: number }[] } };
		expect(recall.atRisk.map((r) => r.path).sort()).toEqual(['a.md', 'b.md', 'e.md', 'topics/c.md', 'topics/d.md']);
		expect(recall.atRisk.map((r) => r.recall)).toEqual([...recall.atRisk.map((r) => r.recall)].sort((x, y) => x - y));
		expect(recall.average).toBeCloseTo(recall.atRisk.reduce((sum, r) => sum + r.recall, 0) / 5, 12);
		for (const { path, recall: value } of recall.atRisk) {
			const one = JSON.parse(cli('stats', vault, '--today', '2024-10-27', '--settings', settings, '--note', path, '--json').out) as { recall: number };
			expect([path, one.recall]).toEqual([path, value]);
		}
		// a.md: studied 10-20, its 1-day review six days overdue: the lowest; b.md, studied yesterday, recalls better.
		expect(recall.atRisk[0]?.path).toBe('a.md');
		expect(recall.atRisk.find((r) => r.path === 'b.md')?.recall).toBeGreaterThan(recall.atRisk[0]!.recall);
		expect(err).toBe('warning: phone.jsonl: skipped 1 broken line (line 4)\n');
	});

	it('--note gives one note\'s predicted recall today and at its next review', () => {
		const text = cli('stats', vault, '--today', '2024-10-27', '--note', 'e.md');
		expect(text.out).toMatch(/^e\.md: predicted recall today \d+% \(FSRS estimate\); at its 4d review on 2024-10-29: \d+%\n$/);
		const today = Number(/today (\d+)%/.exec(text.out)?.[1]);
		const next = Number(/2024-10-29: (\d+)%/.exec(text.out)?.[1]);
		expect(next).toBeLessThan(today);
		expect(cli('stats', vault, '--today', '2024-10-27', '--note', 'topics/d.md').out).toContain('every review is done');
		const missing = cli('stats', vault, '--today', '2024-10-27', '--note', 'plain.md');
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('plain.md is not a review note');
		expect(cli('due', vault, '--note', 'e.md').code).toBe(2);
	});

	it('without the snooze, the overdue review counts on today; an empty history gives null rate and zero streaks', () => {
		const { out } = cli('stats', vault, '--today', '2024-10-27', '--history', join(vault, 'topics'), '--json');
		expect(JSON.parse(out)).toMatchObject({ reviewsByDay: {}, currentStreakDays: 0, longestStreakDays: 0, onTimeRate: null, forecast: [2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
	});

	it('prints a readable summary, and refuses a --history that does not exist or goes with another command', () => {
		const text = cli('stats', vault, '--today', '2024-10-27');
		expect(text.out).toContain('Streak: 3 days (longest 3 days)');
		expect(text.out).toContain('On time: 50% (2 late, 14.0 days on average)');
		expect(text.out).toContain('Notes by stage: 1d 2 · 4d 1 · 7d 0 · 14d 0 · long-term 1 · finished 1');
		expect(cli('stats', vault, '--history', join(vault, 'nowhere')).code).toBe(2);
		expect(cli('due', vault, '--history', vault).code).toBe(2);
	});
});
