import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fastDayNumber } from '../../src/engine/schedule/day-numbers';
import { e2eVaultNotes } from '../support/fixture-vault';
import { studyJournals } from '../support/study-journals';
import { buildPage, launchChromium, needsBrowser, openViewPage, OUT, ROOT, runIt, scriptLiteral } from './browser';

/**
 * A note's forgetting curve in Chromium, in Obsidian's light and dark themes, at a sidebar's width and
 * on a 390-px phone: drawn, walked by the keyboard, within its pane. Screenshots go to test-results/
 * (and, with UPDATE_DOCS=1, to docs/ for the README).
 */
let browser: Browser | null = null;
let pageUrl = '';
const NOTE = 'Reviews/Kafka 파티션.md';

beforeAll(async () => {
	if (!needsBrowser) return;
	const notes = e2eVaultNotes();
	const history = studyJournals(Object.keys(notes), fastDayNumber('2024-10-10')!);
	pageUrl = await buildPage('e2e-curve-page', join(__dirname, 'curve-view-page.ts'), {
		head: ['<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">', `<script>window.fixtureNotes = ${scriptLiteral(notes)}; window.fixtureHistory = ${scriptLiteral(history)};</script>`].join('\n'),
		body: ['<div class="workspace-leaf-content mod-right-split"></div>', '<script>document.body.className = "theme-" + (location.hash.slice(1) || "light");</script>'].join('\n'),
		files: { 'theme.css': readFileSync(join(__dirname, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

describe.each([
	['light', { width: 340, height: 420 }, 'curve-light'],
	['dark', { width: 340, height: 420 }, 'curve-dark'],
	['light', { width: 390, height: 844 }, 'phone-curve-light'],
] as const)('the forgetting curve in Chromium, %s theme, %o', (theme, viewport, shot) => {
	runIt('draws the note\'s curve within its pane, walks the days by keyboard, and leaves a screenshot', async () => {
		const { page, errors } = await openViewPage(browser, `${pageUrl}?note=${encodeURIComponent(NOTE)}#${theme}`, viewport);
		expect(await page.$eval('.forgetting-curve-curve-title', (el) => el.textContent)).toBe('Kafka 파티션');
		expect(await page.$eval('.forgetting-curve-curve-summary', (el) => el.textContent)).toMatch(/^Predicted recall today: \d+%\. /);
		const points = await page.$$eval('.forgetting-curve-curve-point', (els) => els.length);
		expect(points).toBeGreaterThanOrEqual(2);
		// Within its pane: the chart shrinks to the width it has.
		const [chartWidth, paneWidth] = await page.$eval('.forgetting-curve-curve-chart svg', (svg) => [svg.getBoundingClientRect().width, document.body.clientWidth]);
		expect(chartWidth).toBeLessThanOrEqual(paneWidth);
		await page.focus('.forgetting-curve-curve-chart');
		await page.keyboard.press('Home');
		expect(await page.$eval('.forgetting-curve-curve-readout', (el) => el.textContent)).toMatch(/: 100%$/);
		await page.keyboard.press('End');
		expect(await page.$eval('.forgetting-curve-curve-readout', (el) => el.textContent)).toMatch(/^\S+ \d+: \d+% \(projected\)$/);
		// The theme's colours, not fixed ones: the line is the accent of each theme.
		const stroke = await page.$eval('.forgetting-curve-curve-line', (el) => getComputedStyle(el).stroke);
		expect(stroke).not.toBe('none');
		mkdirSync(OUT, { recursive: true });
		const path = join(OUT, `${shot}.png`);
		await page.screenshot({ path });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(path, join(ROOT, 'docs', `${shot}.png`));
		expect(errors).toEqual([]);
		await page.close();
	});
});
