import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusalText } from '../../../src/locale/problems';
import { canonicalKey, clockAt, DueIndex, PRESETS, READ_BUDGET, recompute } from '../../../src/engine';
import { at, configWith, fixture } from '../../helpers';

const SEED = fixture('seed-note.md');
const CONFIG = configWith({ rateFormula: 'template' });
const CLOCK = clockAt(at(2024, 10, 28, 9, 5));
const PRESET = PRESETS['ko-template'];
if (!PRESET) throw new Error('ko-template preset missing');

const changed = (text: string) => {
	const result = recompute(text, CONFIG, CLOCK);
	if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}: ${JSON.stringify(result)}`);
	return result.text;
};

describe('odd but valid notes', () => {
	it('keeps a comment on a block scalar header line', () => {
		const note = SEED.replace('진행바: 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%', '진행바: | # keep me\n  old bar');
		const out = changed(note);
		expect(out).toContain('진행바: 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60% # keep me\n');
		expect(out).not.toContain('old bar');
	});

	it('adds missing keys before a "..." end marker', () => {
		const note = '---\n❕첫 학습날: 2024-10-01\n...\n---\nbody\n';
		const out = changed(note);
		expect(out.endsWith('...\n---\nbody\n')).toBe(true);
		expect(out.indexOf('학습률')).toBeLessThan(out.indexOf('...\n'));
	});

	it('refuses a managed value whose tag does not fit, saying "tag"; keeps a tag that fits', () => {
		const tagged = recompute(SEED.replace('\n사이: "26"', '\n사이: !!int 26'), CONFIG, CLOCK);
		expect(tagged).toMatchObject({ kind: 'refused', refusal: { code: 'tagged-value', key: '사이' } });
		expect(tagged.kind === 'refused' && refusalText(tagged.refusal, 'en')).toContain('tag !!int');
		expect(changed(SEED.replace('\n사이: "26"', '\n사이: !!str "26"'))).toContain('\n사이: !!str "27"');
	});

	it('gives an alias in a managed key its own reason', () => {
		const result = recompute(SEED.replace('\n사이: "26"', '\n사이: *a').replace('❕과목: Argo CD', '❕과목: &a Argo CD'), CONFIG, CLOCK);
		expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'alias', key: '사이' } });
		expect(result.kind === 'refused' && refusalText(result.refusal, 'en')).toContain('is an alias (*a)');
	});

	it('says "too deeply nested" rather than overflowing the stack', () => {
		const deep = SEED.replace('복습: 추가 복습', `복습: ${'['.repeat(5000)}${']'.repeat(5000)}`);
		expect(recompute(deep, CONFIG, CLOCK)).toMatchObject({ kind: 'refused', refusal: { code: 'too-deep' } });
	});
});

describe('keys that look the same', () => {
	const withSelector = (key: string) => key.replace(/([\u2600-\u27bf])/u, '$1\uFE0F');
	const decomposed = (key: string) => key.normalize('NFD');

	it('reads a tick typed with U+FE0F, writes to the note\'s own spelling, and adds none of its own', () => {
		const note = SEED.replace('💚14일복습여부: true', '💚14일복습여부: false').replace('❤1일복습여부: true', `${withSelector('❤1일복습여부')}: true`);
		expect(withSelector('❤1일복습여부')).not.toBe('❤1일복습여부');
		const out = changed(note);
		expect(out).toContain(`${withSelector('❤1일복습여부')}: true`);
		expect(out.match(/1일복습여부/g)).toHaveLength(1);
		expect(out).toContain('"1일차복습여부1,0": "1"');
	});

	it('recognises a note whose keys are in NFD, and writes no twin keys', () => {
		const nfd = SEED.split('\n').map((line) => (line.includes(':') ? decomposed(line.slice(0, line.indexOf(':'))) + line.slice(line.indexOf(':')) : line)).join('\n');
		expect(nfd).not.toBe(SEED);
		const out = changed(nfd);
		expect(out.split('\n').length).toBe(nfd.split('\n').length);
		expect(canonicalKey(out)).toBe(canonicalKey(changed(SEED)));
	});

	it('refuses two spellings of one key, naming both', () => {
		const note = SEED.replace('❕과목: Argo CD', `❕과목: Argo CD\n${decomposed('❕과목')}: again`);
		const result = recompute(note, CONFIG, CLOCK);
		expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'duplicate-key-spellings' } });
		expect(result.kind === 'refused' && refusalText(result.refusal, 'en')).toBe(`The keys "❕과목" and "${decomposed('❕과목')}" are the same key written two ways; keep one.`);
	});

	it('the due index reads such spellings from Obsidian\'s frontmatter objects too', () => {
		const index = new DueIndex(CONFIG);
		index.build([
			['a.md', { [decomposed('❕첫 학습날')]: '2024-10-01', [withSelector('❤1일복습여부')]: true, '🧡4일복습여부': true }],
			['b.md', { '❕첫 학습날': '2024-10-01', '❤1일복습여부': true, '🧡4일복습여부': true }],
		]);
		const [a, b] = index.entries().sort((x, y) => (x.path < y.path ? -1 : 1));
		expect(a).toEqual({ ...b, path: 'a.md' });
		expect(a?.doneMask).toBe(0b11);
	});

	it('property: NFD or U+FE0F spellings recompute to the same fields, and nothing outside managed values moves (1,000 cases)', () => {
		const keyLines = SEED.split('\n').map((line, i) => ({ i, line })).filter(({ line }) => /^[^\s#-][^:]*:/.test(line) && !line.startsWith('---'));
		fc.assert(
			fc.property(fc.array(fc.constantFrom('same', 'nfd', 'fe0f', 'both'), { minLength: keyLines.length, maxLength: keyLines.length }), fc.boolean(), (spellings, stale) => {
				const base = stale ? SEED.replace('🧠장기기억: false', '🧠장기기억: true') : SEED;
				const lines = base.split('\n');
				keyLines.forEach(({ i }, n) => {
					const line = lines[i] ?? '';
					const colon = line.indexOf(':');
					const key = line.slice(0, colon);
					const how = spellings[n];
					const spelled = how === 'nfd' ? decomposed(key) : how === 'fe0f' ? withSelector(key) : how === 'both' ? decomposed(withSelector(key)) : key;
					lines[i] = spelled + line.slice(colon);
				});
				const twin = lines.join('\n');
				const canonical = recompute(base, CONFIG, CLOCK);
				const result = recompute(twin, CONFIG, CLOCK);
				expect(result.kind).toBe(canonical.kind);
				const outTwin = result.kind === 'changed' ? result.text : twin;
				const outBase = canonical.kind === 'changed' ? canonical.text : base;
				const twinLines = outTwin.split('\n');
				const baseLines = outBase.split('\n');
				expect(twinLines.length).toBe(baseLines.length);
				twinLines.forEach((line, i) => {
					const colon = line.indexOf(':');
					if (colon < 0 || line.startsWith('---')) return expect(line).toBe(baseLines[i]);
					// Same value after the key; the key keeps the note's own spelling, byte for byte.
					expect(line.slice(colon)).toBe((baseLines[i] ?? '').slice((baseLines[i] ?? '').indexOf(':')));
					expect(line.slice(0, colon)).toBe((lines[i] ?? line).slice(0, colon));
					expect(canonicalKey(line.slice(0, colon))).toBe(canonicalKey((baseLines[i] ?? '').slice(0, (baseLines[i] ?? '').indexOf(':'))));
				});
			}),
			{ numRuns: 1000 },
		);
	});
});

describe('the five odd notes of issue 17', () => {
	it('recomputes a note that starts with a BOM and keeps the BOM (LF and CRLF, ko-template and en)', () => {
		const crlf = SEED.replace(/\n/g, '\r\n');
		for (const note of [SEED, crlf]) {
			const out = changed(`\uFEFF${note}`);
			expect(out.startsWith('\uFEFF---')).toBe(true);
			expect(out).toBe(`\uFEFF${changed(note)}`);
		}
		const en = configWith({ preset: 'en' });
		const plain = '---\nfirst study: 2024-10-01\n---\nbody\n';
		const result = recompute(`\uFEFF${plain}`, en, CLOCK);
		const reference = recompute(plain, en, CLOCK);
		expect(result.kind === 'changed' && reference.kind === 'changed' && result.text === `\uFEFF${reference.text}`).toBe(true);
	});

	it('keeps two keys of the learner that differ only by U+FE0F, and writes ours', () => {
		const note = SEED.replace('복습: 추가 복습', '복습: 추가 복습\n❤: a\n❤\uFE0F: b');
		const out = changed(note);
		expect(out).toContain('\n❤: a\n❤\uFE0F: b\n');
		expect(out).toBe(changed(SEED).replace('복습: 추가 복습', '복습: 추가 복습\n❤: a\n❤\uFE0F: b'));
		// The learner's exact repeats are theirs too; ours still may not repeat.
		expect(changed(SEED.replace('복습: 추가 복습', '복습: a\n복습: b'))).toContain('복습: a\n복습: b\n');
		expect(recompute(SEED.replace('❕과목: Argo CD', '❕과목: Argo CD\n❕과목\uFE0F: x'), CONFIG, CLOCK)).toMatchObject({ kind: 'refused', refusal: { code: 'duplicate-key-spellings' } });
	});

	it('keeps the spaces or tab before a block header\'s comment, so the comment stays as it was written', () => {
		for (const gap of ['  ', '\t', ' \t ']) {
			const out = changed(SEED.replace('진행바: 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%', `진행바: |${gap}# old bar kept here\n  old`));
			expect(out).toContain(`진행바: 🟩🟩🟩🟩🟩🟩⬜⬜⬜⬜ 60%${gap}# old bar kept here\n---`);
		}
	});

	it('says an explicit key with no value is an explicit key, not a list or map', () => {
		const result = recompute(SEED.replace('학습률: "0.6"\n', '? 학습률\n'), CONFIG, CLOCK);
		expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'explicit-key', key: '학습률' } });
		expect(result.kind === 'refused' && refusalText(result.refusal, 'en')).toBe('"학습률" is written as an explicit key ("? 학습률") with no value. Write it as "학습률:" so Forgetting Curve can fill it in.');
		expect(result.kind === 'refused' && refusalText(result.refusal, 'ko')).toBe('값 없는 명시적 키("? 학습률")에는 값을 쓸 수 없습니다: "학습률". "학습률:"처럼 적어 주세요.');
		// With a value, an explicit key is an ordinary one.
		expect(changed(SEED.replace('학습률: "0.6"\n', '? 학습률\n: "0.1"\n'))).toContain('? 학습률\n: "0.6"\n');
	});

	it('refuses nesting past the budget before the yaml library recurses, at any depth, naming the limit', () => {
		for (const depth of [101, 5000, 100_000]) {
			const result = recompute(SEED.replace('복습: 추가 복습', `복습: ${'['.repeat(depth)}${']'.repeat(depth)}`), CONFIG, CLOCK);
			expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'too-deep', params: { limit: READ_BUDGET.maxDepth } } });
			expect(result.kind === 'refused' && refusalText(result.refusal, 'en')).toContain('more than 100 levels deep: too complex to read safely');
		}
		expect(changed(SEED.replace('복습: 추가 복습', `복습: ${'['.repeat(99)}${']'.repeat(99)}`))).toContain(`${'['.repeat(99)}`);
		const block = `복습:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x`;
		expect(recompute(SEED.replace('복습: 추가 복습', block), CONFIG, CLOCK)).toMatchObject({ kind: 'refused', refusal: { code: 'too-deep' } });
		// Brackets inside quotes, comments and block scalars are text, not levels.
		const text = `복습: "${'['.repeat(500)}" # ${'{'.repeat(500)}\n메모: |\n  ${'['.repeat(500)}`;
		expect(changed(SEED.replace('복습: 추가 복습', text))).toContain(text);
	});

	it('refuses a frontmatter over the size budget, and reads one just under it', () => {
		const over = recompute(SEED.replace('복습: 추가 복습', `복습: ${'가'.repeat(READ_BUDGET.maxFrontmatterChars)}`), CONFIG, CLOCK);
		expect(over).toMatchObject({ kind: 'refused', refusal: { code: 'too-large', params: { limit: READ_BUDGET.maxFrontmatterChars } } });
		expect(changed(SEED.replace('복습: 추가 복습', `복습: ${'가'.repeat(READ_BUDGET.maxFrontmatterChars - 2000)}`))).toContain('60%');
	});
});
