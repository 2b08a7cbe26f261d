import { type Card, createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { dateOfDayNumber } from '../schedule';

/**
 * Predicted recall: the forgetting curve the plugin is named after, from a well-kept model rather than
 * a formula of our own. FSRS (Free Spaced Repetition Scheduler, the model Anki ships) through `ts-fsrs`
 * with its default parameters, fitted on large public collections of Anki reviews. The template keeps no
 * grades, so the first study and every review done are rated Good. Fuzz and short-term steps are off:
 * the same history always gives the same curve. It is an estimate of how likely the learner is to
 * recall the note on a day, not a measurement.
 */
export const RECALL_MODEL = fsrs({ enable_fuzz: false, enable_short_term: false });

/** A moment of a day for the model: local noon, so a daylight-saving hour never moves a day. */
function noonOf(day: number): Date {
	const date = dateOfDayNumber(day);
	date.setHours(12);
	return date;
}

/**
 * The card after studying on `firstDay` and reviewing on each of `reviewDays` (ascending, each rated
 * Good), one state per event: `states[i]` holds from event i's day on.
 */
export function memoryStates(firstDay: number, reviewDays: readonly number[]): { day: number; card: Card }[] {
	const states: { day: number; card: Card }[] = [];
	let card = createEmptyCard(noonOf(firstDay));
	for (const day of [firstDay, ...reviewDays]) {
		card = RECALL_MODEL.next(card, noonOf(day), Rating.Good).card;
		states.push({ day, card });
	}
	return states;
}

/**
 * Predicted recall (0–1) on `day`, from the latest state on or before it; 1 on a review day itself,
 * null before the first study. The library's forgetting curve at the card's stability, after the
 * calendar days since that review (as the plugin counts every day): the library's get_retrievability
 * counts whole 24-hour periods between two moments, a day short across a daylight-saving change, and
 * makes two dates per call, which a five-year curve of 1,900 days pays for.
 */
export function recallOn(states: readonly { day: number; card: Card }[], day: number): number | null {
	let latest: { day: number; card: Card } | null = null;
	for (const state of states) {
		if (state.day > day) break;
		latest = state;
	}
	// The stability rounded as get_retrievability rounds it, so the two agree to the last digit.
	return latest ? RECALL_MODEL.forgetting_curve(day - latest.day, +latest.card.stability.toFixed(8)) : null;
}
