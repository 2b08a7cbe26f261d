import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fastDayNumber } from '../../src/engine/schedule/day-numbers';
import { fixture, seedRecomputedOct28 } from '../helpers';
import { boxes, buildPhonePage, KEYBOARD_HEIGHT, openPhone, overflow, PHONE, swipeUp, tap, type Phone } from '../support/phone';
import { studyJournals } from '../support/study-journals';
import { CHROMIUM, launchChromium, needsBrowser, OUT, ROOT, runIt } from './browser';
import { e2eVaultNotes } from '../support/fixture-vault';
import { readCalendar } from '../support/ical-events';

/**
 * Forgetting Curve on a phone, in Chromium's device emulation (390 × 844, DPR 3, touch): the built
 * main.js loaded as Obsidian mobile loads it, every step done by touch through CDP. Screenshots of
 * the due list, a note with the session bar and the statistics go to test-results/ (and, with
 * UPDATE_DOCS=1, to docs/ for the README).
 */
let browser: Browser | null = null;
let vaultPage = '';
const notes = e2eVaultNotes();
notes['Reviews/웹훅.md'] = fixture('seed-note.md');
const SEED_SETTINGS = JSON.stringify({ preset: 'ko-template', rateFormula: 'template' });
const phones: Phone[] = [];

beforeAll(async () => {
	if (!needsBrowser) return;
	vaultPage = await buildPhonePage('mobile-page', notes, studyJournals(Object.keys(notes), fastDayNumber('2024-10-10')!));
	browser = await launchChromium();
}, 120_000);

afterAll(async () => {
	for (const phone of phones) await phone.context.close();
	await browser?.close();
});

async function phone(query: Record<string, string> = {}, theme: 'light' | 'dark' = 'light'): Promise<Phone> {
	if (!browser) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
	const opened = await openPhone(browser, vaultPage, query, theme);
	phones.push(opened);
	return opened;
}

const TOUCH = 44;
/** Review checkboxes ticked in a note of the Korean template. */
const ticked = (text: string) => (text.match(/(복습여부|장기기억): true/g) ?? []).length;

function shot(p: Phone, name: string): Promise<Buffer> {
	mkdirSync(OUT, { recursive: true });
	const path = join(OUT, `${name}.png`);
	return p.page.screenshot({ path }).then((png) => {
		if (process.env.UPDATE_DOCS === '1') copyFileSync(path, join(ROOT, 'docs', `${name}.png`));
		return png;
	});
}

