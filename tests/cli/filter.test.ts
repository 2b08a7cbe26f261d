import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from './capture';
import { readCalendar } from '../support/ical-events';
import { DEFAULT_HISTORY_FOLDER, KO_CHECKBOXES, writeIn } from './vault-folder';
import { historyLine } from '../../src/engine';

let vault: string;

const write = (path: string, text: string) => writeIn(vault, path, text);

const K8S = '쿠버네티스';
function note(first: string, subject: string | null, extra = '', body = 'body'): string {
	return `---\n❕첫 학습날: ${first}\n${subject === null ? '' : `❕과목: ${subject}\n`}${KO_CHECKBOXES.map((key) => `${key}: false`).join('\n')}\n${extra}---\n${body}\n`;
}

const cli = cliAt(new Date(2024, 9, 27, 14, 0));

beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), 'fc-filter-'));
	write('공부/pods.md', note('2024-10-26', K8S, 'tags: [k8s]\n')); // due today
	write('공부/services.md', note('2024-10-20', K8S.normalize('NFD'))); // overdue, the subject in NFD
	write('kafka.md', note('2024-10-26', 'Kafka', '', 'Read #infra/queues')); // due today
	write('later.md', note('2024-10-27', 'kafka')); // due tomorrow
	write(`${DEFAULT_HISTORY_FOLDER}/phone.jsonl`, `${historyLine({ at: '2024-10-26T09:00:00+09:00', path: 'kafka-old.md', stage: 1, due: '2024-10-26', action: 'done' })}\n${historyLine({ at: '2024-10-26T09:00:00+09:00', path: '공부/services.md', stage: 1, due: '2024-10-21', action: 'done' })}\n`);
});

describe('due and stats by subject, folder and tag', () => {
	it('due --subject lists one subject, its NFC and NFD spellings as one', () => {
		const { code, out } = cli('due', vault, '--subject', K8S, '--today', '2024-10-27');
		expect(code).toBe(0);
		expect(out).toContain(`Only subject "${K8S}": 2 review notes`);
		expect(out).toContain('Overdue (1)\n  공부/services.md');
		expect(out).toContain('Due today (1)\n  공부/pods.md');
		expect(out).not.toContain('kafka');
	});

	it('due --subject Kafka (any case), --folder, --tag (nested, inline), and two kinds together', () => {
		const json = (...args: string[]) => JSON.parse(cli('due', vault, '--json', '--today', '2024-10-27', ...args).out) as { filter: unknown; overdue: { path: string }[]; dueToday: { path: string }[]; upcoming: { path: string }[] };
		const paths = (...args: string[]) => {
			const r = json(...args);
			return [...r.overdue, ...r.dueToday, ...r.upcoming].map((e) => e.path);
		};
		expect(paths('--subject', 'KAFKA')).toEqual(['kafka.md', 'later.md']);
		expect(json('--subject', 'KAFKA').filter).toEqual([{ kind: 'subject', value: 'KAFKA' }]);
		expect(paths('--folder', '공부')).toEqual(['공부/services.md', '공부/pods.md']);
		expect(paths('--tag', '#infra')).toEqual(['kafka.md']);
		expect(paths('--tag', 'k8s')).toEqual(['공부/pods.md']);
		expect(paths('--subject', K8S, '--subject', 'kafka')).toHaveLength(4);
		expect(paths('--subject', K8S, '--tag', 'k8s')).toEqual(['공부/pods.md']);
	});

	it('a filter that picks no note says so and names the values the notes have', () => {
		const { code, out } = cli('due', vault, '--subject', 'Kubernetes', '--today', '2024-10-27');
		expect(code).toBe(0);
		expect(out).toContain('No review note has subject "Kubernetes".\nSubjects: Kafka (2), 쿠버네티스 (2)\n');
	});

	it('a filter with nothing due says how to see every note', () => {
		const { out } = cli('due', vault, '--subject', 'Kafka', '--today', '2024-10-10');
		expect(out).toContain('Nothing due for subject "Kafka" in the next 7 days. Leave out --subject, --folder and --tag to see every note.');
	});

	it('stats --subject counts only those notes and their reviews', () => {
		const all = JSON.parse(cli('stats', vault, '--json', '--today', '2024-10-27').out) as { stageCounts: Record<string, number>; reviewsByDay: Record<string, number>; recall: { atRisk: { path: string }[] } };
		const k8s = JSON.parse(cli('stats', vault, '--json', '--today', '2024-10-27', '--subject', K8S.normalize('NFD')).out) as typeof all;
		expect(Object.values(all.stageCounts).reduce((a, b) => a + b)).toBe(4);
		expect(Object.values(k8s.stageCounts).reduce((a, b) => a + b)).toBe(2);
		expect(all.reviewsByDay).toEqual({ '2024-10-26': 2 });
		expect(k8s.reviewsByDay).toEqual({ '2024-10-26': 1 });
		expect(k8s.recall.atRisk.map((n) => n.path).sort()).toEqual(['공부/pods.md', '공부/services.md']);
		expect(cli('stats', vault, '--today', '2024-10-27', '--tag', 'k8s').out).toContain('Only tag #k8s: 1 review note\n');
	});

	it("the daily reminder's text lists the day's notes under their subjects", () => {
		const out = join(vault, 'reviews.ics');
		expect(cli('calendar', vault, '--out', out, '--today', '2024-10-27').code).toBe(0);
		const [today] = readCalendar(readFileSync(out, 'utf8'));
		const lines = today?.description?.split('\n').filter((line) => !line.startsWith('  ') && line !== '');
		expect(lines?.slice(1)).toEqual([`${K8S} (2)`, '• services · 1-day review', '• pods · 1-day review', 'Kafka (1)', '• kafka · 1-day review']);
	});

	it('refuses a filter where it means nothing, and an empty value', () => {
		expect(cli('recompute', vault, '--subject', 'x').code).toBe(2);
		expect(cli('due', vault, '--subject', ' ').err).toContain('--subject needs a value.');
		expect(cli('stats', vault, '--note', 'kafka.md', '--tag', 'x').err).toContain('--note shows one note');
	});
});
