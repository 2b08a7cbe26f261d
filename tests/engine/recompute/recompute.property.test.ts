import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { clockAt, findFrontmatter, PRESETS, recompute } from '../../../src/engine';
import { at, configWith } from '../../helpers';

/** ≥ 1,000 cases each; FC_NUM_RUNS can raise it for a soak run. */
const NUM_RUNS = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 0));
const CONFIG = configWith({ rateFormula: 'template' });
const PRESET = PRESETS['ko-template'];
if (!PRESET) throw new Error('ko-template preset missing');
const MANAGED = PRESET.fields.map((f) => f.key);
const CHECKBOXES = Object.values(PRESET.checkboxKeys);

// --- Generators ------------------------------------------------------------------------------
const syllable = fc.constantFrom('가', '나', '복', '습', '메', '모', 'a', 'Z', '7', '🔥', '🧠', '✅', '❤', 'é');
const word = fc.string({ unit: syllable, minLength: 1, maxLength: 6 });
/** Text safe as a plain scalar: words joined by single spaces. */
const plainText = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
/** Anything printable, including YAML indicators, for quoted scalars. */
const anyText = fc.string({ unit: fc.constantFrom('가', '🔥', 'a', ' ', ':', '#', '"', "'", '\\', '-', '[', ',', '{', '@', '%'), maxLength: 12 });

const quoteDouble = (s: string) => JSON.stringify(s);
const quoteSingle = (s: string) => `'${s.replace(/'/g, "''")}'`;

const scalarValue = fc.oneof(
	plainText,
	anyText.map(quoteDouble),
	anyText.map(quoteSingle),
	fc.integer({ min: -999, max: 99999 }).map(String),
	fc.constantFrom('true', 'false', '', '~', '2024-01-02', '0.5'),
	plainText.map((t) => `${t} # 주석`),
);

type Entry = { lines: string[]; managed: boolean };

const blockValue = fc.oneof(
	fc.array(plainText, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `  - ${i}`)),
	fc.array(plainText, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`)),
	fc.array(plainText, { minLength: 1, maxLength: 3 }).map((items) => ['  |', ...items.map((i) => `  ${i}`)]),
	fc.array(plainText, { minLength: 1, maxLength: 3 }).map((items) => ['  >-', ...items.map((i) => `  ${i}`)]),
	fc.array(fc.tuple(word, scalarValue), { minLength: 1, maxLength: 3 }).map((pairs) =>
		pairs.map(([k, v], i) => `  ${k}${i}: ${v}`.trimEnd()),
	),
);

const userEntry = (index: number) =>
	fc
		.tuple(
			plainText,
			fc.constantFrom('plain', 'double', 'single'),
			fc.oneof(scalarValue.map((v) => ({ inline: v, block: [] as string[] })), blockValue.map((b) => ({ inline: '', block: b }))),
		)
		.map(([base, quoting, value]): Entry => {
			const name = `${base}${index}`;
			const key = quoting === 'plain' ? name : quoting === 'double' ? quoteDouble(name) : quoteSingle(name);
			const head = value.block[0]?.trim() === '|' || value.block[0]?.trim() === '>-' ? `${key}: ${value.block[0].trim()}` : `${key}:${value.inline ? ` ${value.inline}` : ''}`;
			const rest = head.endsWith('|') || head.endsWith('>-') ? value.block.slice(1) : value.block;
			return { lines: [head, ...rest], managed: false };
		});

const managedEntry = fc
	.tuple(fc.constantFrom(...MANAGED), fc.oneof(plainText, anyText.map(quoteDouble), anyText.map(quoteSingle), fc.constant('')))
	.map(([key, value]): Entry => ({ lines: [`${/[,]/.test(key) ? quoteDouble(key) : key}:${value ? ` ${value}` : ''}`], managed: true }));

const comment = fc.oneof(plainText, anyText).map((t): Entry => ({ lines: [`# ${t}`.trimEnd()], managed: false }));

const checkboxEntries = fc
	.array(fc.option(fc.constantFrom('true', 'false', '"true"', '"false"'), { nil: undefined }), { minLength: CHECKBOXES.length, maxLength: CHECKBOXES.length })
	.map((values): Entry[] => values.flatMap((v, i) => (v === undefined ? [] : [{ lines: [`${CHECKBOXES[i]}: ${v}`], managed: false }])));

const firstStudy = fc
	.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '/', '.'))
	.map(([y, m, d, sep]): Entry => ({ lines: [`${PRESET.firstStudyKey}: ${y}${sep}${String(m).padStart(2, '0')}${sep}${String(d).padStart(2, '0')}`], managed: false }));