describe('on a phone', () => {
	runIt('runs the built main.js in a page with no Node globals, as a phone', async () => {
		const p = await phone();
		const globals = await p.page.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (window as { process?: unknown }).process, typeof (window as { Buffer?: unknown }).Buffer, typeof (window as { module?: unknown }).module]);
		expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
		expect(await p.page.evaluate(() => [document.body.classList.contains('is-mobile'), document.body.classList.contains('is-phone'), window.innerWidth, window.devicePixelRatio, navigator.maxTouchPoints > 0])).toEqual([true, true, PHONE.width, PHONE.deviceScaleFactor, true]);
		// The plugin came from main.js (it names its commands from there), and loaded without an error.
		await p.page.evaluate(() => window.phone.showPalette());
		expect(await p.page.$$eval('.suggestion-item', (items) => items.map((item) => item.textContent))).toContain('Open due reviews');
		expect(p.errors).toEqual([]);
	});

	runIt('opens the note from a per-review event’s link and brings it up to date, caret at 0, out of undo', async () => {
		const p = await phone({ now: '2024-10-28T09:05', data: JSON.stringify({ ...JSON.parse(SEED_SETTINGS), calendarMode: 'per-review' }) });
		// The link is the one in the calendar event the phone's reminder shows: written by the plugin.
		await p.page.evaluate(() => window.phone.run('export-review-calendar'));
		await p.page.waitForFunction(() => window.phone.notices.some((n) => n.includes('.ics')));
		const ics = (await p.page.evaluate(() => window.phone.read('Forgetting Curve.ics'))).replace(/\r\n[ \t]/g, '');
		const links = [...ics.matchAll(/^URL[^:]*:(obsidian:\/\/open\?\S+)$/gm)].map((m) => m[1]!);
		const link = links.find((l) => l.includes(encodeURIComponent('Reviews/웹훅')));
		expect(link).toBeDefined();
		expect(await p.page.evaluate((uri) => window.phone.openUri(uri), link!)).toBe('Reviews/웹훅.md');
		await p.page.waitForFunction((expected) => window.phone.editorText() === expected, seedRecomputedOct28(), { timeout: 5000 });
		expect(await p.page.evaluate(() => [window.phone.caret(), window.phone.undoDepth()])).toEqual([0, 0]);
		expect(p.errors).toEqual([]);
	});

	runIt('a tap on the daily reminder’s link starts the day’s reviews: the first note with the session bar', async () => {
		const p = await phone({ now: '2024-10-10T09:00' });
		await p.page.evaluate(() => window.phone.run('export-review-calendar'));
		await p.page.waitForFunction(() => window.phone.notices.some((n) => n.includes('.ics')));
		// The event as the phone's calendar reads it: ical.js over the bytes the plugin wrote.
		const ics = await p.page.evaluate(() => window.phone.read('Forgetting Curve.ics'));
		const today = readCalendar(ics).find((e) => e.start.startsWith('2024-10-10'));
		expect(today?.summary).toBe('14 reviews');
		const link = today?.url ?? '';
		expect(link).toBe('obsidian://forgetting-curve?vault=&day=2024-10-10'.replace('vault=', `vault=${encodeURIComponent(await p.page.evaluate(() => window.phone.vaultName()))}`));
		// The reminder names the day's notes under their subjects; the session takes them overdue first.
		const named = [...(today?.description ?? '').matchAll(/• (.*?) · /g)].map((m) => `Reviews/${m[1]}.md`);
		expect(named).toHaveLength(14);
		await p.page.evaluate(({ title, uri }) => window.phone.showNotification(title, uri), { title: today?.summary ?? '', uri: link });
		await shot(p, 'phone-reminder');
		await tap(p, '.phone-notification-link');
		await p.page.waitForSelector('.forgetting-curve-session');
		expect(await p.page.$eval('.forgetting-curve-session-position', (el) => el.textContent)).toBe('1 of 14');
		expect(named).toContain(await p.page.evaluate(() => window.phone.openNote()));
		expect(await p.page.$('.phone-notification')).toBeNull();
		await shot(p, 'phone-reminder-session');
		// Done by touch: the note's review is ticked and the next of the day's notes comes up.
		const first = await p.page.evaluate(() => window.phone.openNote()!);
		const before = await p.page.evaluate((path) => window.phone.read(path), first);
		await tap(p, '.forgetting-curve-session-done');
		await expect.poll(() => p.page.$eval('.forgetting-curve-session-position', (el) => el.textContent)).toBe('2 of 14');
		expect(await p.page.evaluate(() => window.phone.openNote())).not.toBe(first);
		// The mark went into the first note's editor; Obsidian saves it to the file a moment later.
		await expect.poll(async () => ticked(await p.page.evaluate((path) => window.phone.read(path), first)), { timeout: 5000 }).toBe(ticked(before) + 1);
		expect(p.errors).toEqual([]);
	});

	runIt('a day link naming no day says so in a notice and opens nothing', async () => {
		const p = await phone();
		await p.page.evaluate(() => window.phone.openUri('obsidian://forgetting-curve?vault=v&day=2024-02-30'));
		expect(await p.page.evaluate(() => window.phone.notices.at(-1))).toBe('This link names no day to review. Open your due reviews from the ribbon icon instead.');
		expect(await p.page.$('.forgetting-curve-session')).toBeNull();
	});

	runIt('marks a review done by touch: from the command palette, and from the due list’s button', async () => {
		const p = await phone();
		const note = 'Reviews/Kafka 파티션.md';
		const before = notes[note]!;
		expect(before).toMatch(/💛7일복습여부: false|🧡4일복습여부: false|❤1일복습여부: false|💚14일복습여부: false/);
		await p.page.evaluate((path) => window.phone.openUri(`obsidian://open?vault=v&file=${encodeURIComponent(path.replace(/\.md$/, ''))}`), note);
		await p.page.evaluate(() => window.phone.showPalette());
		await tap(p, '.suggestion-item[data-command="mark-review-done"]');
		await p.page.waitForFunction(() => window.phone.notices.some((n) => n.startsWith('Marked')));
		// The note is open: the mark is in its editor (Obsidian saves it to the file a moment later).
		const after = await p.page.evaluate(() => window.phone.editorText());
		expect(ticked(after)).toBe(ticked(before) + 1);

		await p.page.evaluate(() => window.phone.openView('due'));
		const row = (path: string) => `.forgetting-curve-row[data-path="${path}"]`;
		const target = await p.page.$eval('.forgetting-curve-row', (el) => el.getAttribute('data-path')!);
		const text = await p.page.evaluate((path) => window.phone.read(path), target);
		await tap(p, `${row(target)} .forgetting-curve-done`);
		await expect.poll(() => p.page.evaluate((path) => window.phone.read(path), target)).not.toBe(text);
		expect(ticked(await p.page.evaluate((path) => window.phone.read(path), target))).toBe(ticked(text) + 1);
		expect(p.errors).toEqual([]);
	});

	runIt('fits the due list to the screen with 44-px touch targets, and leaves phone screenshots', async () => {
		for (const theme of ['light', 'dark'] as const) {
			const p = await phone({}, theme);
			await p.page.evaluate(() => window.phone.openView('due'));
			const { root, page: whole } = await overflow(p.page, '.view-content');
			expect(root[0]).toBeLessThanOrEqual(root[1]);
			expect(whole[0]).toBeLessThanOrEqual(whole[1]);
			for (const selector of ['.forgetting-curve-done', '.forgetting-curve-start-session', '.forgetting-curve-open-stats', '.forgetting-curve-filter']) {
				const found = await boxes(p.page, selector);
				expect(found.length, selector).toBeGreaterThan(0);
				for (const box of found) expect([selector, Math.min(box.width, box.height) >= TOUCH]).toEqual([selector, true]);
			}
			for (const box of await boxes(p.page, '.forgetting-curve-row')) expect(box.height).toBeGreaterThanOrEqual(TOUCH);
			// A phone starts with 5 rows per section (6 overdue, 8 today, 10 upcoming here), "Show more" for the rest.
			expect(await p.page.$$eval('.forgetting-curve-rows', (lists) => lists.map((list) => list.querySelectorAll('.forgetting-curve-row').length))).toEqual([5, 5, 5]);
			expect(await p.page.$$eval('.forgetting-curve-more', (buttons) => buttons.filter((b) => b.checkVisibility()).map((b) => b.textContent))).toEqual(['Show 1 more', 'Show 3 more', 'Show 5 more']);
			await shot(p, `phone-due-${theme}`);
			if (theme === 'light') {
				await tap(p, '.forgetting-curve-more >> nth=2');
				await expect.poll(() => p.page.$$eval('.forgetting-curve-row', (rows) => rows.length)).toBe(20);
			}
		}
	});

	runIt("fits a base's Review schedule view to the screen with 44-px targets, and marks a review done by touch", async () => {
		for (const theme of ['light', 'dark'] as const) {
			const p = await phone({}, theme);
			await p.page.evaluate(() => window.phone.openBase());
			const { root, page: whole } = await overflow(p.page, '.view-content');
			expect(root[0]).toBeLessThanOrEqual(root[1]);
			expect(whole[0]).toBeLessThanOrEqual(whole[1]);
			const done = await boxes(p.page, '.forgetting-curve-done');
			expect(done.length).toBeGreaterThan(0);
			for (const box of done) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(TOUCH);
			for (const box of await boxes(p.page, '.forgetting-curve-row')) expect(box.height).toBeGreaterThanOrEqual(TOUCH);
			await shot(p, `phone-bases-${theme}`);
			if (theme === 'light') {
				const target = await p.page.$eval('.forgetting-curve-section-dueToday .forgetting-curve-row', (el) => el.getAttribute('data-path') ?? '');
				const text = await p.page.evaluate((path) => window.phone.read(path), target);
				await tap(p, `.forgetting-curve-row[data-path="${target}"] .forgetting-curve-done`);
				await expect.poll(() => p.page.evaluate((path) => window.phone.read(path), target)).not.toBe(text);
				expect(ticked(await p.page.evaluate((path) => window.phone.read(path), target))).toBe(ticked(text) + 1);
			}
			expect(p.errors).toEqual([]);
		}
	});

	runIt('shows the session bar by touch, with 44-px buttons clear of the toolbar and the keyboard', async () => {
		for (const theme of ['light', 'dark'] as const) {
			const p = await phone({}, theme);
			await p.page.evaluate(() => window.phone.showPalette());
			await tap(p, '.suggestion-item[data-command="review-due-notes"]');
			await p.page.waitForSelector('.forgetting-curve-session');
			const position = () => p.page.$eval('.forgetting-curve-session-position', (el) => el.textContent);
			const first = await position();
			expect(first).toMatch(/^1 of \d+$/);
			const buttons = await boxes(p.page, '.forgetting-curve-session button');
			// Done, Snooze, Skip, End and the note's curve.
			expect(buttons).toHaveLength(5);
			for (const box of buttons) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(TOUCH);
			const [toolbar] = await boxes(p.page, '.mobile-toolbar');
			for (const box of buttons) expect(box.bottom).toBeLessThanOrEqual(toolbar!.top);
			expect((await overflow(p.page, '.forgetting-curve-session')).page[0]).toBeLessThanOrEqual(PHONE.width);
			if (theme === 'light') {
				// The keyboard opens (the layout viewport shrinks, the toolbar rides on it): the bar stays in view.
				await p.page.setViewportSize({ width: PHONE.width, height: PHONE.height - KEYBOARD_HEIGHT });
				for (const box of await boxes(p.page, '.forgetting-curve-session button')) {
					expect(box.top).toBeGreaterThanOrEqual(0);
					expect(box.bottom).toBeLessThanOrEqual((await boxes(p.page, '.mobile-toolbar'))[0]!.top);
				}
				await p.page.setViewportSize({ width: PHONE.width, height: PHONE.height });
			}
			await shot(p, `phone-session-${theme}`);
			await tap(p, '.forgetting-curve-session-skip');
			await expect.poll(position).toMatch(/^2 of \d+$/);
			await tap(p, '.forgetting-curve-session-end');
			await p.page.waitForSelector('.forgetting-curve-session', { state: 'detached' });
			expect(p.errors).toEqual([]);
		}
	});

	runIt('scrolls the statistics vertically by touch, never sideways, and leaves screenshots', async () => {
		for (const theme of ['light', 'dark'] as const) {
			const p = await phone({}, theme);
			await p.page.evaluate(() => window.phone.openView('stats'));
			await p.page.waitForSelector('.forgetting-curve-forecast-chart');
			const { root, page: whole } = await overflow(p.page, '.view-content');
			expect(root[0]).toBeLessThanOrEqual(root[1]);
			expect(whole[0]).toBeLessThanOrEqual(whole[1]);
			await shot(p, `phone-stats-${theme}`);
			// On a shorter screen (a small phone, or the keyboard up) the view is taller than its pane: a
			// finger scrolls it up and down, never sideways.
			await p.page.setViewportSize({ width: PHONE.width, height: PHONE.height - KEYBOARD_HEIGHT });
			const scrollable = await p.page.$eval('.view-content', (el) => el.scrollHeight - el.clientHeight);
			expect(scrollable).toBeGreaterThan(0);
			await swipeUp(p, '.view-content', 250);
			await expect.poll(() => p.page.$eval('.view-content', (el) => el.scrollTop)).toBeGreaterThan(50);
			expect(await p.page.$eval('.view-content', (el) => el.scrollLeft)).toBe(0);
		}
	});

	runIt('lays out the settings tab, with the phone-reminder rows and the secret picker, within 390 px', async () => {
		const p = await phone();
		await p.page.evaluate(() => window.phone.openSettings());
		const text = await p.page.$eval('.vertical-tab-content', (el) => el.textContent ?? '');
		for (const row of ['Phone reminders', 'Calendar service', 'Server', 'User name', 'Password', 'Calendar', 'Status']) expect(text).toContain(row);
		const { root, page: whole } = await overflow(p.page, '.vertical-tab-content');
		expect(root[0]).toBeLessThanOrEqual(root[1]);
		expect(whole[0]).toBeLessThanOrEqual(whole[1]);
		// Every input and button of the tab is within the screen's width.
		for (const box of await boxes(p.page, '.vertical-tab-content input, .vertical-tab-content button, .vertical-tab-content select')) expect(box.right).toBeLessThanOrEqual(PHONE.width);
		expect(p.errors).toEqual([]);
	});
});
