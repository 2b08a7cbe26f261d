import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteCases, CORPUS_NOW, CORPUS_SETTINGS, familiesOf, GOLDEN, SEED, textCases, type Expectation } from '../support/odd-note-corpus';
import { cliAt } from './capture';

/**
 * The odd-note corpus through the CLI's real write path: every case a file on disk, one `recompute`
 * over the folder (temporary file and rename, the changed-on-disk check), then a second run. Each file
 * ends byte for byte as its expectation says; a refused or foreign note keeps every byte; the second run
 * writes nothing.
 */
const cli = cliAt(CORPUS_NOW);
const TEXT = textCases();
const BYTES = byteCases();

interface Summary {
	changed: string[];
	unchanged: number;
	notReview: number;
	refused: { path: string; code: string; reason: string }[];
	symlinksSkipped: number;
}

describe('the odd-note corpus through the CLI on disk', () => {
	it(`holds ${TEXT.length + BYTES.length + 2} cases in ${familiesOf([...TEXT, ...BYTES]).size + 2} families, each with its expectation`, () => {
		expect(TEXT.length + BYTES.length).toBeGreaterThanOrEqual(300);
		const vault = mkdtempSync(join(tmpdir(), 'fc-corpus-'));
		const settings = join(vault, '..', `${vault.split('/').pop() ?? 'x'}-settings.json`);
		writeFileSync(settings, JSON.stringify(CORPUS_SETTINGS));
		const files = new Map<string, { name: string; input: Uint8Array; expect: Expectation }>();
		const encoder = new TextEncoder();
		TEXT.forEach((c, i) => files.set(`t${String(i).padStart(3, '0')}.md`, { name: c.name, input: encoder.encode(c.input), expect: c.expect }));
		BYTES.forEach((c, i) => files.set(`b${String(i).padStart(3, '0')}.md`, { name: c.name, input: c.input, expect: c.expect }));
		for (const [file, c] of files) writeFileSync(join(vault, file), c.input);
		// The file system's own odd cases: a read-only note, and a link in the folder (skipped, its target kept).
		mkdirSync(join(vault, 'sub'));
		writeFileSync(join(vault, 'sub', 'locked.md'), SEED);
		chmodSync(join(vault, 'sub', 'locked.md'), 0o444);
		writeFileSync(join(vault, '..', `${vault.split('/').pop() ?? 'x'}-target.md`), SEED);
		symlinkSync(join(vault, '..', `${vault.split('/').pop() ?? 'x'}-target.md`), join(vault, 'sub', 'link.md'));

		const first = JSON.parse(cli('recompute', vault, '--settings', settings, '--json').out) as Summary;
		const refusedCode = new Map(first.refused.map((r) => [r.path, r]));
		const changed = new Set(first.changed);
		const wrong: string[] = [];
		let damagedBytes = 0;
		for (const [file, c] of files) {
			const now = readFileSync(join(vault, file));
			const e = c.expect;
			const expected = e.kind === 'update' ? Buffer.from(e.text, 'utf8') : Buffer.from(c.input);
			if (!now.equals(expected)) {
				wrong.push(`${file} ${c.name}: bytes differ from the ${e.kind} expectation`);
				damagedBytes += countDifferentBytes(now, expected);
			}
			const refusal = refusedCode.get(file);
			if (e.kind === 'refused' && refusal?.code !== e.code) wrong.push(`${file} ${c.name}: refused as ${refusal?.code ?? 'not refused'}, expected ${e.code}`);
			if (e.kind !== 'refused' && refusal) wrong.push(`${file} ${c.name}: refused (${refusal.reason})`);
			if (e.kind === 'update' && !changed.has(file) && e.text !== new TextDecoder().decode(c.input)) wrong.push(`${file} ${c.name}: not written`);
			if (e.kind !== 'update' && changed.has(file)) wrong.push(`${file} ${c.name}: written`);
			if (refusal && /\n\s+at |undefined|\{\{|\$\{/.test(refusal.reason)) wrong.push(`${file} ${c.name}: reason not rendered: ${refusal.reason}`);
		}
		expect(wrong).toEqual([]);
		expect(damagedBytes).toBe(0);
		expect(refusedCode.get('sub/locked.md')?.code).toBe('read-only');
		expect(readFileSync(join(vault, 'sub', 'locked.md'), 'utf8')).toBe(SEED);
		expect(first.symlinksSkipped).toBe(1);
		expect(readFileSync(join(vault, '..', `${vault.split('/').pop() ?? 'x'}-target.md`), 'utf8')).toBe(SEED);
		const updates = TEXT.filter((c) => c.expect.kind === 'update').length;
		expect(first.changed.length).toBe(updates);
		expect(first.notReview).toBe(TEXT.filter((c) => c.expect.kind === 'not-review').length);

		// A second run writes nothing: every updated note is up to date, every refusal stays a refusal.
		const before = new Map([...files.keys()].map((file) => [file, readFileSync(join(vault, file))]));
		const second = JSON.parse(cli('recompute', vault, '--settings', settings, '--json').out) as Summary;
		expect(second.changed).toEqual([]);
		expect(second.unchanged).toBe(updates);
		expect(second.refused.map((r) => r.path).sort()).toEqual(first.refused.map((r) => r.path).sort());
		for (const [file, bytes] of before) expect(readFileSync(join(vault, file)).equals(bytes)).toBe(true);
	});

	it('the corpus\'s golden is the seed recomputed: the seed itself changes only in the six values of the day', () => {
		const seedLines = SEED.split('\n');
		const goldenLines = GOLDEN.split('\n');
		expect(goldenLines.length).toBe(seedLines.length);
		expect(seedLines.filter((line, i) => line !== goldenLines[i]).map((line) => line.slice(0, line.indexOf(':')))).toEqual(['🛑오늘', '🛑첫학습후 몇일째?', '오늘1', '오늘2', '오늘과 첫학습날 사이', '사이']);
	});
});

function countDifferentBytes(a: Uint8Array, b: Uint8Array): number {
	let n = Math.abs(a.length - b.length);
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
	return n;
}
