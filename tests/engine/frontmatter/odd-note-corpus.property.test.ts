import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { recomputeParsed } from '../../../src/engine/recompute/recompute';
import { recomputeFlat } from '../../../src/engine/recompute/recompute-flat';
import { parseDocument } from 'yaml';
import { clockAt, findFrontmatter } from '../../../src/engine';
import { configWith } from '../../helpers';
import { CORPUS_NOW, CORPUS_SETTINGS, GOLDEN, SEED, UPDATING_TRANSFORMS, WHOLE_NOTE_VARIANTS } from '../../support/odd-note-corpus';

/**
 * Random notes from the corpus's families: a few of its updating transforms composed, in a random
 * order, in a random whole-note variant (line endings, BOM). The oracle is the corpus's: the same
 * transforms applied to the golden. The full path must give exactly that; the fast path, whenever it
 * takes the note, the same.
 */
const CONFIG = configWith(CORPUS_SETTINGS);
const CLOCK = clockAt(CORPUS_NOW);

describe('random odd notes: fast path = full path = the corpus\'s oracle', () => {
	it('holds on 400 random compositions', () => {
		let fastTaken = 0;
		let kept = 0;
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 0, max: UPDATING_TRANSFORMS.length - 1 }), { minLength: 1, maxLength: 4, selector: (i) => UPDATING_TRANSFORMS[i]?.slot }),
				fc.integer({ min: 0, max: WHOLE_NOTE_VARIANTS.length - 1 }),
				(picks, variantIndex) => {
					const variant = WHOLE_NOTE_VARIANTS[variantIndex] ?? ((n: string) => n);
					const compose = (note: string) => variant(picks.reduce((n, i) => UPDATING_TRANSFORMS[i]?.t(n) ?? n, note));
					const input = compose(SEED);
					// Two transforms of one line can together write what no single one does (a value cut in
					// half): such a note is no longer from the families, and is left out.
					fc.pre(isValidYaml(input));
					const expected = compose(GOLDEN);
					kept++;
					const full = recomputeParsed(input, CONFIG, CLOCK);
					expect(full.kind === 'changed' ? full.text : full.kind === 'unchanged' ? input : full).toBe(expected);
					const fast = recomputeFlat(input, CONFIG, CLOCK);
					if (fast === null) return;
					fastTaken++;
					expect(fast.kind === 'changed' ? fast.text : fast.kind === 'unchanged' ? input : fast).toBe(expected);
				},
			),
			{ numRuns: 400 },
		);
		expect(kept).toBeGreaterThan(300);
		// The fast path must be tried on a good share of them, or the comparison says little.
		expect(fastTaken).toBeGreaterThan(40);
	});
});

function isValidYaml(note: string): boolean {
	const block = findFrontmatter(note);
	return block !== null && parseDocument(note.slice(block.start, block.end), { logLevel: 'silent' }).errors.length === 0;
}
