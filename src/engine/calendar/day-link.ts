import { fastDayNumber } from '../schedule';

/**
 * The link that opens a day's reviews: `obsidian://forgetting-curve?vault=<name>&day=YYYY-MM-DD`.
 * Obsidian opens the named vault and hands the plugin the link's values (registerObsidianProtocolHandler);
 * the daily reminder puts it in its event's URL and description.
 */
export const DAY_LINK_ACTION = 'forgetting-curve';

export function dayLink(vaultName: string, isoDay: string): string {
	return `obsidian://${DAY_LINK_ACTION}?vault=${encodeURIComponent(vaultName)}&day=${isoDay}`;
}

/** The day a link names, as a day number; null when it names none or an impossible date. */
export function dayOfLink(params: Readonly<Record<string, string>>): number | null {
	const day = params.day;
	if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
	return fastDayNumber(day);
}
