import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the end-to-end tests and the benchmark: Debian's, driven by playwright-core (never a
 * downloaded browser), and pages bundled from src/ with `obsidian` served by obsidian-test-mocks.
 */
export const CHROMIUM = '/usr/bin/chromium';
/** The project's folder: two up from here under vitest, one up from build/ when bundled into the benchmark. */
function projectRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
}
export const ROOT = projectRoot();
export const OUT = join(ROOT, 'test-results');

/**
 * Bundles a page entry (the plugin from src/, `obsidian` served by obsidian-test-mocks) into
 * test-results/<name>/ with an index.html around it, and returns the page's file URL.
 */
export async function buildPage(name: string, entry: string, page: { head?: string; body?: string; files?: Record<string, string> }, out = OUT): Promise<string> {
	const dir = join(out, name);
	mkdirSync(dir, { recursive: true });
	await esbuild.build({
		entryPoints: [entry],
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2021',
		alias: { obsidian: 'obsidian-test-mocks/obsidian' },
		outfile: join(dir, 'page.js'),
		logLevel: 'warning',
	});
	for (const [file, text] of Object.entries(page.files ?? {})) writeFileSync(join(dir, file), text);
	const html = ['<!doctype html><html><head><meta charset="utf-8">', page.head ?? '', '</head><body>', page.body ?? '', '<script src="page.js"></script></body></html>'];
	writeFileSync(join(dir, 'index.html'), html.join('\n'));
	return pathToFileURL(join(dir, 'index.html')).href;
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
	});
}

/** A JSON value as a script literal that cannot close the script element. */
export const scriptLiteral = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
