import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium, ROOT } from '../tests/support/chromium';
import { buildPhonePage, openPhone } from '../tests/support/phone';
import { round } from './measure';

const NOTES = 2000;
/** A mid-range phone runs JavaScript about four times slower than this machine's Chromium. */
const PHONE_CPU_SLOWDOWN = 4;
const RUNS = 5;

/** 2,000 review notes made from the 30 end-to-end notes (first-study days spread over two months), and the seed note. */
function phoneVault(): Record<string, string> {
	const folder = join(ROOT, 'tests', 'fixtures', 'e2e-vault');
	const sources = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
	const notes: Record<string, string> = { 'Reviews/웹훅.md': readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-note.md'), 'utf8') };
	for (let i = 0; i < NOTES - 1; i++) {
		const day = 1 + (i % 28);
		const month = 9 + (Math.floor(i / 28) % 2);
		const first = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		const text = sources[i % sources.length]!.replace(/^❕첫 학습날: .*$/m, () => `❕첫 학습날: ${first}`);
		notes[`Reviews/${String(i).padStart(4, '0')}.md`] = text;
	}
	return notes;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The plugin on a phone (tests/e2e/mobile-page.ts: the built main.js, 390 × 844, touch) over 2,000
 * notes, with Chromium's CPU slowed 4× (`Emulation.setCPUThrottlingRate`) and at full speed, in the
 * same run: onload, the due view's first drawing (beside its floor: as many bare rows with the same
 * titles, made and laid out first thing in a fresh page), recompute on open of the seed note, and a live
 * update of the open due view after a note changes on disk (this one includes the due list's 100-ms
 * coalescing of changes, NOTIFY_DELAY_MS), and the daily reminder's link in a page just started (the
 * due list never drawn) until the day's first note is drawn with the session bar, beside its floor:
 * the same note opened by its own link in a fresh page. Medians of 5 page loads.
 */
export async function mobileBench(): Promise<Record<string, number>> {
	if (!existsSync(CHROMIUM)) {
		process.stderr.write(`No Chromium at ${CHROMIUM}: the phone figures are left out.\n`);
		return {};
	}
	const url = await buildPhonePage('bench-mobile-page', phoneVault());
	const browser = await launchChromium();
	const results: Record<string, number> = {};
	try {
		for (const rate of [PHONE_CPU_SLOWDOWN, 1]) {
			const figures = { onload: [] as number[], dueView: [] as number[], floor: [] as number[], open: [] as number[], live: [] as number[], dayLink: [] as number[], dayLinkFloor: [] as number[] };
			for (let run = 0; run < RUNS; run++) {
				const phone = await openPhone(browser, url, { now: '2024-10-28T09:05', data: JSON.stringify({ preset: 'ko-template', rateFormula: 'template' }) });
				// onload is measured in the page from the start; throttling starts before the page loads next time.
				await phone.cdp.send('Emulation.setCPUThrottlingRate', { rate });
				await phone.page.reload();
				await phone.page.waitForFunction(() => window.phone?.ready === true, undefined, { timeout: 120_000 });
				figures.onload.push(await phone.page.evaluate(() => window.phone.onloadMs));
				figures.dueView.push(await phone.page.evaluate(() => window.phone.measureDueView()));
				const row = await phone.page.$eval('.forgetting-curve-row', (el) => el.getAttribute('data-path')!);
				figures.live.push(await phone.page.evaluate((path) => window.phone.measureLiveUpdate(path), row));
				figures.open.push(await phone.page.evaluate(() => window.phone.measureOpen('obsidian://open?vault=v&file=Reviews%2F%EC%9B%B9%ED%9B%85')));
				if (phone.errors.length > 0) throw new Error(phone.errors.join('\n'));
				// The floor, first thing in a fresh page as the view was: bare rows in the number the view drew.
				const drawn = await phone.page.evaluate(() => window.phone.openView('due').then(() => document.querySelectorAll('.forgetting-curve-row').length));
				await phone.page.reload();
				await phone.page.waitForFunction(() => window.phone?.ready === true, undefined, { timeout: 120_000 });
				figures.floor.push(await phone.page.evaluate((rows) => window.phone.measureDueViewFloor(rows), drawn));
				// The daily reminder's link, the app just started (the due list never drawn): to the first note with the session bar.
				await phone.page.reload();
				await phone.page.waitForFunction(() => window.phone?.ready === true, undefined, { timeout: 120_000 });
				figures.dayLink.push(await phone.page.evaluate(() => window.phone.measureDayLink('obsidian://forgetting-curve?vault=v&day=2024-10-28')));
				const first = await phone.page.evaluate(() => window.phone.openNote() ?? '');
				// Its floor, in a fresh page too: the same note opened by its own link, nothing else.
				await phone.page.reload();
				await phone.page.waitForFunction(() => window.phone?.ready === true, undefined, { timeout: 120_000 });
				figures.dayLinkFloor.push(await phone.page.evaluate((path) => window.phone.measureNoteOpen(`obsidian://open?vault=v&file=${encodeURIComponent(path.replace(/\.md$/, ''))}`), first));
				if (phone.errors.length > 0) throw new Error(phone.errors.join('\n'));
				await phone.context.close();
			}
			const suffix = rate === 1 ? '_unthrottled' : '';
			results[`mobile_onload_2000${suffix}_ms`] = round(median(figures.onload), 1);
			results[`mobile_due_view_render${suffix}_ms`] = round(median(figures.dueView), 1);
			results[`mobile_due_view_floor${suffix}_ms`] = round(median(figures.floor), 1);
			results[`mobile_recompute_on_open${suffix}_ms`] = round(median(figures.open), 1);
			results[`mobile_live_update${suffix}_ms`] = round(median(figures.live), 1);
			results[`mobile_day_link_to_first_note${suffix}_ms`] = round(median(figures.dayLink), 1);
			results[`mobile_day_link_floor_note_open${suffix}_ms`] = round(median(figures.dayLinkFloor), 1);
		}
		results.mobile_cpu_slowdown = PHONE_CPU_SLOWDOWN;
		return results;
	} finally {
		await browser.close();
	}
}
