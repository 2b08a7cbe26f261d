import { type Clock, type StageStatus, toIsoDate } from '../schedule';
import { applyEdits, type FieldUpdate, findFrontmatter, findPair, keySource, parseFrontmatter, planUpdates, type Refusal, scalarSource, type TextEdit, verifyWrite } from '../frontmatter';
import { computedFieldUpdates } from './computed-fields';
import { guarded, openReviewNote, recompute, scalarValueOf, scheduleFor, writeUpdates } from './recompute';
import { managedKeys, type ReviewConfig } from '../config';

export type MarkResult =
	| { kind: 'not-review' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'all-done' }
	| { kind: 'marked'; stage: StageStatus; early: boolean; next: StageStatus | null; text: string; edits: TextEdit[] };

/**
 * Ticks the current stage's checkbox and recomputes the fields in the same write. `early` tells the
 * caller the review was not due yet, so it can ask before applying the result.
 */
export function markCurrentStageDone(text: string, config: ReviewConfig, clock: Clock): MarkResult {
	return guarded(() => markDoneUnguarded(text, config, clock));
}

function markDoneUnguarded(text: string, config: ReviewConfig, clock: Clock): MarkResult {
	const note = openReviewNote(text, config);
	if (note.kind !== 'ok') return note;
	const stage = scheduleFor(note.inputs, config, clock).current;
	if (!stage) return { kind: 'all-done' };
	const done = new Map(note.inputs.done).set(stage.stage.id, true);
	const after = scheduleFor({ first: note.inputs.first, done }, config, clock);
	const checkbox = config.checkboxKeys.get(stage.stage.id);
	if (checkbox === undefined) return { kind: 'all-done' };
	const updates: FieldUpdate[] = [{ key: checkbox, value: true }, ...computedFieldUpdates((key) => scalarValueOf(note.map, key), after, config, clock)];
	const result = writeUpdates(text, note, updates, after);
	if (result.kind === 'refused' || result.kind === 'not-review') return result;
	// The checkbox always changes, so an unchanged result cannot happen; treat it as nothing to do.
	if (result.kind !== 'changed') return { kind: 'all-done' };
	return { kind: 'marked', stage, early: stage.due.getTime() > clock.today.getTime(), next: after.current, text: result.text, edits: result.edits };
}

export type StartResult =
	| { kind: 'already-reviewing' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'started'; text: string; edits: TextEdit[]; next: StageStatus | null };

/**
 * Makes a note a review note: adds the first-study key (today) and any missing checkboxes (unticked),
 * creating the frontmatter if there is none, then fills the computed fields.
 */
export function startReviewing(text: string, config: ReviewConfig, clock: Clock): StartResult {
	return guarded(() => startUnguarded(text, config, clock));
}

function startUnguarded(text: string, config: ReviewConfig, clock: Clock): StartResult {
	const opened = openReviewNote(text, config);
	if (opened.kind === 'refused') return opened;
	if (opened.kind === 'ok') return { kind: 'already-reviewing' };
	const inputs: FieldUpdate[] = [
		{ key: config.firstStudyKey, value: toIsoDate(clock.today) },
		...[...config.checkboxKeys.values()].map((key) => ({ key, value: false })),
	];
	const withInputs = addInputs(text, inputs, managedKeys(config));
	if (typeof withInputs !== 'string') return { kind: 'refused', refusal: withInputs };
	const filled = recompute(withInputs, config, clock);
	if (filled.kind === 'refused') return filled;
	if (filled.kind === 'not-review') return { kind: 'already-reviewing' };
	const next = filled.kind === 'changed' ? filled.text : withInputs;
	return { kind: 'started', text: next, edits: [replacementEdit(text, next)], next: filled.schedule.current };
}

function addInputs(text: string, inputs: FieldUpdate[], managed: ReadonlySet<string>): string | Refusal {
	const block = findFrontmatter(text);
	if (!block) {
		// No frontmatter yet: open an empty block after any BOM, in the note's own line ending.
		const eol = text.includes('\r\n') ? '\r\n' : '\n';
		const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
		return addInputs(`${bom}---${eol}---${eol}${text.slice(bom.length)}`, inputs, managed);
	}
	const parsed = parseFrontmatter(text, block, managed);
	if (parsed.kind === 'refused') return parsed.refusal;
	if (parsed.kind === 'empty') {
		// An empty block (or one holding only comments): the keys go before its closing line.
		const lines = inputs.map((u) => `${keySource(u.key)}: ${scalarSource(u.value, 'plain')}${block.eol}`);
		return applyEdits(text, [{ from: block.insertAt, to: block.insertAt, insert: lines.join('') }]);
	}
	// Keep the checkboxes the learner already has; the first-study value is set (it is empty or absent).
	const missing = inputs.filter((u, i) => i === 0 || !findPair(parsed.map, u.key));
	const planned = planUpdates(text, block, parsed.map, missing);
	if ('code' in planned) return planned;
	const verified = verifyWrite(parsed.doc, text, block, planned);
	return verified.ok ? verified.text : verified.refusal;
}

export type SetResult = { kind: 'unchanged' } | { kind: 'refused'; refusal: Refusal } | { kind: 'changed'; text: string; edits: TextEdit[] };

/**
 * Sets some of a note's values (a repair: real dates where another tool wrote "Invalid date"), only
 * those bytes, verified as every write is; then fills the computed fields. Works on a note that is
 * not yet a readable review note, since its unreadable inputs are what is being set.
 */
export function setValues(text: string, updates: readonly FieldUpdate[], config: ReviewConfig, clock: Clock): SetResult {
	return guarded((): SetResult => {
		const block = findFrontmatter(text);
		if (!block) return { kind: 'unchanged' };
		const parsed = parseFrontmatter(text, block, managedKeys(config));
		if (parsed.kind === 'refused') return parsed;
		if (parsed.kind === 'empty') return { kind: 'unchanged' };
		const planned = planUpdates(text, block, parsed.map, updates);
		if ('code' in planned) return { kind: 'refused', refusal: planned };
		if (planned.edits.length === 0) return { kind: 'unchanged' };
		const verified = verifyWrite(parsed.doc, text, block, planned);
		if (!verified.ok) return { kind: 'refused', refusal: verified.refusal };
		const filled = recompute(verified.text, config, clock);
		if (filled.kind === 'refused') return filled;
		const next = filled.kind === 'changed' ? filled.text : verified.text;
		return { kind: 'changed', text: next, edits: [replacementEdit(text, next)] };
	});
}

/** One edit replacing just the span where two texts differ: what an editor needs to apply a rewrite. */
export function replacementEdit(before: string, after: string): TextEdit {
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
