import { describe, expect, it } from 'vitest';
import { clockAt, markCurrentStageDone, recompute, replacementEdit, startReviewing } from '../../../src/engine';
import { applyEdits } from '../../../src/engine/frontmatter/text-edits';
import { at, configWith } from '../../helpers';

const EN = configWith({ preset: 'en' });
const KO = configWith({ rateFormula: 'template' });

describe('mark review done', () => {
	it('ticks each stage on its day, with the rate and bar following', () => {
		let text = '---\nfirst study: 2024-10-01\n---\nNotes\n';
		const days: [number, string, string, string][] = [
			[1, 'review 1d done', '0.2', '🟩🟩⬜⬜⬜⬜⬜⬜⬜⬜ 20%'],
			[4, 'review 4d done', '0.4', '🟩🟩🟩🟩⬜⬜⬜⬜⬜⬜ 40%'],
			[7, 'review 7d done', '0.6', '🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%'],
			[14, 'review 14d done', '0.8', '🟩🟩🟩🟩🟩🟩🟩🟩⬜⬜ 80%'],
			[30, 'long-term memory', '1', '🟩🟩🟩🟩🟩🟩🟩🟩🟩🟩 100%'],
		];
		for (const [day, key, rate, bar] of days) {
			const result = markCurrentStageDone(text, EN, clockAt(at(2024, 10, 1 + day, 9)));
			expect(result.kind).toBe('marked');
			if (result.kind !== 'marked') return;
			expect(result.early).toBe(false);
			expect(result.stage.stage.days).toBe(day);
			expect(applyEdits(text, result.edits)).toBe(result.text);
			text = result.text;
			expect(text).toContain(`${key}: true`);
			expect(text).toContain(`learning rate: ${rate}\n`);
			expect(text).toContain(`progress: ${bar}\n`);
		}
		expect(text).toContain('next review: ""');
		expect(markCurrentStageDone(text, EN, clockAt(at(2024, 11, 5))).kind).toBe('all-done');
	});

	it('says when a review is marked before it is due, and what comes next', () => {
		const text = '---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: true\n---\n';
		const result = markCurrentStageDone(text, KO, clockAt(at(2024, 10, 3, 9)));
		expect(result.kind === 'marked' && [result.early, result.stage.stage.id, result.next?.stage.id]).toEqual([true, '4', '7']);
	});

	it('refuses a malformed note and ignores a note that is not a review note', () => {
		expect(markCurrentStageDone('---\n❕첫 학습날: 2024-13-01\n---\n', KO, clockAt(at(2024, 10, 3))).kind).toBe('refused');
		expect(markCurrentStageDone('just text', KO, clockAt(at(2024, 10, 3))).kind).toBe('not-review');
	});
});

describe('start reviewing', () => {
	const clock = clockAt(at(2024, 10, 1, 14));

	it('creates frontmatter on a note without one, with every field of the preset', () => {
		const result = startReviewing('# Topic\n', EN, clock);
		expect(result.kind === 'started' && result.text).toBe(
			[
				'---',
				'first study: 2024-10-01',
				'review 1d done: false',
				'review 4d done: false',
				'review 7d done: false',
				'review 14d done: false',
				'long-term memory: false',
				'review 1d: 2024-10-02',
				'review 4d: 2024-10-05',
				'review 7d: 2024-10-08',
				'review 14d: 2024-10-15',
				'long-term review: 2024-10-31',
				'next review: 2024-10-02',
				'days since first study: 0',
				'learning rate: 0',
				'progress: ⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜ 0%',
				'---',
				'# Topic',
				'',
			].join('\n'),
		);
	});

	it('adds only what is missing to existing frontmatter, keeping the learner keys and CRLF', () => {
		const note = '---\r\ntitle: "Argo"\r\n❤1일복습여부: true\r\n---\r\nbody';
		const result = startReviewing(note, KO, clock);
		expect(result.kind).toBe('started');
		if (result.kind !== 'started') return;
		expect(result.text.startsWith('---\r\ntitle: "Argo"\r\n❤1일복습여부: true\r\n❕첫 학습날: 2024-10-01\r\n🧡4일복습여부: false\r\n')).toBe(true);
		expect(result.text.endsWith('진행바: 🟩🟩⬜⬜⬜⬜⬜⬜⬜⬜ 20%\r\n---\r\nbody')).toBe(true);
		expect(applyEdits(note, result.edits)).toBe(result.text);
		expect(recompute(result.text, KO, clock).kind).toBe('unchanged');
	});

	it('fills an empty first-study value and an empty frontmatter block', () => {
		const empty = startReviewing('---\n❕첫 학습날:\n---\n', KO, clock);
		expect(empty.kind === 'started' && empty.text.startsWith('---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: false\n')).toBe(true);
		const bare = startReviewing('\uFEFF---\n# just a comment\n---\n', KO, clock);
		expect(bare.kind === 'started' && bare.text.startsWith('\uFEFF---\n# just a comment\n❕첫 학습날: 2024-10-01\n')).toBe(true);
	});

	it('does nothing to a note already under review, and refuses a broken one', () => {
		expect(startReviewing('---\n❕첫 학습날: 2024-10-01\n---\n', KO, clock).kind).toBe('already-reviewing');
		expect(startReviewing('---\n❕첫 학습날: nope\n---\n', KO, clock).kind).toBe('refused');
	});

	it('describes a rewrite as one edit over the changed span', () => {
		expect(replacementEdit('abcXdef', 'abcYYdef')).toEqual({ from: 3, to: 4, insert: 'YY' });
		expect(replacementEdit('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
		expect(replacementEdit('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
	});
});
