import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CalendarMode, type Clock, clockAt, FACET_KINDS, facetKey, type FilterTerm, type ReviewFilter, loadSettings, parseCalendarDate, resolveConfig, type ReviewConfig, toIsoDate } from '../engine';
import { settingsProblemText } from '../locale';

export class UsageError extends Error {}

export const USAGE = `Usage:
  forgetting-curve recompute <file-or-folder>... [--today YYYY-MM-DD] [--now YYYY-MM-DDTHH:mm]
                             [--settings FILE] [--dry-run] [--json]
  forgetting-curve due <folder> [--subject NAME] [--folder PATH] [--tag TAG] [--today YYYY-MM-DD] [--settings FILE] [--json]
  forgetting-curve stats <folder> [--subject NAME] [--folder PATH] [--tag TAG] [--today YYYY-MM-DD] [--settings FILE]
                         [--history DIR] [--note FILE] [--json]
      (--history defaults to <folder>/.obsidian/plugins/forgetting-curve/history. --subject, --folder, --tag:
      only those notes (a folder with its subfolders, a tag with its nested tags); each may be given again
      for any of several values)
  forgetting-curve calendar <folder> --out FILE [--per-review] [--today YYYY-MM-DD] [--settings FILE] [--vault NAME]
  forgetting-curve calendar <folder> --caldav CALENDAR-URL --user NAME [--per-review] [--today YYYY-MM-DD]
                            [--settings FILE] [--vault NAME] [--timeout SECONDS]
      (one reminder event a day by default; --per-review: one event per review. The password comes
      from the environment variable FORGETTING_CURVE_CALDAV_PASSWORD)
  forgetting-curve import-notion <notion-export-folder-or-zip> <vault-folder> [--settings FILE] [--dry-run] [--repair]
      (Notion's "Markdown & CSV" or "HTML" export, as its .zip or unzipped; nothing existing is overwritten.
      --repair: give the notes Obsidian's Importer wrote in the vault folder their dates back from the export)

Exit codes: 0 done; 1 some notes were refused (recompute), rows were skipped (import-notion) or the calendar server refused;
2 usage error.`;

export interface CommonOptions {
	positionals: string[];
	json: boolean;
	dryRun: boolean;
	/** calendar: the .ics file to write, and the vault name for obsidian:// links. */
	out: string | undefined;
	vault: string | undefined;
	/** calendar: the CalDAV calendar collection to sync into, and the account's user name. */
	caldav: string | undefined;
	user: string | undefined;
	/** calendar --caldav: the whole time one request may take, in seconds (default 30). */
	timeoutSeconds: number;
	/** stats: the folder of review journals. */
	history: string | undefined;
	/** The snoozes the settings file (the plugin's data.json) holds, unread. */
	snoozes: unknown;
	reminderEnabled: boolean;
	reminderTime: string;
	/** calendar: daily (the default, or the settings') or, with --per-review, one event per review. */
	calendarMode: CalendarMode;
	/** Whether --per-review was given (it goes with "calendar" only). */
	perReview: boolean;
	/** import-notion: repair the dates of notes Obsidian's Importer wrote, instead of importing. */
	repair: boolean;
	/** stats: one note's predicted recall (its path in the folder). */
	note: string | undefined;
	/** due, stats: only the notes with these subjects, in these folders, with these tags. */
	filter: ReviewFilter;
	clock: Clock;
	config: ReviewConfig;
	warnings: string[];
}

