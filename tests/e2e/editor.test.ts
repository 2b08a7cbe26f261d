import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { clockAt, recompute } from '../../src/engine';
import { TYPING_QUIET_MS, FRONTMATTER_QUIET_MS } from '../../src/plugin/notes/editing-guard';
import { configWith, fixture, seedRecomputedOct28 } from '../helpers';
import { buildPage, launchChromium, needsBrowser, runIt, scriptLiteral } from './browser';

/**
 * The plugin's editor path in a real browser: Debian's Chromium, a real CodeMirror 6 editor, real key
 * presses through playwright-core and a Korean IME composition through the Chrome DevTools Protocol.
 * Time is real here (the plugin's waits are a few seconds), the plugin's clock is set by the test.
 */
const SEED = fixture('seed-note.md');
const SEED_OCT_28 = seedRecomputedOct28();
const TEMPLATE = configWith({ rateFormula: 'template' });
/** What the plugin must write for `text` at a local date-time, by the engine that is tested on its own. */
const recomputed = (text: string, at: Date) => {
	const result = recompute(text, TEMPLATE, clockAt(at, 0));
	if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}`);
	return result.text;
};

let browser: Browser | null = null;
let pageUrl = '';

beforeAll(async () => {
	if (!needsBrowser) return;
	pageUrl = await buildPage('editor-page', join(__dirname, 'editor-page.ts'), {
		head: `<script>window.fixtureNotes = ${scriptLiteral({ 'Argo CD.md': SEED })};</script>`,
	});
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

/** A fresh page with the seed note opened in the editor and brought up to date (caret at 0). */
async function openSeed(): Promise<{ page: Page; errors: string[]; openedAt: number }> {
	if (!browser) throw new Error('Chromium is not installed at /usr/bin/chromium');
	const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(pageUrl);
	await page.waitForFunction(() => window.fc?.ready === true, undefined, { timeout: 20_000 });
	const openedAt = await page.evaluate(async () => {
		const at = performance.now();
		await window.fc.open('Argo CD.md');
		return at;
	});
	await page.waitForFunction(() => window.fc.writes.length === 1, undefined, { timeout: 1000 });
	return { page, errors, openedAt };
}

const writes = (page: Page) => page.evaluate(() => window.fc.writes);
const text = (page: Page) => page.evaluate(() => window.fc.text());

describe('the real editor in Chromium', () => {
	runIt('opens a stale note with the caret at 0 and writes it once within 1 s, out of the undo history', async () => {
		const { page, errors, openedAt } = await openSeed();
		const [first] = await writes(page);
		expect((first ?? Infinity) - openedAt).toBeLessThan(1000);
		expect(await text(page)).toBe(SEED_OCT_28);
		expect(await page.evaluate(() => window.fc.caret())).toEqual([0, 0]);
		expect(await page.evaluate(() => window.fc.history())).toEqual([{ userEvent: null, addedToHistory: false }]);
		// Obsidian saves our change 2 s later: that save is not recomputed into a second write.
		await page.waitForTimeout(4000);
		expect(await writes(page)).toHaveLength(1);
		expect(errors).toEqual([]);
		await page.close();
	}, 30_000);

	runIt('leaves undo and redo to the learner; "Mark review done" is one undo step', async () => {
		const { page, errors } = await openSeed();
		await page.click('.cm-content');
		await page.keyboard.press('Control+End');
		await page.keyboard.type('x');
		expect(await text(page)).toBe(`${SEED_OCT_28}x`);
		await page.keyboard.press('Control+z');
		expect(await text(page)).toBe(SEED_OCT_28);
		// Nothing of ours is in the history: a second undo changes nothing.
		await page.keyboard.press('Control+z');
		expect(await text(page)).toBe(SEED_OCT_28);
		await page.keyboard.press('Control+y');
		expect(await text(page)).toBe(`${SEED_OCT_28}x`);

		await page.evaluate(() => window.fc.markDone());
		const marked = await text(page);
		expect(marked).not.toBe(`${SEED_OCT_28}x`);
		expect(marked).toContain('🧠장기기억: true');
		await page.keyboard.press('Control+z');
		expect(await text(page)).toBe(`${SEED_OCT_28}x`);
		await page.keyboard.press('Control+y');
		expect(await text(page)).toBe(marked);
		expect(errors).toEqual([]);
		await page.close();
	}, 30_000);

	runIt('never writes during a Hangul IME composition; after it commits, the syllable is there once', async () => {
		const { page, errors } = await openSeed();
		await page.click('.cm-content');
		await page.keyboard.press('Control+End');
		// Overnight the note went stale while the learner composes 한 (ㅎ → 하 → 한) in the body.
		await page.evaluate(() => window.fc.setNow('2024-10-29T09:00:00'));
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Input.imeSetComposition', { text: 'ㅎ', selectionStart: 1, selectionEnd: 1 });
		await cdp.send('Input.imeSetComposition', { text: '하', selectionStart: 1, selectionEnd: 1 });
		expect(await page.evaluate(() => window.fc.composing())).toBe(true);
		// A tab switch fires file-open, Obsidian saves the composing text: the plugin must wait.
		await page.evaluate(() => window.fc.fileOpen());
		await page.waitForTimeout(4500);
		expect(await page.evaluate(() => window.fc.composing())).toBe(true);
		expect(await writes(page)).toHaveLength(1);
		const committedAt = await page.evaluate(() => performance.now());
		await cdp.send('Input.insertText', { text: '한' });
		await page.waitForFunction(() => window.fc.writes.length === 2, undefined, { timeout: 8000 });
		const [, second] = await writes(page);
		expect((second ?? 0) - committedAt).toBeGreaterThanOrEqual(TYPING_QUIET_MS);
		expect(await text(page)).toBe(recomputed(`${SEED}한`, new Date(2024, 9, 29, 9, 0)));
		expect(errors).toEqual([]);
		await page.close();
	}, 40_000);

	runIt('waits while the learner types in the frontmatter or sits in Properties, then writes once', async () => {
		const { page, errors } = await openSeed();
		await page.evaluate(() => window.fc.setNow('2024-10-29T09:00:00'));
		await page.click('.cm-line:has-text("복습: 추가 복습")');
		await page.keyboard.press('End');
		await page.keyboard.type('!');
		const typedAt = await page.evaluate(() => performance.now());
		await page.waitForTimeout(1000);
		await page.evaluate(() => window.fc.fileOpen());
		await page.waitForTimeout(3000);
		expect(await writes(page)).toHaveLength(1);
		await page.waitForFunction(() => window.fc.writes.length === 2, undefined, { timeout: 4000 });
		const [, second] = await writes(page);
		expect((second ?? 0) - typedAt).toBeGreaterThanOrEqual(FRONTMATTER_QUIET_MS);
		expect(await text(page)).toBe(recomputed(SEED.replace('복습: 추가 복습', '복습: 추가 복습!'), new Date(2024, 9, 29, 9, 0)));

		// A day later, with focus in the Properties widget: no write until focus leaves it.
		await page.evaluate(() => window.fc.setNow('2024-10-30T09:00:00'));
		await page.focus('.metadata-container input');
		await page.evaluate(() => window.fc.fileOpen());
		await page.waitForTimeout(1500);
		expect(await writes(page)).toHaveLength(2);
		// Back into the editor, typing nothing (a caret in the frontmatter without typing is not editing).
		await page.click('.cm-content');
		await page.waitForFunction(() => window.fc.writes.length === 3, undefined, { timeout: 1000 });
		expect(await text(page)).toContain('⏰오늘 : 2024/10/30');
		expect(errors).toEqual([]);
		await page.close();
	}, 40_000);
});
