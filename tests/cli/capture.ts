import { runCli } from '../../src/cli/run-cli';

/** Runs the CLI in process at a fixed wall clock and returns its exit code and what it printed. */
export function cliAt(wallClock: Date): (...args: string[]) => { code: number | Promise<number>; out: string; err: string } {
	return (...args) => {
		const out: string[] = [];
		const err: string[] = [];
		const code = runCli(args, wallClock, { out: (t) => out.push(t), err: (t) => err.push(t) });
		return { code, out: out.join(''), err: err.join('') };
	};
}
