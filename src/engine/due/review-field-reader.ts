import type { ReviewConfig } from '../config';
import { subjectText } from '../filter';
import { canonicalKey, lookupKey } from '../frontmatter';
import { dayNumberOf, fastDayNumber, parseCalendarDate } from '../schedule';

/**
 * A review note's fields read from a frontmatter object, as integers, by the engine's rules: the
 * first-study day, the done checkboxes as a bit mask, the subject. Made once per configuration; the due
 * index calls it for every note, so the everyday spelling of each key is tried first.
 */
export class ReviewFieldReader {
	private readonly checkboxKeys: readonly string[];
	private readonly firstKey: string;
	/** The first-study key in canonical form, made once: most notes are looked up by it (see lookupKey). */
	private readonly firstKeyCanonical: string;
	private readonly subjectKey: string | null;

	constructor(config: Pick<ReviewConfig, 'stages' | 'checkboxKeys' | 'firstStudyKey' | 'subjectKey'>) {
		this.checkboxKeys = config.stages.map((s) => config.checkboxKeys.get(s.id) ?? '');
		this.firstKey = config.firstStudyKey;
		this.firstKeyCanonical = canonicalKey(config.firstStudyKey);
		this.subjectKey = config.subjectKey;
	}

	/** The first-study day number, or null when it is missing or not a date. */
	firstDay(frontmatter: Record<string, unknown>): number | null {
		// lookupKey also finds the key spelled another way (U+FE0F, decomposed Hangul).
		return readDay(lookupKey(frontmatter, this.firstKey, this.firstKeyCanonical));
	}

	/** The done checkboxes as a bit mask; negative when one holds something other than true/false. */
	doneMask(frontmatter: Record<string, unknown>): number {
		const mask = this.readMask(frontmatter);
		return mask === MISSING_KEY ? this.readMaskByCanonicalKeys(frontmatter) : mask;
	}

	subject(frontmatter: Record<string, unknown>): string | null {
		return this.subjectKey === null ? null : subjectText(frontmatter[this.subjectKey]);
	}

	/**
	 * The checkboxes as a bit mask, or -1 when one holds something other than true/false. Unrolled on
	 * purpose: each `frontmatter[kN]` is its own property-load site that only ever sees one key, so V8
	 * keeps it monomorphic; a loop over the keys makes one megamorphic site and costs several times more
	 * over 100,000 notes.
	 */
	private readMask(frontmatter: Record<string, unknown>): number {
		const [k0, k1, k2, k3, k4, k5, k6, k7] = this.checkboxKeys;
		const n = this.checkboxKeys.length;
		let mask = 0;
		let bit: number;
		if (n > 0 && (bit = checkbox(frontmatter[k0!])) !== 0) mask = bit < 0 ? bit : mask | 1;
		if (n > 1 && mask >= 0 && (bit = checkbox(frontmatter[k1!])) !== 0) mask = bit < 0 ? bit : mask | 2;
		if (n > 2 && mask >= 0 && (bit = checkbox(frontmatter[k2!])) !== 0) mask = bit < 0 ? bit : mask | 4;
		if (n > 3 && mask >= 0 && (bit = checkbox(frontmatter[k3!])) !== 0) mask = bit < 0 ? bit : mask | 8;
		if (n > 4 && mask >= 0 && (bit = checkbox(frontmatter[k4!])) !== 0) mask = bit < 0 ? bit : mask | 16;
		if (n > 5 && mask >= 0 && (bit = checkbox(frontmatter[k5!])) !== 0) mask = bit < 0 ? bit : mask | 32;
		if (n > 6 && mask >= 0 && (bit = checkbox(frontmatter[k6!])) !== 0) mask = bit < 0 ? bit : mask | 64;
		if (n > 7 && mask >= 0 && (bit = checkbox(frontmatter[k7!])) !== 0) mask = bit < 0 ? bit : mask | 128;
		return mask;
	}

	/** The slow path for a note with a checkbox key missing as spelled: every key compared canonically. */
	private readMaskByCanonicalKeys(frontmatter: Record<string, unknown>): number {
		let mask = 0;
		for (let i = 0; i < this.checkboxKeys.length; i++) {
			const bit = checkbox(lookupKey(frontmatter, this.checkboxKeys[i] ?? ''));
			if (bit === INVALID) return INVALID;
			if (bit === 1) mask |= 1 << i;
		}
		return mask;
	}
}

/** checkbox(): not true/false. readMask(): a key absent as spelled, so look again by canonical keys. */
const INVALID = -1;
const MISSING_KEY = -2;

/** 1 ticked, 0 unticked (empty, false), INVALID anything else, MISSING_KEY absent: the engine's checkbox rules. */
function checkbox(value: unknown): number {
	if (value === true || value === 'true') return 1;
	if (value === null || value === false || value === 'false') return 0;
	if (value === undefined) return MISSING_KEY;
	return INVALID;
}

/** The same rules as the engine's input reader, with a fast path for the everyday form. */
function readDay(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const fast = fastDayNumber(value);
	if (fast !== null) return fast;
	const parsed = parseCalendarDate(value);
	return parsed.ok ? dayNumberOf(parsed.date) : null;
}
