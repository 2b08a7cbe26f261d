import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { it } from 'vitest';
import { CHROMIUM } from '../support/chromium';

export { buildPage, CHROMIUM, launchChromium, OUT, ROOT, scriptLiteral } from '../support/chromium';

const available = existsSync(CHROMIUM);
/** CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip. */
export const needsBrowser = available || process.env.CI === 'true';
export const runIt = needsBrowser ? it : it.skip;

/**
 * A new page of a view test: the page at `url` (its hash names the theme), waited on until it says its view is
 * drawn (`window.viewReady`), with every uncaught page error collected for the test to check.
 */
export async function openViewPage(browser: Browser | null, url: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
	if (!browser) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
	const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(url);
	await page.waitForFunction(() => (window as unknown as { viewReady?: boolean }).viewReady === true, undefined, { timeout: 20_000 });
	return { page, errors };
}
