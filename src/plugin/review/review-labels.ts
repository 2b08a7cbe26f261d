import { type StageStatus, toIsoDate } from '../../engine';
import { stageText, t } from '../../locale';

/** "7-day review on 2024-10-08": when the next review is due. */
export function nextReviewText(next: StageStatus): string {
	return t('next.on', { stage: stageText(next.stage, 'name'), due: toIsoDate(next.due) });
}
