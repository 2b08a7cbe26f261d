import { describe, expect, it, vi } from 'vitest';
import type { ProblemParams, Refusal, SettingsProblem } from '../../src/engine';
import { REFUSAL_CODES, refusalText, SETTINGS_PROBLEM_CODES, settingsProblemText } from '../../src/locale/problems';

let language = 'ko';
vi.mock('obsidian', async (importOriginal) => ({ ...(await importOriginal<object>()), getLanguage: () => language }));
const { MESSAGE_KEYS, problemText, t } = await import('../../src/locale');
const { useObsidianLanguage } = await import('../../src/plugin/settings');

/**
 * Every message the learner can see, in Korean, holds no Latin words except the values put into it
 * (key names, paths, values the learner wrote), the names of products and services, and addresses.
 */
const PROPER_NOUNS = ['Forgetting Curve', 'Obsidian', 'CalDAV', 'HTML', 'iCloud', 'Fastmail', 'Nextcloud', 'Apple', 'Notion', 'true', 'false', 'HH:mm'];

/** Sample values with Latin letters in them, so a value left in the text is told apart from our words. */
const PARAMS: ProblemParams = {
	key: 'review 1d done',
	other: 'review 1d done\uFE0F',
	name: 'anchorName',
	tag: '!!int',
	line: 4,
	detail: 'Nested mappings are not allowed',
	shape: 'list',
	offset: 1234,
	valueKind: 'text',
	value: '"maybe"',
	why: 'key-would-change',
	preset: 'mypreset',
	locale: 'xx',
	intervals: '1, 7, 4',
	longTerm: 10,
	last: 14,
	stage: 'sevenday',
	source: '{{first',
	placeholder: '{{nope}}',
	known: 'first, today, now',
	example: '{{due:4}}',
	stages: '1, 4, 7, 14, long-term',
	pattern: 'yyyy-jj',
	path: 'Study/Kafka notes.md',
	reason: '"review 1d done": 이유',
	stage_: '4일',
};

function latinWordsIn(text: string): string[] {
	let rest = text;
	const values = Object.values(PARAMS).map(String).sort((a, b) => b.length - a.length);
	for (const value of values) rest = rest.split(value).join(' ');
	for (const noun of PROPER_NOUNS) rest = rest.split(noun).join(' ');
	// Addresses, file extensions and template syntax are written as the learner writes them.
	rest = rest.replace(/https?:\/\/\S+|[\w.-]+\.(com|php)\S*|\.ics\b|\{\{[^}]*\}\}/g, ' ');
	return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('problems in words', () => {
	it('renders every refusal and settings problem in English and Korean; Korean has no Latin words of its own', () => {
		const problems: (Refusal | SettingsProblem)[] = [
			...REFUSAL_CODES.map((code) => ({ code, params: PARAMS })),
			...SETTINGS_PROBLEM_CODES.map((code) => ({ code, params: PARAMS })),
			...(['empty', 'text', 'number', 'boolean', 'list', 'alias', 'map'] as const).map((valueKind) => ({ code: 'bad-checkbox' as const, params: { ...PARAMS, valueKind } })),
			...(['unparseable', 'key-would-change', 'keys-would-change', 'not-a-map', 'no-read-back', 'bad-edit'] as const).map((why) => ({ code: 'unsafe-write' as const, params: { ...PARAMS, why } })),
			...(['list', 'flow-map', 'scalar'] as const).map((shape) => ({ code: 'not-a-map' as const, params: { ...PARAMS, shape } })),
		];
		expect(problems.length).toBeGreaterThan(40);
		for (const problem of problems) {
			const isRefusal = (REFUSAL_CODES as string[]).includes(problem.code);
			const en = isRefusal ? refusalText(problem as Refusal, 'en') : settingsProblemText(problem as SettingsProblem, 'en');
			const ko = isRefusal ? refusalText(problem as Refusal, 'ko') : settingsProblemText(problem as SettingsProblem, 'ko');
			expect(en, problem.code).toMatch(/[a-z]{3}/);
			expect(ko, problem.code).toMatch(/[가-힣]/);
			expect(ko, problem.code).not.toMatch(/undefined|(^|[^{])\{\w+\}(?!\})/);
			expect(latinWordsIn(ko), `${problem.code}: ${ko}`).toEqual([]);
			// What the English names, the Korean names too.
			for (const name of ['key', 'other', 'path', 'placeholder', 'offset']) if (en.includes(String(PARAMS[name]))) expect(ko, problem.code).toContain(String(PARAMS[name]));
		}
	});

	it('the plugin speaks them in Obsidian\'s language, and every Korean UI message is Korean', () => {
		language = 'ko';
		useObsidianLanguage();
		const refusal: Refusal = { code: 'impossible-date', params: { key: '❕첫 학습날', value: '"2024-02-30"' }, key: '❕첫 학습날' };
		expect(t('notice.refused', { path: '노트.md', reason: problemText(refusal) })).toBe('「노트.md」 노트는 바꾸지 않았습니다: "❕첫 학습날": 달력에 없는 날짜입니다 ("2024-02-30").');
		for (const key of MESSAGE_KEYS) {
			const ko = t(key, { ...PARAMS, stage: '4일', next: '7일 복습', due: '2024-10-05', date: '10월 5일', days: 3, count: 2, total: 5, done: 1, changed: 1, unchanged: 1, refused: 0, today: 1, overdue: 1, events: 3, names: '카프카 노트', created: 1, updated: 0, deleted: 0, time: '09:00', index: 2, snoozed: 1, skipped: 1, weeks: 26, average: '1.5', max: 3, file: '기기-1', path: '복습/웹훅', name: '깨진 행', reason: '날짜가 없습니다', key: '❕첫 학습날', value: '언젠가', folder: '노션', written: 2, copied: 1, existing: 0, was: '날짜 없음', fixes: '첫 학습날', fixed: 1, limit: 200, title: '카프카 노트', recall: '80%', filter: '쿠버네티스' });
			expect(ko, key).not.toMatch(/(^|[^{])\{\w+\}(?!\})/);
			expect(latinWordsIn(ko), `${key}: ${ko}`).toEqual([]);
		}
		language = 'en';
		useObsidianLanguage();
		expect(problemText(refusal)).toBe('"❕첫 학습날" is "2024-02-30", which is not a real calendar date.');
	});
});
