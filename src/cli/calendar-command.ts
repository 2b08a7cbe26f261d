import { basename, resolve } from 'node:path';
import { CalDavClient, CalDavError, type CalDavFailure, calendarEvents, type CalendarNote, dayNumberOf, doneMaskOf, reminderMinutes, reviewCalendar, type ReviewCalendarOptions, syncCalendar } from '../engine';
import { dayWords, formatStage } from '../locale';
import { nodeHttpWith } from './node-http';
import { readReviewNotes, writeAtomically } from './notes-on-disk';
import type { CommonOptions } from './options';
import type { Output } from './output';

/** The review notes of a folder as the calendar needs them, plus what was refused. */
function calendarInput(options: CommonOptions, output: Output): { entries: CalendarNote[]; refused: string; calendar: Omit<ReviewCalendarOptions, 'now'> } {
	const [folder = '.'] = options.positionals;
	const { notes, refused } = readReviewNotes([folder], options.config, 'calendar', output);
	const entries: CalendarNote[] = notes.map(({ path, inputs, subject }) => ({
		path,
		subject,
		firstDay: dayNumberOf(inputs.first),
		doneMask: doneMaskOf(options.config.stages, inputs.done),
	}));
	return {
		entries,
		refused: refused.map((r) => `  refused ${r.path}: ${r.reason}\n`).join(''),
		calendar: {
			today: dayNumberOf(options.clock.today),
			vaultName: options.vault ?? basename(resolve(folder)),
			reminderMinutes: options.reminderEnabled ? reminderMinutes(options.reminderTime) : null,
			stageName: (stage) => formatStage(stage, 'review', 'en'),
			mode: options.calendarMode,
			dayWords: dayWords('en'),
		},
	};
}

/** Writes the review calendar (.ics) for a vault folder: the same feed the plugin exports. */
export function runCalendar(options: CommonOptions, output: Output): number {
	const out = options.out ?? '';
	const { entries, refused, calendar } = calendarInput(options, output);
	const text = reviewCalendar(entries, options.config, { ...calendar, now: options.clock.now });
	writeAtomically(out, text);
	const events = text.split('BEGIN:VEVENT').length - 1;
	output.out(`Wrote ${eventsText(events, calendar.mode)} from ${entries.length} review notes to ${out}.\n${refused}`);
	return 0;
}

/** "1 daily reminder", "8 review events": what the events are, counted. */
const eventsText = (count: number, mode: ReviewCalendarOptions['mode']) => `${count} ${mode === 'daily' ? 'daily reminder' : 'review event'}${count === 1 ? '' : 's'}`;

/** Why a sync failed, in words; never the password. */
const FAILURES: Record<CalDavFailure, string> = {
	unauthorized: 'The server refused the user name or password: check the user name and the app password.',
	forbidden: 'The server does not let this account change that calendar: check that it is yours and writable.',
	'not-found': 'There is no calendar at that address: check the calendar URL.',
	precondition: 'The calendar kept changing while syncing (another device?); run the command again.',
	server: 'The server had a problem; try again later.',
	network: 'The server could not be reached; check the address and the connection.',
	protocol: 'The server answered in a way that is not CalDAV; check that the URL is a calendar.',
	insecure: 'The server tried to move the connection from https to plain http; nothing was sent there.',
	elsewhere: 'The server sent the request on to another server; your password and reviews were not sent there.',
	userinfo: 'The address holds a user name or password: give the user name with --user and the password in FORGETTING_CURVE_CALDAV_PASSWORD.',
	'too-large': 'The server\'s answer was larger than 20 MB; nothing was written.',
	timeout: 'The server did not answer in time; try again later.',
	'cannot-create': 'The server makes no calendars over CalDAV; give the address of an existing calendar.',
	'not-a-calendar': 'That address is not a calendar (perhaps the account\'s home); give the address of a calendar in it.',
};

/**
 * Syncs the review events into a CalDAV calendar (the server is the truth; nothing is stored here) and
 * prints created / updated / deleted / unchanged. Exit 1 when the server refused.
 */
export async function runCalendarSync(options: CommonOptions, password: string, output: Output): Promise<number> {
	const url = options.caldav ?? '';
	const { entries, refused, calendar } = calendarInput(options, output);
	const events = calendarEvents(entries, options.config, calendar);
	try {
		const counts = await syncCalendar(new CalDavClient(nodeHttpWith({ deadlineMs: options.timeoutSeconds * 1000 }), options.user ?? '', password, url), url, events, options.clock.now, calendar.vaultName);
		const failed = counts.failed.map((f) => `  not synced ${f.summary}: ${FAILURES[f.failure]}${f.status === null ? '' : ` (HTTP ${f.status})`}\n`).join('');
		const leftAlone = counts.leftAlone.map((name) => `  left alone ${name}: it has a Forgetting Curve UID but was changed by another app\n`).join('');
		output.out(
			`Synced ${eventsText(events.length, calendar.mode)} from ${entries.length} review notes to ${url}: ` +
				`${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.unchanged} unchanged` +
				`${counts.failed.length > 0 ? `, ${counts.failed.length} refused by the server` : ''}.\n${failed}${leftAlone}${refused}`,
		);
		return counts.failed.length > 0 ? 1 : 0;
	} catch (e) {
		if (!(e instanceof CalDavError)) throw e;
		const status = e.status === null ? '' : ` (HTTP ${e.status})`;
		output.err(`${FAILURES[e.failure]}${status}\n  ${e.message}\n`);
		return 1;
	}
}
