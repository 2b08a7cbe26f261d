import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildPage, CHROMIUM, launchChromium, needsBrowser, OUT, ROOT, runIt, scriptLiteral } from './browser';

/**
 * The review session in Chromium: the bar drawn at the top of a real note view (a real CodeMirror 6
 * editor under it), clicked with the mouse, moving through the due notes. Leaves a screenshot.
 */
const note = (first: string, done1d = false) => `---\nfirst study: ${first}\n${done1d ? 'review 1d done: true\n' : ''}---\n# Notes\n\nWhat I learned.\n`;
const NOTES = { 'Kafka.md': note('2024-10-01', true), 'Redis.md': note('2024-10-08'), 'Istio.md': note('2024-10-09') };

let browser: Browser | null = null;
let pageUrl = '';

beforeAll(async () => {
	if (!needsBrowser) return;
	pageUrl = await buildPage('session-page', join(__dirname, 'session-page.ts'), {
		head: ['<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">', `<script>window.fixtureNotes = ${scriptLiteral(NOTES)};</script>`].join('\n'),
		body: '<div class="workspace-leaf-content mod-main"></div><script>document.body.className = "theme-light";</script>',
		files: { 'theme.css': readFileSync(join(__dirname, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

describe('review session in Chromium', () => {
	runIt('shows the bar above the note, and Done, Snooze and Skip move through the due notes', async () => {
		if (!browser) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
		const page = await browser.newPage({ viewport: { width: 720, height: 360 }, deviceScaleFactor: 1 });
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(pageUrl);
		await page.waitForFunction(() => window.session?.ready === true, undefined, { timeout: 20_000 });
		await page.evaluate(() => window.session.run('review-due-notes'));
		await page.waitForSelector('.forgetting-curve-session');
		expect(await page.$eval('.forgetting-curve-session-position', (el) => el.textContent)).toBe('1 of 3');
		// The bar is drawn above the editor, inside the note's view, and both are visible.
		const [bar, editor] = await Promise.all([page.$eval('.forgetting-curve-session', (el) => el.getBoundingClientRect().toJSON() as DOMRect), page.$eval('.cm-editor', (el) => el.getBoundingClientRect().toJSON() as DOMRect)]);
		expect(bar.height).toBeGreaterThan(20);
		expect(bar.bottom).toBeLessThanOrEqual(editor.top + 1);
		// Nothing between them: the note starts right under the bar.
		expect(editor.top - bar.bottom).toBeLessThan(12);
		expect(await page.$$eval('.forgetting-curve-session button', (els) => els.map((el) => el.textContent || el.getAttribute('aria-label')))).toEqual(['Done', 'Snooze', 'Skip', 'End', 'Forgetting curve']);
		expect(await page.$$eval('[style]:not(.cm-editor *):not(.cm-editor)', (els) => els.filter((el) => el.closest('.forgetting-curve-session')).length)).toBe(0);
		// The screenshot must show the progress bar as the learner sees it: the note holds it, and this
		// Chromium draws its emoji in colour (a green cell), not as empty boxes for want of an emoji font.
		expect(await page.$eval('.cm-content', (el) => el.textContent)).toContain('🟩');
		const cell = await page.evaluate(() => {
			const ctx = new OffscreenCanvas(32, 32).getContext('2d')!;
			ctx.font = '24px sans-serif';
			ctx.fillText('🟩', 2, 26);
			const pixels = ctx.getImageData(0, 0, 32, 32).data;
			let green = 0;
			for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 1]! > 140 && pixels[i + 1]! > pixels[i]! + 30 && pixels[i + 1]! > pixels[i + 2]! + 60 && pixels[i + 3]! > 200) green++;
			return green;
		});
		expect(cell).toBeGreaterThan(100);
		mkdirSync(OUT, { recursive: true });
		await page.screenshot({ path: join(OUT, 'session-bar.png') });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(join(OUT, 'session-bar.png'), join(ROOT, 'docs', 'session-bar.png'));

		await page.click('.forgetting-curve-session-done');
		await page.waitForFunction(() => window.session.opened.length === 2);
		expect(await page.$eval('.forgetting-curve-session-position', (el) => el.textContent)).toBe('2 of 3');
		await page.click('.forgetting-curve-session-snooze');
		await page.waitForFunction(() => window.session.opened.length === 3);
		await page.click('.forgetting-curve-session-skip');
		await page.waitForFunction(() => document.querySelector('.forgetting-curve-session') === null);
		expect(await page.evaluate(() => window.session.opened)).toEqual(['Kafka.md', 'Redis.md', 'Istio.md']);
		// Kafka's mark went into its editor; the editor saves 2 s later.
		await page.waitForFunction(async () => (await window.session.read('Kafka.md')).includes('review 4d done: true'), undefined, { timeout: 5000 });
		expect(await page.evaluate(() => window.session.read('Redis.md'))).not.toContain('review 1d done: true');
		expect(errors).toEqual([]);
		await page.close();
	}, 60_000);
});
