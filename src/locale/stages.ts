import { LONG_TERM, type Stage } from '../engine';
import type { Language } from './problems';

/**
 * The one way a stage is put into words: a badge in the due list ("4d"), its name in a sentence
 * ("4-day"), or the review it stands for ("4-day review", as calendar events are named).
 */
export type StageForm = 'badge' | 'name' | 'review';

const FORMS: Record<Language, Record<StageForm, { days: (days: number) => string; longTerm: string }>> = {
	en: {
		badge: { days: (d) => `${d}d`, longTerm: 'long-term' },
		name: { days: (d) => `${d}-day`, longTerm: 'long-term' },
		review: { days: (d) => `${d}-day review`, longTerm: 'long-term review' },
	},
	ko: {
		badge: { days: (d) => `${d}일`, longTerm: '장기' },
		name: { days: (d) => `${d}일`, longTerm: '장기기억' },
		review: { days: (d) => `${d}일 복습`, longTerm: '장기기억 복습' },
	},
};

export function formatStage(stage: Pick<Stage, 'id' | 'days'>, form: StageForm, lang: Language): string {
	const words = FORMS[lang][form];
	return stage.id === LONG_TERM ? words.longTerm : words.days(stage.days);
}
