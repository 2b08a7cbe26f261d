import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { buildPage, ROOT, scriptLiteral } from './chromium';

/**
 * A phone in Chromium: device emulation as a 390 × 844 screen at DPR 3 with touch, the plugin as a
 * phone loads it (the built main.js, see tests/e2e/mobile-page.ts), and touch input sent through CDP
 * (`Input.dispatchTouchEvent`), the way a finger reaches the page.
 */
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3 };
/** Height of the on-screen keyboard on a 844-px phone. */
export const KEYBOARD_HEIGHT = 336;

/** Builds main.js exactly as `npm run build` does (minified, production) and wraps it as Obsidian loads a plugin. */
export function builtPluginScript(): string {
	execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: ROOT, stdio: 'pipe' });
	const main = readFileSync(join(ROOT, 'main.js'), 'utf8');
	return `window.loadPluginModule = function (require, module, exports) {\n${main}\n};\n`;
}

/** A toolbar icon in the shell, as Obsidian draws its icons (an inline SVG, Lucide's 24-px grid). */
const ICON = '<svg class="svg-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M4 6h16M4 12h16M4 18h16"/></svg>';

export async function buildPhonePage(name: string, notes: Record<string, string>, history: Record<string, string> = {}): Promise<string> {
	const css = (file: string) => readFileSync(file, 'utf8');
	return buildPage(name, join(ROOT, 'tests', 'e2e', 'mobile-page.ts'), {
		head: [
			'<meta name="viewport" content="width=device-width, initial-scale=1">',
			'<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="shell.css"><link rel="stylesheet" href="styles.css">',
			`<script>window.fixtureNotes = ${scriptLiteral(notes)}; window.fixtureHistory = ${scriptLiteral(history)};</script>`,
			'<script src="plugin.js"></script>',
		].join('\n'),
		body: [
			// Obsidian mobile's chrome around the pane: a header with icons, the note's title and its folder, and
			// a toolbar of icons. Text in Obsidian's UI sizes, as on a phone where the app has been drawing them.
			`<div class="app-container"><div class="view-header">${ICON}<span class="view-header-title">웹훅 · Webhooks</span><span class="view-header-breadcrumb">Reviews · 복습 노트 2,000개</span>${ICON}</div>`,
			'<div class="workspace-leaf-content mod-main"></div>',
			`<div class="mobile-toolbar">${`<div class="mobile-toolbar-option">${ICON}</div>`.repeat(3)}</div></div>`,
			'<script>document.body.classList.add("theme-" + (location.hash.slice(1) || "light"));</script>',
		].join('\n'),
		files: {
			'theme.css': css(join(ROOT, 'tests', 'e2e', 'obsidian-theme.css')),
			'shell.css': css(join(ROOT, 'tests', 'e2e', 'phone-shell.css')),
			'styles.css': css(join(ROOT, 'styles.css')),
			'plugin.js': builtPluginScript(),
		},
	});
}

export interface Phone {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	errors: string[];
}

/** A new phone showing the page; `query` sets the clock (`now=`) and data.json (`data=`). */
export async function openPhone(browser: Browser, url: string, query: Record<string, string> = {}, theme: 'light' | 'dark' = 'light'): Promise<Phone> {
	const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const cdp = await context.newCDPSession(page);
	await page.goto(`${url}?${new URLSearchParams(query).toString()}#${theme}`);
	await page.waitForFunction(() => window.phone?.ready === true, undefined, { timeout: 20_000 });
	return { context, page, cdp, errors };
}

/** The middle of the first element matching `selector`, in CSS pixels, scrolled on screen first (a finger reaches only what is shown). */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
	const element = page.locator(selector).first();
	await element.scrollIntoViewIfNeeded();
	const box = await element.boundingBox();
	if (!box) throw new Error(`nothing to touch at ${selector}`);
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A finger's tap: touch start and end at the element's middle; the browser makes the click. */
export async function tap({ page, cdp }: Phone, selector: string): Promise<void> {
	const { x, y } = await centre(page, selector);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A finger dragged up by `distance` px from the element's middle, as when scrolling a list. */
export async function swipeUp({ page, cdp }: Phone, selector: string, distance: number): Promise<void> {
	const { x, y } = await centre(page, selector);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
	for (let step = 1; step <= 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (distance * step) / 10 }] });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Every box matching `selector`, for measuring touch targets. */
export function boxes(page: Page, selector: string): Promise<{ width: number; height: number; top: number; bottom: number; left: number; right: number }[]> {
	return page.$$eval(selector, (els) => els.map((el) => el.getBoundingClientRect()).map(({ width, height, top, bottom, left, right }) => ({ width, height, top, bottom, left, right })));
}

/**
 * Sideways overflow: [scrollWidth, clientWidth] of `root`, and of the page's body (whose own overflow
 * is hidden, as in Obsidian, so its scrollWidth still tells what sticks out), against the screen.
 */
export function overflow(page: Page, root: string): Promise<{ root: [number, number]; page: [number, number] }> {
	return page.$eval(root, (el) => ({ root: [el.scrollWidth, el.clientWidth] as [number, number], page: [document.body.scrollWidth, window.innerWidth] as [number, number] }));
}
