import { runCli } from './run-cli';

// Entry point of build/cli.cjs (`npm run cli -- <command>`).
const output = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
void Promise.resolve(runCli(process.argv.slice(2), new Date(), output, process.env)).then((code) => {
	process.exitCode = code;
});
