import { LONG_TERM, toIsoDate, type StageStatus } from '../engine';
import { t } from './i18n';

export function stageName(stage: StageStatus): string {
	return stage.stage.id === LONG_TERM ? t('stage.long-term') : t('stage.days', { days: stage.stage.days });
}

/** "4-day review" / "long-term review", as calendar events name them. */
export function stageLabelFor(id: string, days: number): string {
	return t('next.stage-review', { stage: id === LONG_TERM ? t('stage.long-term') : t('stage.days', { days }) });
}

export function nextReviewText(next: StageStatus): string {
	return t('next.on', { stage: stageName(next), due: toIsoDate(next.due) });
}
