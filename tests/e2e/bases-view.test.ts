import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildPage, launchChromium, needsBrowser, openViewPage, OUT, ROOT, runIt, scriptLiteral } from './browser';
import { e2eVaultNotes } from '../support/fixture-vault';

/**
 * The "Review schedule" Bases view in Debian's Chromium: the plugin built from src/ over the 30
 * fixture notes, the view made by its registered factory inside a stand-in for a base's pane, fed a
 * query result built as Bases builds one, in Obsidian's light and dark themes.
 */
let browser: Browser | null = null;
let pageUrl = '';

beforeAll(async () => {
	if (!needsBrowser) return;
	const notes = e2eVaultNotes();
	pageUrl = await buildPage('bases-page', join(__dirname, 'bases-view-page.ts'), {
		head: [
			'<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">',
			// A base's pane: its toolbar line above the view, in Obsidian's UI font size.
			'<style>.mod-main { width: auto; } .bases-header { padding: 8px 12px; font-size: var(--font-ui-small); color: var(--text-muted); border-bottom: 1px solid var(--background-modifier-border); }</style>',
			`<script>window.fixtureNotes = ${scriptLiteral(notes)};</script>`,
		].join('\n'),
		body: [
			'<div class="workspace-leaf-content mod-main"><div class="bases-header">Reviews.base · 복습 일정</div><div class="bases-view"></div></div>',
			'<script>document.body.className = "theme-" + (location.hash.slice(1) || "light");</script>',
		].join('\n'),
		files: { 'theme.css': readFileSync(join(__dirname, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

const sections = () =>
	[...document.querySelectorAll('.forgetting-curve-section')].map((el) => ({
		title: el.querySelector('.forgetting-curve-section-title')?.textContent,
		count: el.querySelector('.forgetting-curve-count')?.textContent,
		rows: [...el.querySelectorAll('.forgetting-curve-row')].map((row) => row.querySelector('.forgetting-curve-row-title')?.textContent ?? ''),
	}));

describe.each(['light', 'dark'])('the Review schedule Bases view in Chromium, %s theme', (theme) => {
	runIt("shows the base's review notes in sections, and a done click ticks the note and moves its row", async () => {
		const { page, errors } = await openViewPage(browser, `${pageUrl}#${theme}`, { width: 720, height: 1400 });

		const before = await page.evaluate(sections);
		expect(before.map((s) => [s.title, s.count, s.rows.length])).toEqual([
			['Overdue', '6', 6],
			['Due today', '8', 8],
			['Upcoming', '10', 10],
		]);
		// The base's sort (file name) orders each section, not the due list's (due day).
		for (const section of before) expect(section.rows).toEqual([...section.rows].sort((a, b) => a.localeCompare(b)));
		expect(await page.$$eval('.forgetting-curve-start-session', (els) => els.length)).toBe(0);
		expect(await page.$$eval('[style]', (els) => els.length)).toBe(0);
		const titleColour = await page.$eval('.forgetting-curve-row-title', (el) => getComputedStyle(el).color);
		expect(titleColour).toBe(theme === 'light' ? 'rgb(34, 34, 34)' : 'rgb(218, 218, 218)');

		mkdirSync(OUT, { recursive: true });
		await page.screenshot({ path: join(OUT, `bases-view-${theme}.png`), fullPage: true });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(join(OUT, `bases-view-${theme}.png`), join(ROOT, 'docs', `bases-view-${theme}.png`));

		// Done on the first 1-day review due today: its 4-day review is three days on, so the row moves to "Upcoming".
		const target = await page.$eval('.forgetting-curve-section-dueToday', (section) =>
			[...section.querySelectorAll('.forgetting-curve-row')].find((row) => row.querySelector('.forgetting-curve-badge')?.textContent === '1d')?.querySelector('.forgetting-curve-row-title')?.textContent ?? '',
		);
		expect(target).not.toBe('');
		const updates = await page.evaluate(() => window.updates);
		await page.click(`.forgetting-curve-section-dueToday .forgetting-curve-row[data-path="Reviews/${target}.md"] .forgetting-curve-done`);
		await page.waitForFunction((n) => window.updates > n, updates, { timeout: 10_000 });
		await page.waitForFunction((title) => ![...document.querySelectorAll('.forgetting-curve-section-dueToday .forgetting-curve-row-title')].some((el) => el.textContent === title), target, { timeout: 10_000 });
		const after = await page.evaluate(sections);
		expect(after.map((s) => s.count)).toEqual(['6', '7', '11']);
		expect(after[2]?.rows).toContain(target);
		const ticked = await page.evaluate((path) => window.readNote(path), `Reviews/${target}.md`);
		expect(ticked).toMatch(/^❤1일복습여부: true$/m);
		expect(errors).toEqual([]);
		await page.close();
	}, 60_000);
});
