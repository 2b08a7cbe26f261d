import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNote, firstInvalidByte } from '../../../src/engine';

describe('notes that are not UTF-8', () => {
	it('names the first byte that is not part of a well-formed sequence', () => {
		const cases: [number[], number][] = [
			[[0x63, 0x61, 0x66, 0xe9], 3], // Latin-1 "café"
			[[0xc0, 0x80], 0], // overlong NUL
			[[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
			[[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
			[[0x41, 0xe2, 0x82], 1], // cut short at the end
			[[0xea, 0xb0, 0x80, 0xff], 3], // 가 then a byte that never starts anything
		];
		for (const [bytes, offset] of cases) {
			expect(firstInvalidByte(new Uint8Array(bytes))).toBe(offset);
			expect(decodeNote(new Uint8Array(bytes))).toEqual({ ok: false, refusal: { code: 'not-utf8', params: { offset } } });
		}
	});

	it('property: any text encoded as UTF-8 decodes to itself, and one bad byte put in is found where it was put (1,000 cases)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), (text, at) => {
				const bytes = new TextEncoder().encode(text);
				expect(decodeNote(bytes)).toEqual({ ok: true, text });
				// Cut between sequences (never inside one), and put 0xFF there.
				const boundaries = [0, ...[...text].map((_, i) => new TextEncoder().encode([...text].slice(0, i + 1).join('')).length)];
				const cut = boundaries[at % boundaries.length] ?? 0;
				const broken = new Uint8Array([...bytes.slice(0, cut), 0xff, ...bytes.slice(cut)]);
				expect(firstInvalidByte(broken)).toBe(cut);
			}),
			{ numRuns: 1000 },
		);
	});
});
