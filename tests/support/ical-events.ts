import ICAL from 'ical.js';

/** One event as a calendar app reads it, through ical.js (not our own reader). */
export interface ReadEvent {
	uid: string;
	summary: string;
	/** The start as written: `2024-10-10` (all day) or `2024-10-10T09:00:00` (local time in `zone`). */
	start: string;
	end: string;
	allDay: boolean;
	/** The zone of a timed start (its TZID), undefined for an all-day one. */
	zone: string | undefined;
	/** The instant it starts, in ms since the epoch (local midnight for an all-day event). */
	startMs: number;
	minutes: number;
	description: string;
	url: string;
	/** The first alarm's action and trigger (`DISPLAY`, `PT0S`), or null without an alarm. */
	action: string | null;
	trigger: string | null;
}

/**
 * Reads a calendar (.ics text, or one CalDAV resource) with ical.js, registering the VTIMEZONEs it
 * carries first, so a timed event's instant is computed from the zone the file defines.
 */
export function readCalendar(text: string): ReadEvent[] {
	const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		const alarm = vevent.getFirstSubcomponent('valarm');
		return {
			uid: event.uid,
			summary: event.summary,
			start: event.startDate.toString(),
			end: event.endDate.toString(),
			allDay: event.startDate.isDate,
			zone: event.startDate.isDate ? undefined : event.startDate.zone?.tzid,
			startMs: event.startDate.toJSDate().getTime(),
			minutes: (event.endDate.toUnixTime() - event.startDate.toUnixTime()) / 60,
			description: event.description,
			url: String(vevent.getFirstPropertyValue('url') ?? ''),
			action: alarm ? String(alarm.getFirstPropertyValue('action')) : null,
			trigger: alarm?.getFirstPropertyValue('trigger')?.toString() ?? null,
		};
	});
}
