import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * `import-notion <root>/<source> <root>/vault` with the Korean template's settings (written beside
 * them) at 2024-10-27 14:00: each run's exit code and what it printed, both streams in their order.
 */
export function notionImporter(root: string, source: string): { vault: string; run: (...extra: string[]) => { code: number | Promise<number>; said: string } } {
	const settings = join(root, 'settings.json');
	writeFileSync(settings, JSON.stringify({ preset: 'ko-template', rateFormula: 'template' }));
	const vault = join(root, 'vault');
	const run = (...extra: string[]) => {
		const out: string[] = [];
		const code = runCli(['import-notion', join(root, source), vault, '--now', '2024-10-27T14:00', '--settings', settings, ...extra], new Date(2024, 9, 27, 14), { out: (t) => out.push(t), err: (t) => out.push(t) });
		return { code, said: out.join('') };
	};
	return { vault, run };
}
