import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage, CHROMIUM, launchChromium } from '../tests/support/chromium';
import { round } from './measure';

const ROOT = join(__dirname, '..');
/** A mid-range phone runs JavaScript about four times slower than this machine's Chromium (as bench/mobile-bench.ts). */
const PHONE_CPU_SLOWDOWN = 4;

/**
 * The due view in a real browser (Debian's Chromium, as the end-to-end tests run it): drawing it with
 * 1,000 and with 10,000 due notes, and one live update, each timed inside the page as the view's own
 * work plus the style and layout the browser does before the next frame (median of 21), beside its
 * floor: the same number of bare rows made with document.createElement and laid out.
 */
export async function viewChromiumBench(): Promise<Record<string, number>> {
	if (!existsSync(CHROMIUM)) {
		process.stderr.write(`No Chromium at ${CHROMIUM}: the view's browser figures are left out.\n`);
		return {};
	}
	const tests = join(ROOT, 'tests', 'e2e');
	const url = await buildPage(
		'bench-view-page',
		join(ROOT, 'bench', 'view-chromium-page.ts'),
		{
			head: '<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">',
			body: '<div class="workspace-leaf-content"></div><script>document.body.className = "theme-light";</script>',
			files: { 'theme.css': readFileSync(join(tests, 'obsidian-theme.css'), 'utf8'), 'styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') },
		},
		join(ROOT, 'test-results'),
	);
	const browser = await launchChromium();
	try {
		const results: Record<string, number> = {};
		for (const notes of [1000, 10_000]) {
			const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
			await page.goto(url);
			await page.waitForFunction(() => window.bench?.ready === true);
			const figures = await page.evaluate((n) => window.bench.run(n), notes);
			if (figures.due !== notes) throw new Error(`expected ${notes} due notes, got ${figures.due}`);
			results[`view_render_${notes}_chromium_ms`] = round(figures.renderMs, 2);
			results[`view_floor_${notes}_chromium_ms`] = round(figures.floorMs, 2);
			if (notes === 10_000) results.view_update_chromium_ms = round(figures.updateMs, 2);
			results[`view_rows_drawn_${notes}`] = figures.rows;
			await page.close();
		}
		// A filter change in the due list of 10,000 notes, and one note's curve with a five-year history:
		// each plain and with Chromium's CPU slowed 4× (a mid-range phone), beside its floor in the same page.
		for (const rate of [1, PHONE_CPU_SLOWDOWN]) {
			const suffix = rate === 1 ? '' : `_${rate}x_cpu`;
			const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
			const cdp = await page.context().newCDPSession(page);
			await page.goto(url);
			await page.waitForFunction(() => window.bench?.ready === true);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const filter = await page.evaluate(() => window.bench.filterChange(10_000));
			results[`filter_change_10000${suffix}_chromium_ms`] = round(filter.changeMs, 2);
			results[`filter_change_floor${suffix}_chromium_ms`] = round(filter.floorMs, 2);
			results[`filter_open_choices${suffix}_chromium_ms`] = round(filter.openMs, 2);
			if (rate === 1) {
				results.filter_change_rows_drawn = filter.rows;
				results.filter_options = filter.options;
			}
			const curve = await page.evaluate(() => window.bench.curve());
			results[`curve_5y_draw${suffix}_chromium_ms`] = round(curve.drawMs, 2);
			results[`curve_5y_floor${suffix}_chromium_ms`] = round(curve.floorMs, 2);
			if (rate === 1) results.curve_5y_samples = curve.samples;
			await page.close();
		}
		return results;
	} finally {
		await browser.close();
	}
}
