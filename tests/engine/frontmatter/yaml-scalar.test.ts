import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isSafePlain, keySource, scalarSource } from '../../../src/engine/frontmatter/yaml-scalar';

const tricky = fc.string({
	unit: fc.constantFrom('a', '가', '🔥', ' ', '\t', ':', '#', '-', '?', ',', '[', ']', '{', '}', '"', "'", '\\', '@', '`', '|', '>', '!', '&', '*', '%', '.', '0', '1', 'e', 'x', 'n', 'u', 'l', 't', 'r', '\u2028', '\u0085'),
	maxLength: 10,
});

describe('scalar source', () => {
	it('never calls a string safe as plain unless plain reads it back', () => {
		fc.assert(
			fc.property(tricky, (text) => {
				if (isSafePlain(text)) expect(parse(`k: ${text}\n`)).toEqual({ k: text });
			}),
			{ numRuns: 5000 },
		);
	});

	it('writes every string, number and boolean so that it reads back exactly', () => {
		fc.assert(
			fc.property(fc.oneof(tricky, fc.integer(), fc.boolean()), fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'single', 'double'), (value, style) => {
				expect(parse(`k: ${scalarSource(value, style)}\n`)).toEqual({ k: value });
			}),
			{ numRuns: 2000 },
		);
	});

	it('keeps the preferred quote style when it reads back', () => {
		expect(scalarSource('a b', 'single')).toBe("'a b'");
		expect(scalarSource("it's", 'single')).toBe("'it''s'");
		expect(scalarSource('a b', 'double')).toBe('"a b"');
		expect(scalarSource('a b', 'plain')).toBe('a b');
		expect(scalarSource('26', 'plain')).toBe('"26"');
		expect(scalarSource(26, 'double')).toBe('26');
		expect(scalarSource(true, 'single')).toBe('true');
	});

	it('quotes keys with flow indicators or that plain would misread', () => {
		expect(keySource('진행바')).toBe('진행바');
		expect(keySource('1일차복습여부1,0')).toBe('"1일차복습여부1,0"');
		expect(keySource('a: b')).toBe('"a: b"');
		expect(keySource('- x')).toBe('"- x"');
	});
});
