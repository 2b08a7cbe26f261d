import type { RefusalCode } from '../../src/engine';
import { fixture, seedRecomputedOct28 } from '../helpers';

/**
 * The project's corpus of odd notes: every family of thing a person or a tool writes into a note that
 * could trip a reader, each case with its expectation. Built from the seed note and its golden
 * recompute (helpers.seedRecomputedOct28, written out by hand), so the oracle owes nothing to the
 * engine: a case is a transform T applied to the seed, and when T only touches bytes outside the values
 * recompute changes, the expected note is T applied to the golden, byte for byte. A case whose answer is
 * a refusal names its reason; a case that is not a review note expects nothing written.
 *
 * Runs through the CLI's real write path on disk (tests/cli/odd-note-corpus.test.ts), the plugin's
 * writer through the vault and through a real CodeMirror editor (tests/plugin/notes/odd-note-corpus.test.ts),
 * and random compositions of its transforms against both engine paths (tests/engine/frontmatter/odd-note-corpus.property.test.ts).
 */

/** The clock and settings the golden was made with. */
export const CORPUS_NOW = new Date(2024, 9, 28, 9, 5);
export const CORPUS_NOW_ARG = '2024-10-28T09:05';
export const CORPUS_SETTINGS = { preset: 'ko-template', rateFormula: 'template' } as const;

export const SEED = fixture('seed-note.md');
export const GOLDEN = seedRecomputedOct28();

export type Expectation =
	| { kind: 'update'; text: string }
	| { kind: 'refused'; code: RefusalCode }
	| { kind: 'not-review' };

export interface TextCase {
	name: string;
	family: string;
	input: string;
	expect: Expectation;
}

export interface ByteCase {
	name: string;
	family: string;
	input: Uint8Array;
	expect: { kind: 'refused'; code: RefusalCode };
}

type Transform = (note: string) => string;

/** A base case: its transform, and what the seed under it should become. */
interface Base {
	name: string;
	family: string;
	t: Transform;
	/** Default: update to t(GOLDEN). A different golden-side transform, a refusal, or not a review note. */
	expect?: { refused: RefusalCode } | 'not-review' | { golden: Transform };
}

// ---- transforms on lines, the same on the seed and on its golden ----

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Rewrites the line `key: value` (the first one) with f(value). */
const onValue = (key: string, f: (value: string) => string): Transform => (note) =>
	note.replace(new RegExp(`^${escape(key)}: (.*)$`, 'm'), (_, value: string) => `${key}: ${f(value)}`);
/** Rewrites a whole line by its key. */
const onLine = (key: string, f: (line: string) => string): Transform => (note) => note.replace(new RegExp(`^${escape(key)}:.*$`, 'm'), (line) => f(line));
const afterLine = (key: string, extra: string): Transform => onLine(key, (line) => `${line}\n${extra}`);
const beforeClosing = (extra: string): Transform => (note) => note.replace(/\n---\n/, `\n${extra}\n---\n`);
const afterOpening = (extra: string): Transform => (note) => note.replace(/^---\n/, `---\n${extra}\n`);
const inBody = (extra: string): Transform => (note) => note.replace('### 단서 질문', `${extra}\n### 단서 질문`);
const renameKey = (key: string, to: string): Transform => (note) => note.replace(new RegExp(`^${escape(key)}:`, 'm'), `${to}:`);
const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);
const single = (v: string) => `'${unquote(v).replace(/'/g, "''")}'`;
const double = (v: string) => `"${unquote(v)}"`;
const nfd = (s: string) => s.normalize('NFD');
const fe0f = (s: string) => s.replace(/([\u2600-\u27bf\u{1f300}-\u{1faff}])/u, '$1\uFE0F');
const REVIEW = '복습: 추가 복습';
const learner = (value: string): Transform => onValue('복습', () => value);
const all = (...ts: Transform[]): Transform => (note) => ts.reduce((n, t) => t(n), note);
const golden = (t: Transform) => ({ golden: t });
const refused = (code: RefusalCode) => ({ refused: code });

