import type { DayWords } from '../engine';
import { type Language, TABLES } from './tables';

/** A daily reminder's words in a language: the title with its count, "and N more", the link's line. */
export function dayWords(language: Language): DayWords {
	const messages = TABLES[language].messages;
	const count = (text: string, n: number) => text.replace('{count}', String(n));
	return {
		title: (n) => (n === 1 ? messages['calendar.day-one'] : count(messages['calendar.day-many'], n)),
		more: (n) => count(messages['calendar.day-more'], n),
		start: messages['calendar.day-start'],
		noSubject: messages['calendar.no-subject'],
	};
}
