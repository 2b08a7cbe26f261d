import { parseCalendarDate, type StageId } from '../schedule';
import { describedValue, refusal, type Refusal } from '../frontmatter';
import type { ReviewConfig } from '../config';

export interface ReviewInputs {
	first: Date;
	done: Map<StageId, boolean>;
}

export type InputsResult = { kind: 'not-review' } | { kind: 'refused'; refusal: Refusal } | { kind: 'ok'; inputs: ReviewInputs };

/** Looks a top-level frontmatter key up: undefined when absent, null when empty. */
export type FrontmatterLookup = (key: string) => unknown;

/**
 * Reads the learner's inputs. Works on plain values, so the same code serves a parsed YAML document
 * and Obsidian's metadataCache frontmatter.
 */
export function readInputs(lookup: FrontmatterLookup, config: ReviewConfig): InputsResult {
	const key = config.firstStudyKey;
	const raw = lookup(key);
	// No first-study date (or an empty one the learner has not filled yet): not a review note.
	if (raw === undefined || raw === null || raw === '') return { kind: 'not-review' };
	const first = readFirstStudy(key, raw);
	if (!(first instanceof Date)) return { kind: 'refused', refusal: first };

	const done = new Map<StageId, boolean>();
	for (const [stageId, checkboxKey] of config.checkboxKeys) {
		const value = readCheckbox(checkboxKey, lookup(checkboxKey));
		if (typeof value !== 'boolean') return { kind: 'refused', refusal: value };
		done.set(stageId, value);
	}
	return { kind: 'ok', inputs: { first, done } };
}

function readFirstStudy(key: string, raw: unknown): Date | Refusal {
	if (raw instanceof Date) return new Date(raw.getUTCFullYear(), raw.getUTCMonth(), raw.getUTCDate());
	if (typeof raw !== 'string') {
		return refusal('bad-date', { key, ...describedValue(raw) }, key);
	}
	const parsed = parseCalendarDate(raw);
	if (parsed.ok) return parsed.date;
	if (parsed.impossible) return refusal('impossible-date', { key, value: JSON.stringify(raw) }, key);
	return refusal('bad-date', { key, ...describedValue(raw) }, key);
}

/** A missing or empty checkbox is an unticked one; the strings "true"/"false" are accepted too. */
function readCheckbox(key: string, raw: unknown): boolean | Refusal {
	if (raw === undefined || raw === null || raw === false || raw === 'false') return false;
	if (raw === true || raw === 'true') return true;
	return refusal('bad-checkbox', { key, ...describedValue(raw) }, key);
}
