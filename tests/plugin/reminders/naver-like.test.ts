// @vitest-environment happy-dom
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeHttp } from '../../../src/cli/node-http';
import { CalDavClient } from '../../../src/engine';
import { reviewNote } from '../../helpers';
import { startNaverQuirks, type QuirksServer } from '../../support/naver-quirks';
import { RADICALE } from '../../support/radicale';
import { loadPlugin, settle, type Harness } from '../harness';
import { openSettingsTab, until } from './push-test-helpers';

/**
 * The plugin against a server that behaves as Naver Calendar is reported to (tests/support/naver-quirks.ts):
 * set up from the preset's root address, no calendar can be made, and the push converges although the
 * server has no ETags and lists some events with empty calendar-data.
 */
const requests = vi.hoisted(() => [] as string[]);
// Imported in the factory: it runs while the test's own imports load (the plugin's import of obsidian).
vi.mock('obsidian', async (importOriginal) => (await import('../../support/node-request-url')).obsidianWithNodeRequests(await importOriginal<object>(), requests));

const describeServer = existsSync(RADICALE) || process.env.CI === 'true' ? describe : describe.skip;
const note = (first: string, done = 0) => reviewNote({ first, done });
const VAULT = { 'Kubernetes.md': note('2024-10-09'), 'Kafka.md': note('2024-10-01', 2), 'Redis.md': note('2024-10-10') };

let server: QuirksServer;
beforeAll(async () => {
	if (existsSync(RADICALE) || process.env.CI === 'true') server = await startNaverQuirks();
}, 30_000);
afterAll(async () => {
	await server?.dispose();
});
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
	vi.setSystemTime(new Date(2024, 9, 10, 8, 0));
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});


async function start(calendar: string): Promise<Harness> {
	const h = await loadPlugin(VAULT, { preset: 'en', caldavEnabled: true, caldavServer: server.url, caldavUser: server.user, caldavPasswordSecret: 'naver', caldavCalendar: calendar });
	h.plugin.saveData = () => Promise.resolve();
	h.app.secretStorage.setSecret('naver', server.password);
	h.app.workspace.setLayoutReady__();
	vi.advanceTimersByTime(200);
	return h;
}

/** What the calendar holds (read straight from Radicale behind the proxy's quirks). */
const summaries = async () => (await new CalDavClient(nodeHttp, server.user, server.password, server.url).events(server.calendar)).map((r) => /^SUMMARY:(.*)$/m.exec(r.data)?.[1]?.trim() ?? '').sort();

describeServer('phone reminders on a Naver-like server', () => {
	it('settings: Connect finds the calendar from the preset\'s root address; Create says the server makes none', async () => {
		const h = await start('');
		const { tab, press, picker } = openSettingsTab(h);
		press('Connect');
		await until(() => (picker?.options.length ?? 0) > 1);
		expect([...(picker?.options ?? [])].map((o) => [o.value, o.textContent])).toEqual([
			['', 'Choose a calendar'],
			[server.calendar, '내 캘린더'],
		]);
		press('Create a "Reviews" calendar');
		await until(() => (tab.containerEl.textContent ?? '').includes('makes no calendars'));
		expect(tab.containerEl.textContent).toContain('This server makes no calendars over CalDAV: press Connect and pick one of your calendars');
		expect(h.plugin.reviewSettings.caldavCalendar).toBe('');
		tab.hide();
	});

	it('pushes, finds nothing to change in two requests (the list, then the events it listed empty), and drops a day all done', async () => {
		const h = await start(server.calendar);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 0);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 2 added, 0 changed, 0 removed, 0 unchanged.');
		for (let i = 0; i < 2; i++) {
			requests.length = 0;
			h.runCommand('sync-review-calendar');
			await until(() => h.notices.length > 1 + i);
			expect(h.notices.at(-1)).toBe('Review calendar synced: 0 added, 0 changed, 0 removed, 2 unchanged.');
			expect(requests).toEqual(['REPORT', 'REPORT']);
		}
		expect(await summaries()).toEqual(['1 review', '2 reviews']);
		// Both of today's reviews done: today's event goes (the server listed it empty or not, it is found).
		await h.app.vault.modify(h.file('Kubernetes.md'), note('2024-10-09', 1));
		await h.app.vault.modify(h.file('Kafka.md'), note('2024-10-01', 3));
		await settle();
		vi.advanceTimersByTime(200);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length > 3);
		expect(h.notices.at(-1)).toBe('Review calendar synced: 2 added, 0 changed, 1 removed, 1 unchanged.');
		expect(await summaries()).toEqual(['1 review', '1 review', '1 review']);
	});
});