const reviewNote = fc
	.tuple(
		firstStudy,
		checkboxEntries,
		fc.uniqueArray(managedEntry, { selector: (e) => e.lines[0]?.split(':')[0], maxLength: 8 }),
		fc.array(fc.nat(), { maxLength: 6 }).chain((ids) => fc.tuple(...ids.map((_, i) => userEntry(i)))),
		fc.array(comment, { maxLength: 3 }),
		fc.constantFrom('\n', '\r\n'),
		fc.boolean(),
		fc.string({ maxLength: 40 }),
	)
	.chain(([first, boxes, managed, user, comments, eol, bom, body]) =>
		fc.shuffledSubarray([first, ...boxes, ...managed, ...user, ...comments], { minLength: 1 + boxes.length + managed.length + user.length + comments.length }).map((entries) => ({
			entries,
			text: `${bom ? '\uFEFF' : ''}---${eol}${entries.flatMap((e) => e.lines).map((l) => `${l}${eol}`).join('')}---${eol}${body}`,
			eol,
		})),
	);

const clock = fc
	.tuple(fc.integer({ min: 2000, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }))
	.map(([y, m, d, h]) => clockAt(at(y, m, d, h, 30)));

// --- Helpers ---------------------------------------------------------------------------------
function isManagedLine(line: string): boolean {
	return MANAGED.some((key) => line.startsWith(`${key}:`) || line.startsWith(`${JSON.stringify(key)}:`));
}

function frontmatterJs(text: string): Record<string, unknown> {
	const block = findFrontmatter(text);
	if (!block) throw new Error('no frontmatter');
	const doc = parseDocument(text.slice(block.start, block.end));
	expect(doc.errors).toEqual([]);
	return doc.toJS() as Record<string, unknown>;
}

// --- Properties ------------------------------------------------------------------------------
describe('recompute over random review notes', () => {
	it('changes no line without a managed key, keeps every unmanaged value and is idempotent', () => {
		fc.assert(
			fc.property(reviewNote, clock, ({ text, eol }, now) => {
				const result = recompute(text, CONFIG, now);
				expect(result.kind === 'changed' || result.kind === 'unchanged').toBe(true);
				const out = result.kind === 'changed' ? result.text : text;

				const unmanaged = (t: string) => t.split(eol).filter((line) => !isManagedLine(line));
				expect(unmanaged(out)).toEqual(unmanaged(text));

				const before = frontmatterJs(text);
				const after = frontmatterJs(out);
				for (const key of Object.keys(before).filter((k) => !MANAGED.includes(k))) {
					expect(after[key]).toEqual(before[key]);
				}
				expect(Object.keys(after).filter((k) => MANAGED.includes(k)).sort()).toEqual([...MANAGED].sort());

				expect(recompute(out, CONFIG, now).kind).toBe('unchanged');
			}),
			{ numRuns: NUM_RUNS },
		);
	});

	const breakages: [string, (lines: string[]) => string[]][] = [
		['a duplicated key', (lines) => [...lines, lines.find((l) => l.startsWith(PRESET.firstStudyKey)) ?? '']],
		['an unclosed flow list', (lines) => [...lines, 'broken: [a, b']],
		['an unclosed quote', (lines) => [...lines, 'broken: "abc']],
		['a tab indent', (lines) => [...lines, 'broken:', '\t- x']],
		['a line without a colon', (lines) => [...lines, 'oops no colon']],
	];

	it.each(breakages)('refuses a note with %s, leaving it unchanged', (_name, breakIt) => {
		fc.assert(
			fc.property(reviewNote, clock, ({ entries, eol }, now) => {
				const lines = breakIt(entries.flatMap((e) => e.lines));
				const text = `---${eol}${lines.map((l) => `${l}${eol}`).join('')}---${eol}body`;
				const result = recompute(text, CONFIG, now);
				expect(result.kind).toBe('refused');
				expect(result).not.toHaveProperty('text');
			}),
			{ numRuns: NUM_RUNS },
		);
	});
});
