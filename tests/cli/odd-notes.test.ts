import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from './capture';
import { reviewNote } from '../helpers';

/** The CLI over notes that try to break it: each is refused and left byte for byte, the run goes on. */
const NOTE = (extra: string) => reviewNote({ first: '2024-10-01', extra, body: 'body\n' });
const POISON: Record<string, string> = {
	'missing-anchor.md': NOTE('x: *nope\n'),
	'self-reference.md': NOTE('l: &l [1, *l]\n'),
	'alias-bomb.md': NOTE(['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n') + '\n'),
	'deep.md': NOTE(`d: ${'['.repeat(3000)}${']'.repeat(3000)}\n`),
	'deep-block.md': NOTE(`d:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`),
	'managed-alias.md': NOTE('base: &b 3\ndays since first study: *b\n'),
	'tagged.md': NOTE('learning rate: !!binary aGVsbG8=\n'),
};

let vault = '';
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), 'fc-odd-'));
});

const cli = cliAt(new Date(2024, 9, 10, 9, 0));

const settings = () => {
	const path = join(vault, '..', `s-${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(path, JSON.stringify({ preset: 'en' }));
	return path;
};

describe('odd notes in the CLI', () => {
	it('refuses each poison note with a reason, leaves its bytes, and still writes the normal note', () => {
		for (const [name, text] of Object.entries(POISON)) writeFileSync(join(vault, name), text);
		writeFileSync(join(vault, 'normal.md'), NOTE(''));
		const { code, out, err } = cli('recompute', vault, '--settings', settings(), '--json');
		expect(err).toBe('');
		expect(code).toBe(1);
		const summary = JSON.parse(out) as { changed: string[]; refused: { path: string; code: string; reason: string }[] };
		expect(summary.changed).toEqual(['normal.md']);
		expect(Object.fromEntries(summary.refused.map((r) => [r.path, r.code]))).toEqual({
			'alias-bomb.md': 'alias-unresolved',
			'deep-block.md': 'too-deep',
			'deep.md': 'too-deep',
			'managed-alias.md': 'alias',
			'missing-anchor.md': 'alias-unresolved',
			'self-reference.md': 'alias-unresolved',
			'tagged.md': 'tagged-value',
		});
		for (const r of summary.refused) expect(r.reason).not.toMatch(/\n\s+at /);
		for (const [name, text] of Object.entries(POISON)) expect(readFileSync(join(vault, name), 'utf8')).toBe(text);
		expect(readFileSync(join(vault, 'normal.md'), 'utf8')).toContain('learning rate: 0');
	});

	it('refuses a note that is not valid UTF-8, naming the first bad byte, and leaves its bytes', () => {
		const bytes = Buffer.concat([Buffer.from(NOTE(''), 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
		writeFileSync(join(vault, 'latin1.md'), bytes);
		const { code, out } = cli('recompute', vault, '--settings', settings());
		expect(code).toBe(1);
		expect(out).toContain(`refused latin1.md: The note is not valid UTF-8 text (the first bad byte is at offset ${bytes.length - 2}), so it was left as it is.`);
		expect(readFileSync(join(vault, 'latin1.md')).equals(bytes)).toBe(true);
	});

	it('writes through a symbolic link given by name; skips and counts links in a folder walk', () => {
		mkdirSync(join(vault, 'real'));
		mkdirSync(join(vault, 'notes'));
		writeFileSync(join(vault, 'real', 'target.md'), NOTE(''));
		symlinkSync(join(vault, 'real', 'target.md'), join(vault, 'notes', 'link.md'));
		const walked = cli('recompute', join(vault, 'notes'), '--settings', settings());
		expect(walked.out).toContain('Scanned 0 notes: 0 changed, 0 unchanged, 0 refused, 0 not review notes. Skipped 1 symbolic links.');
		expect(readFileSync(join(vault, 'real', 'target.md'), 'utf8')).toBe(NOTE(''));

		const named = cli('recompute', join(vault, 'notes', 'link.md'), '--settings', settings());
		expect(named.code).toBe(0);
		expect(lstatSync(join(vault, 'notes', 'link.md')).isSymbolicLink()).toBe(true);
		expect(readlinkSync(join(vault, 'notes', 'link.md'))).toBe(join(vault, 'real', 'target.md'));
		expect(readFileSync(join(vault, 'real', 'target.md'), 'utf8')).toContain('learning rate: 0');
	});

	it('rejects impossible times in --now as a usage error', () => {
		for (const now of ['2024-10-27T25:00', '2024-10-27T23:99', '2024-10-27T24:00']) {
			const { code, err } = cli('recompute', vault, '--now', now);
			expect(code).toBe(2);
			expect(err).toContain(`--now takes a local date and time like 2024-10-27T14:00, not "${now}".`);
		}
		expect(cli('recompute', vault, '--now', '2024-10-27T23:59').code).toBe(0);
	});
});
