/** Reviews as calendar events: the .ics writer, the events of the review notes (daily or per review), the day's link, and their sync to a CalDAV calendar. The feature's one door: other features import only what is named here. */
export { MARK_PROPERTY, planSync, resourceUrl, syncCalendar, type SyncCounts } from './calendar-sync';
export { DAY_LINK_ACTION, dayLink, dayOfLink } from './day-link';
export { escapeText, foldLine, writeCalendar, type CalendarEvent, type EventTime } from './ical';
export { noteTitle } from './note-title';
export { calendarEvents, dailyEvents, DAY_NOTES_LISTED, EVENT_UID_SUFFIX, notesOnDay, reviewCalendar, reviewEvents, type CalendarNote, type DayWords, type ReviewCalendarOptions } from './review-calendar';
export { isKnownTimeZone, localTimeZone, offsetMinutes, timeZoneLines } from './time-zone';
