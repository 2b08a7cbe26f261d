/** Reviews as calendar events: the .ics writer, the events of the review notes and their sync to a CalDAV calendar. The feature's one door: other features import only what is named here. */
export { MARK_PROPERTY, planSync, resourceUrl, syncCalendar, type SyncCounts } from './calendar-sync';
export { escapeText, foldLine, writeCalendar, type CalendarEvent } from './ical';
export { noteTitle } from './note-title';
export { EVENT_UID_SUFFIX, reviewCalendar, reviewEvents, type CalendarNote, type ReviewCalendarOptions } from './review-calendar';
