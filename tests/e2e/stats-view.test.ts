import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { journalStats, readJournals } from '../../src/engine';
import { studyJournals } from '../support/study-journals';
import { fastDayNumber } from '../../src/engine/schedule/day-numbers';
import { buildPage, launchChromium, needsBrowser, openViewPage, OUT, ROOT, runIt, scriptLiteral } from './browser';
import { e2eVaultNotes } from '../support/fixture-vault';

/**
 * End to end in Chromium: the statistics view of the plugin built from src/, over the 30-note vault
 * and half a year of reviews from two devices, in Obsidian's light and dark themes. Screenshots go to
 * test-results/ (and, with UPDATE_DOCS=1, to docs/ for the README).
 */
let browser: Browser | null = null;
let pageUrl = '';
const TODAY = fastDayNumber('2024-10-10')!;

let history: Record<string, string> = {};

beforeAll(async () => {
	if (!needsBrowser) return;
	const notes = e2eVaultNotes();
	history = studyJournals(Object.keys(notes), TODAY);
	pageUrl = await buildPage('e2e-stats-page', join(__dirname, 'stats-view-page.ts'), {
		head: ['<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">', `<script>window.fixtureNotes = ${scriptLiteral(notes)}; window.fixtureHistory = ${scriptLiteral(history)};</script>`].join('\n'),
		body: ['<div class="workspace-leaf-content mod-main"></div>', '<script>document.body.className = "theme-" + (location.hash.slice(1) || "light");</script>'].join('\n'),
		files: { 'theme.css': readFileSync(join(__dirname, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

describe.each(['light', 'dark'])('statistics view in Chromium, %s theme', (theme) => {
	runIt('shows the figures, a 26-week heatmap with a tooltip per day, stages and forecast, and leaves a screenshot', async () => {
		const { page, errors } = await openViewPage(browser, `${pageUrl}#${theme}`, { width: 720, height: 900 });

		// The figures the view shows are those of the engine's definitions over the same journals.
		const stats = journalStats(readJournals(new Map(Object.entries(history))), TODAY);
		const tiles = await page.$$eval('.forgetting-curve-stats-tile', (els) => els.map((el) => [el.querySelector('.forgetting-curve-stats-label')?.textContent, el.querySelector('.forgetting-curve-stats-value')?.textContent]));
		expect(tiles).toEqual([
			['Reviews done', String(stats.total)],
			['Current streak', `${stats.currentStreakDays} days`],
			['Longest streak', `${stats.longestStreakDays} days`],
			['On time', `${Math.round((stats.onTimeRate ?? 0) * 100)}%`],
			['Late reviews', String(stats.late.count)],
		]);
		expect(stats.total).toBeGreaterThan(300);

		// 25 full weeks and this week up to today (a Thursday: Sunday to Thursday).
		const cells = await page.$$eval('.forgetting-curve-heat', (els) => els.map((el) => ({ count: Number(el.getAttribute('data-count')), title: el.querySelector('title')?.textContent ?? '' })));
		expect(cells).toHaveLength(25 * 7 + 5);
		const todayCount = stats.reviewsByDay.get(TODAY) ?? 0;
		expect(cells.at(-1)).toEqual({ count: todayCount, title: `Thu, Oct 10, 2024: ${todayCount} review${todayCount === 1 ? '' : 's'}` });
		expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe([...stats.reviewsByDay].filter(([d]) => d > TODAY - 25 * 7 - 5).reduce((sum, [, n]) => sum + n, 0));
		expect(await page.$$eval('.forgetting-curve-stats-stage', (els) => els.length)).toBe(6);
		expect(await page.$$eval('.forgetting-curve-forecast-bar', (bars) => bars.length)).toBe(14);
		expect(await page.$$eval('[style]', (els) => els.length)).toBe(0);

		// Colours come from the theme's variables: an empty day and a busy one.
		const fill = (level: number) => page.$eval(`.forgetting-curve-heat-${level}`, (el) => [getComputedStyle(el).fill, getComputedStyle(el).fillOpacity]);
		expect(await fill(0)).toEqual([theme === 'light' ? 'rgb(224, 224, 224)' : 'rgb(54, 54, 54)', '1']);
		expect(await fill(4)).toEqual([theme === 'light' ? 'rgb(8, 185, 78)' : 'rgb(68, 207, 110)', '1']);

		mkdirSync(OUT, { recursive: true });
		const shot = join(OUT, `stats-view-${theme}.png`);
		await page.screenshot({ path: shot, fullPage: true });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(shot, join(ROOT, 'docs', `stats-view-${theme}.png`));
		expect(errors).toEqual([]);
		expect(existsSync(shot)).toBe(true);
		await page.close();
	}, 60_000);
});
