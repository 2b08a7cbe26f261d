import { runCalendar } from './calendar-command';
import { runDue } from './due-command';
import { parseCommandLine, USAGE, UsageError } from './options';
import type { Output } from './output';
import { runRecompute } from './recompute-command';

const COMMANDS = { recompute: runRecompute, due: runDue, calendar: runCalendar };

/** Runs one CLI command and returns its exit code: 0 done, 1 notes refused, 2 usage error. */
export function runCli(argv: readonly string[], wallClock: Date, output: Output): number {
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
		if ((name === 'due' || name === 'calendar') && options.positionals.length !== 1) throw new UsageError(`"${name}" takes one folder.`);
		if (name === 'calendar' && !options.out) throw new UsageError('"calendar" needs --out FILE.');
		if (name !== 'calendar' && (options.out !== undefined || options.vault !== undefined)) throw new UsageError('--out and --vault go with "calendar".');
		if (options.dryRun && name !== 'recompute') throw new UsageError('--dry-run goes with "recompute".');
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
