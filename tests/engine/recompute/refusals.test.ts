import { describe, expect, it } from 'vitest';
import { clockAt, recompute, type RefusalCode } from '../../../src/engine';
import { refusalText } from '../../../src/locale/problems';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ rateFormula: 'template' });
const CLOCK = clockAt(at(2024, 10, 27, 14));

interface Case {
	name: string;
	note: string;
	code: RefusalCode;
	message: RegExp;
	key?: string;
}

const CASES: Case[] = [
	{
		name: 'malformed YAML',
		note: '---\n❕첫 학습날: 2024-10-01\ntags: [a, b\n---\nbody\n',
		code: 'malformed-yaml',
		message: /^The frontmatter is not valid YAML \(line \d+ of the note\): .+\.$/,
	},
	{
		name: 'a duplicate key of ours',
		note: '---\n❕첫 학습날: 2024-10-01\n❕과목: a\n❕과목: b\n---\n',
		code: 'duplicate-key',
		message: /^The key "❕과목" appears more than once in the frontmatter\.$/,
		key: '❕과목',
	},
	{
		name: 'a top level that is a list',
		note: '---\n- ❕첫 학습날\n- 2024-10-01\n---\n',
		code: 'not-a-map',
		message: /^The frontmatter is a list, not a list of "key: value" lines\.$/,
	},
	{
		name: 'a flow map top level',
		note: '---\n{❕첫 학습날: 2024-10-01}\n---\n',
		code: 'not-a-map',
		message: /^The frontmatter is a \{…\} flow map/,
	},
	{
		name: 'an impossible date',
		note: '---\n❕첫 학습날: 2024-02-30\n---\n',
		code: 'impossible-date',
		message: /^"❕첫 학습날" is "2024-02-30", which is not a real calendar date\.$/,
		key: '❕첫 학습날',
	},
	{
		name: '29 February in a common year',
		note: '---\n❕첫 학습날: 2023/02/29\n---\n',
		code: 'impossible-date',
		message: /"2023\/02\/29", which is not a real calendar date/,
		key: '❕첫 학습날',
	},
	{
		name: 'a date in an unknown format',
		note: '---\n❕첫 학습날: 10/01/2024\n---\n',
		code: 'bad-date',
		message: /^"❕첫 학습날" should be a date like 2024-10-01 \(or 2024\/10\/01, 2024\.10\.01\), but it is "10\/01\/2024"\.$/,
		key: '❕첫 학습날',
	},
	{
		name: 'a first-study date of the wrong type',
		note: '---\n❕첫 학습날: 20241001\n---\n',
		code: 'bad-date',
		message: /but it is the number 20241001\.$/,
		key: '❕첫 학습날',
	},
	{
		name: 'a first-study date that is a list',
		note: '---\n❕첫 학습날:\n  - 2024-10-01\n---\n',
		code: 'bad-date',
		message: /but it is a list\.$/,
		key: '❕첫 학습날',
	},
	{
		name: 'a checkbox that is not true or false',
		note: '---\n❕첫 학습날: 2024-10-01\n💛7일복습여부: yes\n---\n',
		code: 'bad-checkbox',
		message: /^"💛7일복습여부" should be true or false, but it is "yes"\.$/,
		key: '💛7일복습여부',
	},
	{
		name: 'a checkbox that is a number',
		note: '---\n❕첫 학습날: 2024-10-01\n🧠장기기억: 1\n---\n',
		code: 'bad-checkbox',
		message: /but it is the number 1\.$/,
		key: '🧠장기기억',
	},
	{
		name: 'a computed key holding a list',
		note: '---\n❕첫 학습날: 2024-10-01\n진행바:\n  - a\n  - b\n---\n',
		code: 'not-a-single-value',
		message: /^"진행바" holds a list or map, but Forgetting Curve writes a single value there\. Rename or remove that key\.$/,
		key: '진행바',
	},
	{
		name: 'a computed key holding a map',
		note: '---\n❕첫 학습날: 2024-10-01\n학습률: {a: 1}\n---\n',
		code: 'not-a-single-value',
		message: /^"학습률" holds a list or map/,
		key: '학습률',
	},
];

describe('bad input is refused with a specific message and no change', () => {
	it.each(CASES)('$name', ({ note, code, message, key }) => {
		const result = recompute(note, CONFIG, CLOCK);
		expect(result.kind).toBe('refused');
		if (result.kind !== 'refused') return;
		expect(result.refusal.code).toBe(code);
		expect(refusalText(result.refusal, 'en')).toMatch(message);
		expect(result.refusal.key).toBe(key);
		expect(result).not.toHaveProperty('text');
	});

	it('ignores broken YAML in a note that never mentions the first-study key', () => {
		expect(recompute('---\ntags: [a, b\n---\n', CONFIG, CLOCK).kind).toBe('not-review');
	});
});
