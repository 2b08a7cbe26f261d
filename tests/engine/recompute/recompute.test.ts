import { describe, expect, it } from 'vitest';
import { clockAt, recompute, type RecomputeResult } from '../../../src/engine';
import { refusalText } from '../../../src/locale/problems';
import { at, configWith, fixture } from '../../helpers';

const SEED = fixture('seed-note.md');
const TEMPLATE = configWith({ rateFormula: 'template' });
const MILESTONES = configWith({ rateFormula: 'milestones' });

function textOf(result: RecomputeResult, input: string): string {
	if (result.kind === 'changed') return result.text;
	if (result.kind === 'unchanged' || result.kind === 'not-review') return input;
	throw new Error(`refused: ${refusalText(result.refusal, 'en')}`);
}

/** The seed's first nine frontmatter lines (inputs and the user's own keys) plus its body. */
function freshNoteFrom(note: string, eol: string): string {
	const lines = note.split(eol);
	const close = lines.indexOf('---', 1);
	return [...lines.slice(0, 10), ...lines.slice(close)].join(eol);
}

const VARIANTS = {
	LF: (text: string) => text,
	CRLF: (text: string) => text.replace(/\n/g, '\r\n'),
	BOM: (text: string) => `\uFEFF${text}`,
	'BOM + CRLF': (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`,
};

describe.each(Object.entries(VARIANTS))('seed note golden (%s)', (_name, variant) => {
	const seed = variant(SEED);
	const eol = seed.includes('\r\n') ? '\r\n' : '\n';

	it.each([0, 9, 14, 23])('is byte-identical with the template formula at %i:00 on 2024-10-27', (hour) => {
		const result = recompute(seed, TEMPLATE, clockAt(at(2024, 10, 27, hour, 59)));
		expect(result.kind).toBe('unchanged');
		expect(textOf(result, seed)).toBe(seed);
	});

	it('changes exactly the rate and bar lines with the default formula', () => {
		const result = recompute(seed, MILESTONES, clockAt(at(2024, 10, 27, 9)));
		const before = seed.split(eol);
		const after = textOf(result, seed).split(eol);
		expect(after).toHaveLength(before.length);
		const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
		expect(changed).toEqual([
			['학습률: "0.6"', '학습률: "0.8"'],
			['진행바: 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%', '진행바: 🟩🟩🟩🟩🟩🟩🟩🟩⬜⬜ 80%'],
		]);
	});

	it('fills a fresh note (inputs and body only) to exactly the seed', () => {
		const fresh = freshNoteFrom(seed, eol);
		expect(fresh.split(eol).length).toBe(seed.split(eol).length - 23);
		const result = recompute(fresh, TEMPLATE, clockAt(at(2024, 10, 27, 14, 0)));
		expect(result.kind).toBe('changed');
		expect(textOf(result, fresh)).toBe(seed);
	});
});

describe('recompute', () => {
	it('is idempotent: a second run changes nothing', () => {
		const first = recompute(SEED, MILESTONES, clockAt(at(2024, 11, 3, 10)));
		const once = textOf(first, SEED);
		const second = recompute(once, MILESTONES, clockAt(at(2024, 11, 3, 10)));
		expect(first.kind).toBe('changed');
		expect(second.kind).toBe('unchanged');
	});

	it('rewrites the time-of-day field only when its date changes', () => {
		const later = recompute(SEED, TEMPLATE, clockAt(at(2024, 10, 27, 22, 15)));
		expect(later.kind).toBe('unchanged');
		const nextDay = textOf(recompute(SEED, TEMPLATE, clockAt(at(2024, 10, 28, 8, 5))), SEED);
		expect(nextDay).toContain('오늘1: "@2024년 10월 28일 오전 8:05"');
		expect(nextDay).toContain('🛑오늘: "⏰오늘 : 2024/10/28"');
		expect(nextDay).toContain('🛑첫학습후 몇일째?: 첫 학습 후 ❤27일째❤');
		expect(nextDay).toContain('사이: "27"');
		// Opening again later the same day writes nothing.
		expect(recompute(nextDay, TEMPLATE, clockAt(at(2024, 10, 28, 21, 0))).kind).toBe('unchanged');
	});

	it('honours "new day starts at": 01:30 still belongs to the previous day', () => {
		const lateNight = configWith({ rateFormula: 'template', dayStartHour: 4 });
		const result = recompute(SEED, lateNight, clockAt(at(2024, 10, 28, 1, 30), 4));
		expect(result.kind).toBe('unchanged');
	});

	it('leaves a note without frontmatter or without the first-study key alone', () => {
		for (const text of ['# Just a note\n', '---\ntitle: x\n---\nbody\n', '---\n---\n', '---\n❕첫 학습날:\n---\n']) {
			expect(recompute(text, TEMPLATE, clockAt(at(2024, 10, 27))).kind).toBe('not-review');
		}
	});

	it('fills the English preset with ISO dates, numbers and the next review date', () => {
		const en = configWith({ preset: 'en' });
		const note = '---\nfirst study: 2024-10-01\nreview 1d done: true\nreview 4d done: true\n---\nBody\n';
		const result = recompute(note, en, clockAt(at(2024, 10, 6, 9)));
		expect(textOf(result, note)).toBe(
			[
				'---',
				'first study: 2024-10-01',
				'review 1d done: true',
				'review 4d done: true',
				'review 1d: 2024-10-02',
				'review 4d: 2024-10-05',
				'review 7d: 2024-10-08',
				'review 14d: 2024-10-15',
				'long-term review: 2024-10-31',
				'next review: 2024-10-08',
				'days since first study: 5',
				'learning rate: 0.4',
				'progress: 🟩🟩🟩🟩⬜⬜⬜⬜⬜⬜ 40%',
				'---',
				'Body',
				'',
			].join('\n'),
		);
	});

	it('accepts the first-study date as YYYY/MM/DD, YYYY.MM.DD or an ISO date-time, and checkboxes as strings', () => {
		for (const first of ['2024/10/01', '2024.10.01', '2024-10-01T23:30', '"2024-10-01T08:00:00+09:00"']) {
			const note = `---\n❕첫 학습날: ${first}\n❤1일복습여부: "true"\n🧡4일복습여부: "false"\n---\n`;
			const text = textOf(recompute(note, TEMPLATE, clockAt(at(2024, 10, 27, 14))), note);
			expect(text).toContain('🛑4일후: "🥉4일뒤 : 2024/10/05"');
			expect(text).toContain('"1일차복습여부1,0": "1"');
			expect(text).toContain('"4일차복습여부1,0": "0"');
			expect(text).toContain('학습률: "0.2"');
		}
	});
});
