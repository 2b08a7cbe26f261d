import { LONG_TERM, type Stage } from '../engine';
import type { StageForm } from './en';
import { type Language, TABLES } from './tables';

/** The one way a stage is put into words: a badge ("4d"), a name ("4-day") or its review ("4-day review"). */
export function formatStage(stage: Pick<Stage, 'id' | 'days'>, form: StageForm, lang: Language): string {
	const words = TABLES[lang].stages[form];
	return stage.id === LONG_TERM ? words.longTerm : words.days(stage.days);
}
