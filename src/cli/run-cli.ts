import { hasUserinfo, isPlainHttpToRemote } from '../engine';
import { runCalendar, runCalendarSync } from './calendar-command';
import { runDue } from './due-command';
import { runImportNotion } from './import-notion-command';
import { parseCommandLine, USAGE, UsageError } from './options';
import type { Output } from './output';
import { runRecompute } from './recompute-command';
import { runStats } from './stats-command';

const COMMANDS = { recompute: runRecompute, due: runDue, calendar: runCalendar, stats: runStats, 'import-notion': runImportNotion };

/** The environment variable that holds the CalDAV password: never a flag, so it stays out of shell history. */
export const PASSWORD_VARIABLE = 'FORGETTING_CURVE_CALDAV_PASSWORD';

/**
 * Runs one CLI command and returns its exit code: 0 done, 1 notes or the calendar server refused,
 * 2 usage error. Syncing a calendar talks to a server, so that command answers with a promise.
 */
export function runCli(argv: readonly string[], wallClock: Date, output: Output, env: Record<string, string | undefined> = {}): number | Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		output.out(`${USAGE}\n`);
		return name === undefined ? 2 : 0;
	}
	const command = COMMANDS[name as keyof typeof COMMANDS] as (typeof COMMANDS)[keyof typeof COMMANDS] | undefined;
	try {
		if (!command) throw new UsageError(`Unknown command "${name}".`);
		const options = parseCommandLine(rest, wallClock);
		if (options.help) {
			output.out(`${USAGE}\n`);
			return 0;
		}
		if (options.positionals.length === 0) throw new UsageError(`"${name}" needs a file or folder.`);
		if ((name === 'due' || name === 'calendar' || name === 'stats') && options.positionals.length !== 1) throw new UsageError(`"${name}" takes one folder.`);
		if (name === 'import-notion' && options.positionals.length !== 2) throw new UsageError('"import-notion" takes the Notion export (its folder or .zip) and the vault folder to write into.');
		if (name === 'calendar' && !options.out && !options.caldav) throw new UsageError('"calendar" needs --out FILE or --caldav CALENDAR-URL.');
		if (name === 'calendar' && options.caldav !== undefined && !options.user) throw new UsageError('--caldav needs --user NAME.');
		if (name !== 'calendar' && ([options.out, options.vault, options.caldav, options.user].some((v) => v !== undefined) || options.perReview)) {
			throw new UsageError('--out, --vault, --caldav, --user and --per-review go with "calendar".');
		}
		if (options.filter.length > 0 && name !== 'due' && name !== 'stats') throw new UsageError('--subject, --folder and --tag go with "due" and "stats".');
		if (options.filter.length > 0 && options.note !== undefined) throw new UsageError('--note shows one note: leave out --subject, --folder and --tag.');
		if (name === 'calendar' && options.caldav !== undefined) {
			// Never echoed: the address may hold the very password it must not.
			if (hasUserinfo(options.caldav)) throw new UsageError(`--caldav takes the calendar's address without a user name or password in it: give the user name with --user and the password in ${PASSWORD_VARIABLE}.`);
			if (isPlainHttpToRemote(options.caldav)) output.err('warning: --caldav uses plain http to a server outside your network: the password travels unencrypted. Use an https address.\n');
			const password = env[PASSWORD_VARIABLE];
			if (!password) throw new UsageError(`--caldav reads the password from the environment variable ${PASSWORD_VARIABLE}, which is not set.`);
			for (const warning of options.warnings) output.err(`warning: ${warning}\n`);
			return runCalendarSync(options, password, output);
		}
		if (options.history !== undefined && name !== 'stats') throw new UsageError('--history goes with "stats".');
		if (options.dryRun && name !== 'recompute' && name !== 'import-notion') throw new UsageError('--dry-run goes with "recompute" and "import-notion".');
		if (options.repair && name !== 'import-notion') throw new UsageError('--repair goes with "import-notion".');
		if (options.note !== undefined && name !== 'stats') throw new UsageError('--note goes with "stats".');
		for (const warning of options.warnings) output.err(`warning: ${warning}\n`);
		return command(options, output);
	} catch (e) {
		if (e instanceof UsageError) {
			output.err(`${e.message}\n\n${USAGE}\n`);
			return 2;
		}
		const code = (e as { code?: unknown }).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			output.err(`${(e as Error).message}\n`);
			return 2;
		}
		throw e;
	}
}