const BASES: Base[] = [
	// delimiters and markers
	{ family: 'delimiters', name: 'the seed as it is', t: (n) => n },
	{ family: 'delimiters', name: 'a "..." end marker before the closing line', t: beforeClosing('...') },
	{ family: 'delimiters', name: 'a "---" rule in the body', t: inBody('---\n') },
	{ family: 'delimiters', name: 'a "---" line inside a block scalar', t: afterLine('복습', '메모: |\n  ---\n  kept') },
	{ family: 'delimiters', name: 'nothing after the closing line', t: (n) => n.slice(0, n.indexOf('\n---\n', 4) + 5) },
	{ family: 'delimiters', name: 'a closing line at the end of the file with no line break', t: (n) => n.slice(0, n.indexOf('\n---\n', 4) + 4) },
	{ family: 'delimiters', name: 'no closing line', t: (n) => n.replace(/\n---\n/, '\n'), expect: 'not-review' },
	{ family: 'delimiters', name: 'an opening line with a trailing space', t: (n) => n.replace(/^---\n/, '--- \n'), expect: 'not-review' },
	{ family: 'delimiters', name: 'a blank line before the opening line', t: (n) => `\n${n}`, expect: 'not-review' },
	{ family: 'delimiters', name: 'a YAML directive inside the block', t: afterOpening('%YAML 1.2'), expect: refused('malformed-yaml') },
	{ family: 'delimiters', name: 'a second document start inside the block', t: beforeClosing('--- '), expect: refused('malformed-yaml') },
	// line endings other than the whole-note variants
	{ family: 'line endings', name: 'CRLF in the body only', t: (n) => n.slice(0, n.indexOf('\n---\n', 4) + 5) + n.slice(n.indexOf('\n---\n', 4) + 5).replace(/\n/g, '\r\n') },
	{ family: 'line endings', name: 'a lone CR in the body', t: inBody('old mac\rline') },
	{ family: 'line endings', name: 'trailing spaces after values of the learner', t: onLine('복습', (l) => `${l}   `) },
	{ family: 'line endings', name: 'blank lines between keys', t: afterLine('❕과목', '\n') },
	// NUL
	{ family: 'NUL', name: 'a NUL in the body', t: inBody('a\u0000b') },
	{ family: 'NUL', name: 'a NUL in a double-quoted value of the learner, written as an escape', t: learner('"a\\0b"') },
	{ family: 'NUL', name: 'a raw NUL in a value of the learner (the learner\'s to keep; ours never hold one)', t: learner('a\u0000b') },
	// our keys spelled other ways, and the learner's
	{ family: 'NFC/NFD and emoji', name: 'every key in NFD', t: (n) => n.replace(/^([^\n:]+):/gm, (_, k: string) => `${nfd(k)}:`) },
	{ family: 'NFC/NFD and emoji', name: 'a checkbox key with U+FE0F', t: renameKey('❤1일복습여부', fe0f('❤1일복습여부')) },
	{ family: 'NFC/NFD and emoji', name: 'a computed key with U+FE0F', t: renameKey('🛑오늘', fe0f('🛑오늘')) },
	{ family: 'NFC/NFD and emoji', name: 'a computed key in NFD', t: renameKey('오늘2', nfd('오늘2')) },
	{ family: 'NFC/NFD and emoji', name: 'the first-study key with U+FE0F and in NFD', t: renameKey('❕첫 학습날', nfd(fe0f('❕첫 학습날'))) },
	{ family: 'NFC/NFD and emoji', name: 'two keys of the learner that differ by U+FE0F', t: afterLine('복습', '❤: a\n❤\uFE0F: b') },
	{ family: 'NFC/NFD and emoji', name: 'two keys of the learner that differ by NFC/NFD', t: afterLine('복습', `메모: a\n${nfd('메모')}: b`) },
	{ family: 'NFC/NFD and emoji', name: 'a value of the learner in NFD', t: learner(nfd('추가 복습')) },
	{ family: 'NFC/NFD and emoji', name: 'our key written twice, in NFC and NFD', t: afterLine('사이', `${nfd('사이')}: "1"`), expect: refused('duplicate-key-spellings') },
	{ family: 'NFC/NFD and emoji', name: 'our key written twice, with and without U+FE0F', t: afterLine('❤1일복습여부', `${fe0f('❤1일복습여부')}: true`), expect: refused('duplicate-key-spellings') },
	// quoting styles
	{ family: 'quoting', name: 'a plain date of ours single-quoted', t: onValue('오늘2', single) },
	{ family: 'quoting', name: 'a plain date of ours double-quoted', t: onValue('오늘2', double) },
	{ family: 'quoting', name: 'a double-quoted value of ours single-quoted', t: onValue('🛑오늘', single) },
	{ family: 'quoting', name: 'a double-quoted Korean date single-quoted', t: onValue('오늘1', single) },
	{ family: 'quoting', name: 'a plain text of ours double-quoted', t: onValue('🛑첫학습후 몇일째?', double) },
	{ family: 'quoting', name: 'a quoted key of ours', t: renameKey('오늘2', '"오늘2"') },
	{ family: 'quoting', name: 'a single-quoted key of ours', t: renameKey('사이', "'사이'") },
	{ family: 'quoting', name: 'the learner\'s value with escapes', t: learner('"추가\\t복습 \\"둘\\" \\u00e9"') },
	{ family: 'quoting', name: 'the learner\'s single quote with a doubled quote', t: learner("'it''s'") },
	{ family: 'quoting', name: 'the learner\'s multi-line double-quoted value', t: learner('"two\n  lines"') },
	{ family: 'quoting', name: 'the learner\'s multi-line plain value', t: learner('two\n  lines') },
	// comments everywhere a comment can go
	{ family: 'comments', name: 'a comment line after the opening line', t: afterOpening('# made by hand') },
	{ family: 'comments', name: 'a comment line before the closing line', t: beforeClosing('# the end') },
	{ family: 'comments', name: 'an indented comment line between keys', t: afterLine('❕과목', '   # indented') },
	{ family: 'comments', name: 'a comment after a plain value of ours', t: onValue('오늘2', (v) => `${v} # today`) },
	{ family: 'comments', name: 'a comment after a quoted value of ours', t: onValue('사이', (v) => `${v}   # gap`) },
	{ family: 'comments', name: 'a comment after a checkbox', t: onValue('💛7일복습여부', (v) => `${v} # done`) },
	{ family: 'comments', name: 'a comment after the learner\'s value', t: onValue('복습', (v) => `${v} # mine`) },
	{ family: 'comments', name: 'a "#" inside a quoted value', t: learner('"a # not a comment"') },
	{ family: 'comments', name: 'a "#" with no space before it, inside a plain value', t: learner('a#b') },
	{ family: 'comments', name: 'a comment after an empty value of the learner', t: afterLine('복습', '메모: # nothing yet') },
	{ family: 'comments', name: 'a comment inside a flow list of the learner', t: afterLine('복습', 'tags: [a, # first\n  b]') },
	{ family: 'comments', name: 'a comment on a block header of ours', t: onValue('진행바', (v) => `| # old bar kept here\n  ${v}`), expect: golden(onValue('진행바', (v) => `${v} # old bar kept here`)) },
	{ family: 'comments', name: 'a comment line after the "..." end marker', t: beforeClosing('...\n# after the end') },
	// anchors, aliases, tags, merge keys
	{ family: 'anchors and tags', name: 'an anchor and alias of the learner', t: afterLine('복습', '원본: &r 추가\n사본: *r') },
	{ family: 'anchors and tags', name: 'a merge key of the learner', t: afterLine('복습', 'base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2') },
	{ family: 'anchors and tags', name: 'an anchor on a value of ours', t: onValue('오늘2', (v) => `&today ${v}`) },
	{ family: 'anchors and tags', name: 'a !!str tag on a value of ours', t: onValue('오늘2', (v) => `!!str ${v}`) },
	{ family: 'anchors and tags', name: 'a custom tag on the learner\'s value', t: learner('!mine 추가 복습') },
	{ family: 'anchors and tags', name: 'a !!binary value of the learner', t: afterLine('복습', 'blob: !!binary aGVsbG8=') },
	{ family: 'anchors and tags', name: 'an alias in a value of ours', t: all(onValue('오늘과 첫학습날 사이', (v) => `&s ${v}`), onValue('사이', () => '*s')), expect: refused('alias') },
	{ family: 'anchors and tags', name: 'an alias with no anchor', t: learner('*nowhere'), expect: refused('alias-unresolved') },
	{ family: 'anchors and tags', name: 'an alias that expands too far', t: afterLine('복습', ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n')), expect: refused('alias-unresolved') },
	{ family: 'anchors and tags', name: 'an !!int tag on a text value of ours', t: onValue('사이', (v) => `!!int ${unquote(v)}`), expect: refused('tagged-value') },
	// flow and block collections
	{ family: 'collections', name: 'a flow list of the learner', t: afterLine('복습', 'tags: [study, k8s]') },
	{ family: 'collections', name: 'a block list of the learner', t: afterLine('복습', 'aliases:\n  - Argo\n  - ArgoCD') },
	{ family: 'collections', name: 'a block list of the learner at the key\'s column', t: afterLine('복습', 'aliases:\n- Argo\n- ArgoCD') },
	{ family: 'collections', name: 'a nested map of the learner', t: afterLine('복습', 'meta:\n  source:\n    url: "https://example.org"\n    seen: [1, {a: 2}]') },
	{ family: 'collections', name: 'a flow map of the learner across lines', t: afterLine('복습', 'meta: {a: 1,\n  b: [2, 3]}') },
	{ family: 'collections', name: 'a wikilink list of the learner', t: afterLine('복습', `links: [${Array.from({ length: 60 }, (_, i) => `"[[note ${i}]]"`).join(', ')}]`) },
	{ family: 'collections', name: 'a list in a value of ours', t: onValue('사이', () => '[26]'), expect: refused('not-a-single-value') },
	{ family: 'collections', name: 'a block list in a value of ours', t: onValue('오늘2', () => '\n  - 2024/10/27'), expect: refused('not-a-single-value') },
	{ family: 'collections', name: 'a map in a value of ours', t: onValue('학습률', () => '{a: 1}'), expect: refused('not-a-single-value') },
	{ family: 'collections', name: 'the whole frontmatter a flow map', t: (n) => n.replace(/^---\n[\s\S]*?\n---\n/, '---\n{❕첫 학습날: 2024-10-01}\n---\n'), expect: refused('not-a-map') },
	// nesting depth
	{ family: 'nesting', name: 'the learner\'s list 10 deep', t: learner(`${'['.repeat(10)}x${']'.repeat(10)}`) },
	{ family: 'nesting', name: 'the learner\'s list 99 deep (at the limit)', t: learner(`${'['.repeat(99)}${']'.repeat(99)}`) },
	{ family: 'nesting', name: 'brackets in a quoted value, a comment and a block scalar', t: afterLine('복습', `q: "${'['.repeat(300)}" # ${'{'.repeat(300)}\nb: |\n  ${'['.repeat(300)}`) },
	{ family: 'nesting', name: 'a flow list 101 deep', t: learner(`${'['.repeat(101)}${']'.repeat(101)}`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'a flow list 5,000 deep', t: learner(`${'['.repeat(5000)}${']'.repeat(5000)}`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'a flow list 100,000 deep', t: learner(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'flow maps 20,000 deep', t: learner(`${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'a block list 150 deep', t: afterLine('복습', `deep:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'compact block lists 200 deep on one line', t: afterLine('복습', `deep:\n${'- '.repeat(200)}x`), expect: refused('too-deep') },
	{ family: 'nesting', name: 'block maps 60 deep holding a flow list 60 deep', t: afterLine('복습', `deep:\n${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} ${'['.repeat(60)}${']'.repeat(60)}`), expect: refused('too-deep') },
	// huge values and many keys
	{ family: 'size', name: 'a 100,000-character value of the learner', t: learner('가'.repeat(100_000)) },
	{ family: 'size', name: '5,000 keys of the learner', t: afterLine('복습', Array.from({ length: 5000 }, (_, i) => `k${i}: v${i}`).join('\n')) },
	{ family: 'size', name: 'a 300,000-character value of the learner', t: learner('가'.repeat(300_000)), expect: refused('too-large') },
	{ family: 'size', name: '40,000 keys of the learner', t: afterLine('복습', Array.from({ length: 40_000 }, (_, i) => `k${i}: v${i}`).join('\n')), expect: refused('too-large') },
	{ family: 'size', name: 'a 2 MB body', t: inBody('본문 '.repeat(700_000)) },
	// explicit keys
	{ family: 'explicit keys', name: 'an explicit key of the learner', t: afterLine('복습', '? 질문\n: 답') },
	{ family: 'explicit keys', name: 'a list as the learner\'s key', t: afterLine('복습', '? [a, b]\n: c') },
	{ family: 'explicit keys', name: 'an explicit key of ours with its value', t: onLine('오늘2', (l) => `? 오늘2\n: ${l.slice('오늘2: '.length)}`) },
	{ family: 'explicit keys', name: 'an explicit key of ours with no value', t: onLine('학습률', () => '? 학습률'), expect: refused('explicit-key') },
	// duplicates
	{ family: 'duplicates', name: 'the learner\'s key twice', t: afterLine('복습', '복습: again') },
	{ family: 'duplicates', name: 'a computed key of ours twice', t: afterLine('복습', '오늘2: 2024/01/01'), expect: refused('duplicate-key') },
	{ family: 'duplicates', name: 'the first-study key twice', t: afterLine('복습', '❕첫 학습날: 2024-10-02'), expect: refused('duplicate-key') },
	// dates and checkbox spellings
	{ family: 'dates and checkboxes', name: 'a first-study date with slashes', t: onValue('❕첫 학습날', () => '2024/10/01') },
	{ family: 'dates and checkboxes', name: 'a first-study date with dots', t: onValue('❕첫 학습날', () => '2024.10.01') },
	{ family: 'dates and checkboxes', name: 'a double-quoted first-study date', t: onValue('❕첫 학습날', () => '"2024-10-01"') },
	{ family: 'dates and checkboxes', name: 'a single-quoted first-study date', t: onValue('❕첫 학습날', () => "'2024-10-01'") },
	{ family: 'dates and checkboxes', name: 'a checkbox written True', t: onValue('❤1일복습여부', () => 'True') },
	{ family: 'dates and checkboxes', name: 'a checkbox written TRUE', t: onValue('🧡4일복습여부', () => 'TRUE') },
	{ family: 'dates and checkboxes', name: 'a checkbox written False', t: onValue('🧠장기기억', () => 'False') },
	{ family: 'dates and checkboxes', name: 'a first-study date that is not a date', t: onValue('❕첫 학습날', () => 'someday'), expect: refused('bad-date') },
	{ family: 'dates and checkboxes', name: 'a first-study date that does not exist', t: onValue('❕첫 학습날', () => '2024-02-30'), expect: refused('impossible-date') },
	{ family: 'dates and checkboxes', name: 'a checkbox written yes', t: onValue('❤1일복습여부', () => 'yes'), expect: refused('bad-checkbox') },
	{ family: 'dates and checkboxes', name: 'a checkbox written 1', t: onValue('❤1일복습여부', () => '1'), expect: refused('bad-checkbox') },
	{ family: 'dates and checkboxes', name: 'a checkbox written as a quoted "true" (as Notion\'s CSV and some tools write it)', t: onValue('❤1일복습여부', () => '"true"') },
	// not review notes at all
	{ family: 'not review notes', name: 'no first-study key', t: onLine('❕첫 학습날', () => '학습날: 2024-10-01'), expect: 'not-review' },
	{ family: 'not review notes', name: 'an empty frontmatter', t: (n) => n.replace(/^---\n[\s\S]*?\n---\n/, '---\n---\n'), expect: 'not-review' },
	{ family: 'not review notes', name: 'a frontmatter of comments only', t: (n) => n.replace(/^---\n[\s\S]*?\n---\n/, '---\n# nothing\n---\n'), expect: 'not-review' },
];

/** The whole-note variants every base case is run in: line endings and BOM. */
const VARIANTS: { name: string; family: string; v: Transform }[] = [
	{ name: 'LF', family: 'line endings', v: (n) => n },
	{ name: 'CRLF', family: 'line endings', v: (n) => n.replace(/\r?\n/g, '\r\n') },
	{ name: 'BOM, LF', family: 'BOM', v: (n) => `\uFEFF${n}` },
	{ name: 'BOM, CRLF', family: 'BOM', v: (n) => `\uFEFF${n.replace(/\r?\n/g, '\r\n')}` },
];

function expectationOf(base: Base, variant: Transform): Expectation {
	const e = base.expect;
	if (e === 'not-review') return { kind: 'not-review' };
	if (e && 'refused' in e) return { kind: 'refused', code: e.refused };
	return { kind: 'update', text: variant((e?.golden ?? base.t)(GOLDEN)) };
}

/** Every text case: each base in each variant. A transform that changes nothing is a mistake in the corpus. */
export function textCases(): TextCase[] {
	for (const base of BASES.slice(1)) if (base.t(SEED) === SEED) throw new Error(`corpus: "${base.name}" changes nothing`);
	return BASES.flatMap((base) =>
		VARIANTS.map(({ name, v }) => ({ name: `${base.name} (${name})`, family: base.family, input: v(base.t(SEED)), expect: expectationOf(base, v) })),
	);
}

/** The families a case belongs to, the variants' included, for the summary. */
export function familiesOf(cases: readonly { family: string }[]): Map<string, number> {
	const count = new Map<string, number>();
	for (const c of cases) count.set(c.family, (count.get(c.family) ?? 0) + 1);
	return count;
}

/**
 * Transforms that keep a note updatable, for random compositions (the property test). `slot` is the
 * first line of the seed a transform changes: two transforms of one slot do not compose (quoting a
 * value twice, or quoting a value and its comment together, is neither transform's note).
 */
export const UPDATING_TRANSFORMS: readonly { name: string; t: Transform; slot: number }[] = BASES.filter((b) => b.expect === undefined && b.family !== 'size').map((b) => ({
	name: b.name,
	t: b.t,
	slot: firstChangedLine(SEED, b.t(SEED)),
}));

function firstChangedLine(before: string, after: string): number {
	const [a, b] = [before.split('\n'), after.split('\n')];
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return i;
}
export const WHOLE_NOTE_VARIANTS = VARIANTS.map((v) => v.v);

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

/** Notes whose bytes are not UTF-8: refused with the first bad byte named, never decoded lossily. */
export function byteCases(): ByteCase[] {
	const [head, body] = [SEED.slice(0, SEED.indexOf('\n---\n', 4) + 5), SEED.slice(SEED.indexOf('\n---\n', 4) + 5)];
	const bad: Record<string, { bytes: number[]; where: 'body' | 'frontmatter' }> = {
		'a Latin-1 é in the body': { bytes: [0x63, 0x61, 0x66, 0xe9], where: 'body' },
		'a Latin-1 é in the frontmatter': { bytes: [0x63, 0x61, 0x66, 0xe9], where: 'frontmatter' },
		'an overlong "/"': { bytes: [0xc0, 0xaf], where: 'body' },
		'an encoded surrogate': { bytes: [0xed, 0xa0, 0x80], where: 'body' },
		'a code point past U+10FFFF': { bytes: [0xf4, 0x90, 0x80, 0x80], where: 'body' },
		'a sequence cut at the end of the file': { bytes: [0xe2, 0x82], where: 'body' },
		'a lone continuation byte': { bytes: [0x80], where: 'frontmatter' },
	};
	const [beforeValue, afterValue] = [SEED.slice(0, SEED.indexOf(REVIEW) + '복습: '.length), SEED.slice(SEED.indexOf(REVIEW) + '복습: '.length)];
	const cases: ByteCase[] = Object.entries(bad).map(([name, { bytes, where }]) => ({
		name,
		family: 'encodings and invalid bytes',
		input: where === 'body' ? join(utf8(head), utf8(body), new Uint8Array(bytes)) : join(utf8(beforeValue), new Uint8Array(bytes), utf8(afterValue)),
		expect: { kind: 'refused', code: 'not-utf8' },
	}));
	const utf16 = new Uint8Array(2 + SEED.length * 2);
	utf16.set([0xff, 0xfe]);
	for (let i = 0; i < SEED.length; i++) {
		utf16[2 + i * 2] = SEED.charCodeAt(i) & 0xff;
		utf16[3 + i * 2] = SEED.charCodeAt(i) >> 8;
	}
	cases.push({ name: 'the seed saved as UTF-16LE with its BOM', family: 'encodings and invalid bytes', input: utf16, expect: { kind: 'refused', code: 'not-utf8' } });
	return cases.flatMap((c) => [c, { ...c, name: `${c.name} (BOM)`, input: join(new Uint8Array([0xef, 0xbb, 0xbf]), c.input) }]);
}
