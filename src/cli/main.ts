import { runCli } from './run-cli';

// Entry point of build/cli.cjs (`npm run cli -- <command>`).
process.exitCode = runCli(process.argv.slice(2), new Date(), {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
});
