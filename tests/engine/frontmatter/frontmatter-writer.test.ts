import { describe, expect, it } from 'vitest';
import { clockAt, recompute } from '../../../src/engine';
import { applyEdits } from '../../../src/engine/frontmatter/text-edits';
import { at, configWith } from '../../helpers';

// A one-field preset keeps these cases readable: only 진행바 (the bar) is computed.
const CONFIG = configWith({ rateFormula: 'template', fields: [{ key: '진행바', template: '{{bar}}' }] });
const CLOCK = clockAt(at(2024, 10, 27, 14));
const HEAD = '---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: true\n';
const BAR = '🟩🟩⬜⬜⬜⬜⬜⬜⬜⬜ 20%';

function run(note: string, config = CONFIG): string {
	const result = recompute(note, config, CLOCK);
	if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}`);
	return result.text;
}

describe('frontmatter writer', () => {
	it.each([
		['plain', '진행바: old', `진행바: ${BAR}`],
		['double-quoted', '진행바: "old"', `진행바: "${BAR}"`],
		['single-quoted', "진행바: 'old'", `진행바: '${BAR}'`],
		['empty', '진행바:', `진행바: ${BAR}`],
		['empty with a comment', '진행바: # keep me', `진행바: ${BAR} # keep me`],
		['plain with a comment', '진행바: old # keep me', `진행바: ${BAR} # keep me`],
		['a block scalar', '진행바: |\n  old\n  text', `진행바: ${BAR}`],
		['a number', '진행바: 12', `진행바: ${BAR}`],
		['a tagged string', '진행바: !!str old', `진행바: !!str ${BAR}`],
	])('replaces a %s value in place', (_style, line, expected) => {
		const note = `${HEAD}${line}\nafter: 1\n---\nbody\n`;
		expect(run(note)).toBe(`${HEAD}${expected}\nafter: 1\n---\nbody\n`);
	});

	it('quotes a value only when plain would read back differently', () => {
		const config = configWith({
			fields: [
				{ key: 'a', template: '{{days}}' },
				{ key: 'b', template: 'x: {{days}}' },
				{ key: 'c', template: '#{{days}}' },
				{ key: 'd', template: 'day {{days}}' },
				{ key: 'e', template: '{{rate}}' },
				{ key: 'f', template: '{{days}}', type: 'number' },
				{ key: 'g', template: 'say "{{days}}"' },
				{ key: 'h', template: '{{next}}' },
			],
		});
		const note = '---\n❕첫 학습날: 2024-10-01\n---\n';
		expect(run(note, config)).toBe(
			'---\n❕첫 학습날: 2024-10-01\na: "26"\nb: "x: 26"\nc: "#26"\nd: day 26\ne: "0"\nf: 26\ng: say "26"\nh: 2024-10-02\n---\n',
		);
	});

	it('keeps a quote style only while it reads back: a plain value becomes quoted when it must', () => {
		const config = configWith({ fields: [{ key: 'n', template: '{{days}}' }] });
		expect(run('---\n❕첫 학습날: 2024-10-01\nn: 25 days\n---\n', config)).toBe('---\n❕첫 학습날: 2024-10-01\nn: "26"\n---\n');
	});

	it('appends missing keys before the closing line, in preset order, with the note line ending', () => {
		const config = configWith({ fields: [{ key: 'z', template: '{{days}}' }, { key: 'a,b', template: '{{rate}}' }] });
		const note = '\uFEFF---\r\n# comment\r\n❕첫 학습날: 2024-10-01 # first\r\nmine: "kept"\r\n---\r\nbody';
		expect(run(note, config)).toBe(
			'\uFEFF---\r\n# comment\r\n❕첫 학습날: 2024-10-01 # first\r\nmine: "kept"\r\nz: "26"\r\n"a,b": "0"\r\n---\r\nbody',
		);
	});

	it('appends after a trailing block scalar without changing it', () => {
		const note = `${HEAD}notes: |\n  line one\n  line two\n---\n`;
		expect(run(note)).toBe(`${HEAD}notes: |\n  line one\n  line two\n진행바: ${BAR}\n---\n`);
	});

	it('keeps every other byte: comments, user keys, nested maps and lists, the body', () => {
		const note = [
			'---',
			'# 내 노트',
			'❕첫 학습날: 2024-10-01',
			"'quoted key': 'single'",
			'nested:',
			'  a: 1   # spaced comment',
			'  b: [x, y]',
			'list:',
			'- one',
			'- "two"',
			'❤1일복습여부: true',
			'진행바: stale',
			'tail: end',
			'---',
			'---',
			'body with --- and 진행바: inside',
			'',
		].join('\n');
		const out = run(note);
		expect(out).toBe(note.replace('진행바: stale', `진행바: ${BAR}`));
	});

	it('applies edits back to front without overlap', () => {
		expect(applyEdits('abcdef', [{ from: 4, to: 5, insert: 'X' }, { from: 0, to: 1, insert: 'Y' }])).toBe('YbcdXf');
		expect(() => applyEdits('abc', [{ from: 0, to: 2, insert: '' }, { from: 1, to: 3, insert: '' }])).toThrow(RangeError);
	});
});
