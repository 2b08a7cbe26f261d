import fc from 'fast-check';
import { isMap, isScalar, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clockAt } from '../../../src/engine';
import { readFlatFrontmatter } from '../../../src/engine/frontmatter/flat-frontmatter';
import { PARSE_OPTIONS } from '../../../src/engine/frontmatter/frontmatter-yaml';
import { recompute, recomputeParsed } from '../../../src/engine/recompute/recompute';
import { recomputeFlat } from '../../../src/engine/recompute/recompute-flat';
import { configWith, fixture } from '../../helpers';

/**
 * The fast path (a hand reader for flat frontmatter) against the full path (the yaml library) on
 * random notes: the same result, byte for byte, or the same refusal. And the reader against yaml
 * itself: whatever it reads, it reads as yaml does, value and source range.
 */
const SEED = fixture('seed-note.md');
const seedLines = SEED.slice(4, SEED.indexOf('\n---\n', 4)).split('\n');
const CONFIGS = [configWith({ rateFormula: 'template' }), configWith({ preset: 'en' })];
const EN_LINES = ['first study: 2024-10-01', 'review 1d done: true', 'review 4d done: false', 'subject: Kafka', 'review 7d: 2024-10-08', 'learning rate: 0.4'];

/** Lines a learner's frontmatter may hold: the seed's, and odd ones of every kind. */
const ODD_LINES = [
	'# a comment',
	'',
	'   ',
	'tags: [a, b]',
	'tags:\n  - a\n  - b',
	'note: |\n  two\n  lines',
	'folded: >-\n  folded text',
	'anchor: &a 5',
	'alias: *a',
	'tagged: !!str 26',
	'empty:',
	'empty2: ',
	'with comment: value # note',
	'quoted: "with \\"escapes\\" and \\u00e9"',
	"single: 'it''s'",
	'"quoted key": 1',
	"'single key': x",
	'number: 007',
	'float: 1.50',
	'exp: 1e3',
	'hex: 0x1F',
	'inf: .inf',
	'null value: ~',
	'bool: True',
	'colon: a: b',
	'url: https://example.com',
	'hash: a#b',
	'tab:\tvalue',
	'trailing: value   ',
	'  indented: 1',
	'dash: -5',
	'list item start: - x',
	'date: 2024-10-01',
	'korean: 한글 값',
	'emoji: 🟩🟩⬜ 40%',
	'big: 123456789012345678901',
	'❤️1일복습여부: false',
	'bad "json" escape: "\\q"',
	'unicode escape: "\\ud83d\\ude00"',
	'…: ellipsis key',
	'?: question',
	'key with spaces : spaced',
	'unclosed: "open',
	'true: boolean key',
	'1: number key',
];

const frontmatterLines = (base: string[]) =>
	fc
		.tuple(
			fc.oneof(fc.constant(base.map((line, i) => [i, line] as const)), fc.subarray(base.map((line, i) => [i, line] as const), { minLength: 0 })),
			// Half the notes are clean, as most are; the rest carry a few odd lines.
			fc.oneof(fc.constant([] as [number, string][]), fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...ODD_LINES)), { minLength: 1, maxLength: 4 })),
			fc.oneof({ weight: 3, arbitrary: fc.constant([] as [number, string][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...base)), { minLength: 1, maxLength: 2 }) }),
			fc.oneof(
				fc.constant([] as [number, string][]),
				fc.array(fc.tuple(fc.nat(60), fc.constantFrom('true', 'false', '"true"', '', '2024/10/01', '2024-02-30', '26', '"26"', 'x y', '"✍첫날 : 2024/10/01"')), { minLength: 1, maxLength: 3 }),
			),
		)
		.map(([kept, odd, dupes, values]) => {
			const lines = kept.map(([, line]) => line);
			for (const [at, line] of [...odd, ...dupes]) lines.splice(at % (lines.length + 1), 0, line);
			for (const [at, value] of values) {
				const i = at % Math.max(1, lines.length);
				const line = lines[i];
				const colon = line?.indexOf(': ') ?? -1;
				if (line !== undefined && colon > 0) lines[i] = `${line.slice(0, colon)}: ${value}`;
			}
			return lines;
		});

