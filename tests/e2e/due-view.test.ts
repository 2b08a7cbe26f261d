import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildPage, launchChromium, needsBrowser, openViewPage, OUT, ROOT, runIt, scriptLiteral } from './browser';
import { e2eVaultNotes } from '../support/fixture-vault';

/**
 * End to end in a real browser: Debian's Chromium, driven by playwright-core, renders the due view of
 * the plugin built from src/ with 30 fixture notes, in Obsidian's light and dark themes.
 */
let browser: Browser | null = null;
let pageUrl = '';

beforeAll(async () => {
	if (!needsBrowser) return;
	const notes = e2eVaultNotes();
	pageUrl = await buildPage('e2e-page', join(__dirname, 'due-view-page.ts'), {
		head: ['<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">', `<script>window.fixtureNotes = ${scriptLiteral(notes)};</script>`].join('\n'),
		body: ['<div class="workspace-leaf-content"></div>', '<script>document.body.className = "theme-" + (location.hash.slice(1) || "light");</script>'].join('\n'),
		files: { 'theme.css': readFileSync(join(__dirname, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

describe.each(['light', 'dark'])('due view in Chromium, %s theme', (theme) => {
	runIt('shows the sections, counts and rows, opens the clicked note, and leaves a screenshot', async () => {
		const { page, errors } = await openViewPage(browser, `${pageUrl}#${theme}`, { width: 320, height: 1400 });

		const sections = await page.$$eval('.forgetting-curve-section', (els) =>
			els.map((el) => ({
				title: el.querySelector('.forgetting-curve-section-title')?.textContent,
				count: el.querySelector('.forgetting-curve-count')?.textContent,
				rows: el.querySelectorAll('.forgetting-curve-row').length,
			})),
		);
		expect(sections).toEqual([
			{ title: 'Overdue', count: '6', rows: 6 },
			{ title: 'Due today', count: '8', rows: 8 },
			{ title: 'Upcoming', count: '10', rows: 10 },
		]);
		const firstOverdue = await page.$eval('.forgetting-curve-section-overdue .forgetting-curve-row', (el) => [
			el.querySelector('.forgetting-curve-row-title')?.textContent,
			el.querySelector('.forgetting-curve-badge')?.textContent,
			el.querySelector('.forgetting-curve-row-meta')?.textContent,
		]);
		expect(firstOverdue).toEqual(['Prometheus 쿼리', '4d', '관측성 · 6 days late']);
		expect(await page.$$eval('.forgetting-curve-forecast-bar', (bars) => bars.length)).toBe(14);
		// Reviews are due: the session can start from the top of the view, beside the statistics.
		expect(await page.$eval('.forgetting-curve-start-session', (el) => el.textContent)).toBe('Review due notes');
		expect(await page.$eval('.forgetting-curve-open-stats', (el) => [el.getAttribute('aria-label'), el.querySelector('svg') !== null])).toEqual(['Statistics', true]);
		expect(await page.$$eval('[style]', (els) => els.length)).toBe(0);

		// Computed colours come from the theme's variables: the view follows light and dark.
		const titleColour = await page.$eval('.forgetting-curve-row-title', (el) => getComputedStyle(el).color);
		expect(titleColour).toBe(theme === 'light' ? 'rgb(34, 34, 34)' : 'rgb(218, 218, 218)');

		mkdirSync(OUT, { recursive: true });
		await page.screenshot({ path: join(OUT, `due-view-${theme}.png`), fullPage: true });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(join(OUT, `due-view-${theme}.png`), join(ROOT, 'docs', `due-view-${theme}.png`));

		// The filter, picked as a learner picks it: a subject in Korean, then back to every note.
		// Closed, the picker holds the option in force; reaching for it (here the keyboard's focus) fills it.
		expect(await page.$$eval('select.forgetting-curve-filter option', (els) => els.map((el) => el.textContent))).toEqual(['All notes (14)']);
		await page.focus('select.forgetting-curve-filter');
		const options = await page.$$eval('select.forgetting-curve-filter option', (els) => els.map((el) => el.textContent));
		expect(options.length).toBeGreaterThan(5);
		expect(options[0]).toBe('All notes (14)');
		const k8s = options.find((text) => text?.startsWith('쿠버네티스 ('));
		expect(k8s).toMatch(/^쿠버네티스 \(\d+\)$/);
		await page.selectOption('select.forgetting-curve-filter', { label: k8s! });
		const metas = await page.$$eval('.forgetting-curve-row-meta', (els) => els.map((el) => el.textContent));
		expect(metas.length).toBeGreaterThan(0);
		expect(metas.every((meta) => meta?.startsWith('쿠버네티스'))).toBe(true);
		expect(await page.$eval('.forgetting-curve-start-session', (el) => el.textContent)).toBe('Review 쿠버네티스');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('forgetting-curve-filter'))).toBe(true);
		await page.selectOption('select.forgetting-curve-filter', { index: 0 });
		expect(await page.$$eval('.forgetting-curve-row', (els) => els.length)).toBe(24);

		await page.click('.forgetting-curve-row[data-path="Reviews/Kafka 파티션.md"]');
		await page.click('.forgetting-curve-row[data-path="Reviews/Argo CD.md"]', { modifiers: ['Control'] });
		expect(await page.evaluate(() => window.opened)).toEqual(['Reviews/Kafka 파티션.md', 'Reviews/Argo CD.md (new tab)']);
		expect(errors).toEqual([]);
		expect(existsSync(join(OUT, `due-view-${theme}.png`))).toBe(true);
		await page.close();
	}, 60_000);
});