const OPTION_SPEC = {
	today: { type: 'string' },
	now: { type: 'string' },
	settings: { type: 'string' },
	'dry-run': { type: 'boolean' },
	json: { type: 'boolean' },
	out: { type: 'string' },
	vault: { type: 'string' },
	caldav: { type: 'string' },
	user: { type: 'string' },
	timeout: { type: 'string' },
	history: { type: 'string' },
	'per-review': { type: 'boolean' },
	repair: { type: 'boolean' },
	note: { type: 'string' },
	subject: { type: 'string', multiple: true },
	folder: { type: 'string', multiple: true },
	tag: { type: 'string', multiple: true },
	help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommandLine(args: readonly string[], wallClock: Date): CommonOptions & { help: boolean } {
	let parsed;
	try {
		parsed = parseArgs({ args: [...args], options: OPTION_SPEC, allowPositionals: true, strict: true });
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
	const { values, positionals } = parsed;
	const { settings, problems, raw } = readSettingsFile(values.settings);
	const resolved = resolveConfig(settings);
	if (!resolved.ok) throw new UsageError(`The settings are not usable:\n  ${resolved.errors.map((p) => settingsProblemText(p, 'en')).join('\n  ')}`);
	return {
		positionals,
		json: values.json === true,
		dryRun: values['dry-run'] === true,
		out: values.out,
		vault: values.vault,
		caldav: values.caldav,
		user: values.user,
		timeoutSeconds: timeoutFrom(values.timeout),
		history: values.history,
		snoozes: (raw as { snoozes?: unknown } | undefined)?.snoozes,
		reminderEnabled: settings.reminderEnabled,
		reminderTime: settings.reminderTime,
		calendarMode: values['per-review'] === true ? 'per-review' : settings.calendarMode,
		perReview: values['per-review'] === true,
		repair: values.repair === true,
		note: values.note,
		filter: filterOf(values),
		help: values.help === true,
		clock: clockFrom(values.today, values.now, wallClock, settings.dayStartHour),
		config: resolved.config,
		warnings: problems.map((p) => settingsProblemText(p, 'en')),
	};
}

/** --subject, --folder, --tag (each may be given more than once: any of its values). */
function filterOf(values: { subject?: string[]; folder?: string[]; tag?: string[] }): ReviewFilter {
	const terms: FilterTerm[] = [];
	for (const kind of FACET_KINDS) {
		for (const value of values[kind] ?? []) {
			if (facetKey(kind, value) === '') throw new UsageError(`--${kind} needs a value.`);
			terms.push({ kind, value });
		}
	}
	return terms;
}

function readSettingsFile(path: string | undefined) {
	if (path === undefined) return { ...loadSettings(undefined), raw: undefined };
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new UsageError(`Cannot read settings from ${path}: ${(e as Error).message}`);
	}
	return { ...loadSettings(raw), raw };
}

function timeoutFrom(value: string | undefined): number {
	if (value === undefined) return 30;
	const seconds = Number(value);
	if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 600) throw new UsageError(`--timeout takes seconds from 1 to 600, not "${value}".`);
	return seconds;
}

const NOW_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** --now fixes the moment; --today fixes the day (at the current time of day); neither: the real clock. */
function clockFrom(today: string | undefined, now: string | undefined, wallClock: Date, dayStartHour: number): Clock {
	if (now !== undefined) {
		const match = NOW_PATTERN.exec(now);
		const day = match ? parseCalendarDate(match[1] ?? '') : null;
		if (!match || !day?.ok || Number(match[2]) > 23 || Number(match[3]) > 59) throw new UsageError(`--now takes a local date and time like 2024-10-27T14:00, not "${now}".`);
		const moment = new Date(day.date);
		moment.setHours(Number(match[2]), Number(match[3]));
		const clock = clockAt(moment, dayStartHour);
		if (today !== undefined && today !== toIsoDate(clock.today)) {
			throw new UsageError(`--today ${today} and --now ${now} name different days.`);
		}
		return clock;
	}
	if (today !== undefined) {
		const day = /^\d{4}-\d{2}-\d{2}$/.test(today) ? parseCalendarDate(today) : null;
		if (!day?.ok) throw new UsageError(`--today takes a date like 2024-10-27, not "${today}".`);
		const moment = new Date(day.date);
		moment.setHours(wallClock.getHours(), wallClock.getMinutes(), wallClock.getSeconds());
		return { today: day.date, now: moment };
	}
	return clockAt(wallClock, dayStartHour);
}
