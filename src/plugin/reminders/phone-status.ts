import { t } from '../../locale';
import type { PushStatus } from './calendar-push';

const time = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The settings tab's status line: last sync, events in the calendar, the last problem and the next try. */
export function phoneStatusText(status: PushStatus): string {
	const parts = [status.lastSync ? t('settings.phone-last', { time: `${status.lastSync.toLocaleDateString()} ${time(status.lastSync)}`, events: status.events }) : t('settings.phone-never')];
	if (status.lastError) parts.push(t('settings.phone-error', { reason: status.lastError }));
	if (status.retryAt) parts.push(t('settings.phone-retry', { time: time(status.retryAt) }));
	return parts.join(' ');
}