const note = fc.tuple(fc.nat(1), fc.boolean()).chain(([configIndex, crlf]) =>
	frontmatterLines(configIndex === 0 ? seedLines : EN_LINES).map((lines) => {
		const eol = crlf && configIndex === 1 ? '\r\n' : '\n';
		return { configIndex, text: `---${eol}${lines.join(eol)}${eol}---${eol}body${eol}` };
	}),
);

const clocks = [clockAt(new Date(2024, 9, 27, 14)), clockAt(new Date(2024, 9, 28, 9)), clockAt(new Date(2024, 10, 30, 23, 59))];

describe('recompute fast path', () => {
	it('gives the full path’s result on 1,000 random notes: identical output or identical refusal code', () => {
		let fast = 0;
		fc.assert(
			fc.property(note, fc.nat(2), ({ configIndex, text }, clockIndex) => {
				const config = CONFIGS[configIndex]!;
				const clock = clocks[clockIndex]!;
				if (recomputeFlat(text, config, clock)) fast++;
				const a = recompute(text, config, clock);
				const b = recomputeParsed(text, config, clock);
				expect(a.kind).toBe(b.kind);
				if (a.kind === 'refused' && b.kind === 'refused') expect(a.refusal.code).toBe(b.refusal.code);
				if (a.kind === 'changed' && b.kind === 'changed') {
					expect(a.text).toBe(b.text);
					expect(a.edits).toEqual(b.edits);
				}
			}),
			{ numRuns: 1000 },
		);
		// The property means something only if the fast path takes a good share of the notes.
		expect(fast).toBeGreaterThan(150);
	});

	it('takes the seed, up to date and stale, and gives the full path’s bytes', () => {
		const config = CONFIGS[0]!;
		for (const clock of clocks) {
			const flat = recomputeFlat(SEED, config, clock);
			expect(flat).not.toBeNull();
			expect(flat).toEqual(recomputeParsed(SEED, config, clock));
		}
	});

	it('reads what it reads exactly as yaml does: every value, style and source range', () => {
		fc.assert(
			fc.property(note, ({ text }) => {
				const yaml = text.slice(4, text.indexOf('---', 4));
				const flat = readFlatFrontmatter(yaml);
				if (!flat) return;
				const doc = parseDocument(yaml, PARSE_OPTIONS);
				expect(doc.errors).toEqual([]);
				expect(isMap(doc.contents)).toBe(true);
				if (!isMap(doc.contents)) return;
				expect(doc.contents.items).toHaveLength(flat.pairs.length);
				doc.contents.items.forEach((item, i) => {
					const pair = flat.pairs[i]!;
					expect(isScalar(item.key) && item.key.value).toBe(pair.key);
					if (pair.opaque !== undefined) {
						// Carried, not read: a list, a map or a block scalar, never an empty value.
						expect(isScalar(item.value) ? ['BLOCK_LITERAL', 'BLOCK_FOLDED', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'PLAIN'].includes(item.value.type ?? '') && item.value.value !== null : item.value !== null).toBe(true);
						expect(yaml.slice(pair.start, pair.end)).toBe(pair.opaque);
						return;
					}
					expect(isScalar(item.value)).toBe(true);
					if (!isScalar(item.value)) return;
					expect(item.value.value).toBe(pair.value);
					expect(item.value.range?.slice(0, 2)).toEqual([pair.start, pair.end]);
					expect(item.value.type).toBe({ plain: 'PLAIN', single: 'QUOTE_SINGLE', double: 'QUOTE_DOUBLE' }[pair.style]);
				});
			}),
			{ numRuns: 1000 },
		);
	});
});
