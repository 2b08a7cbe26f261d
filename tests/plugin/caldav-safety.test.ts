// @vitest-environment happy-dom
import { Setting } from 'obsidian-test-mocks/obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_DEADLINE_MS } from '../../src/plugin/request-url-http';
import { ForgettingCurveSettingTab } from '../../src/plugin/settings-tab';
import { useObsidianLanguage } from '../../src/plugin/i18n';
import { startTestServer, type TestServer } from '../support/hostile-server';
import { reviewNote } from '../helpers';
import { loadPlugin, settle } from './harness';

/** The plugin's side of the calendar's safety: the settings, the language, a server that never answers. */
const language = vi.hoisted(() => ({ code: 'en' }));
vi.mock('obsidian', async (importOriginal) => {
	const { nodeRequestUrl } = await import('../support/node-request-url');
	return { ...(await importOriginal<object>()), getLanguage: () => language.code, requestUrl: nodeRequestUrl };
});

const PASSWORD = 'hunter2-app-password';
const servers: TestServer[] = [];
afterEach(async () => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	language.code = 'en';
	useObsidianLanguage();
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The imperative tab, which Obsidian before 1.13 shows (the declarative one builds the same rows). */
function showImperatively(tab: { display(): void }): void {
	tab.display();
}

/** The warning under the address fields, as the settings tab shows it (visible or not). */
async function warningsShown(server: string): Promise<string[]> {
	const h = await loadPlugin({}, { caldavServer: server });
	h.app.secretStorage.setSecret('x', 'y');
	const descs: HTMLElement[] = [];
	const spy = vi.spyOn(Setting.prototype, 'setName');
	showImperatively(new ForgettingCurveSettingTab(h.app as never, h.plugin));
	for (const call of spy.mock.contexts as Setting[]) descs.push(call.descEl);
	spy.mockRestore();
	return descs.flatMap((d) => [...d.querySelectorAll<HTMLElement>('.forgetting-curve-warning')]).filter((el) => el.style.display !== 'none').map((el) => el.textContent ?? '');
}

describe('calendar settings', () => {
	it('refuse an address holding a user name or password, and never show or save it', async () => {
		const h = await loadPlugin({});
		const saved: unknown[] = [];
		h.plugin.saveData = (data: unknown) => (saved.push(structuredClone(data)), Promise.resolve());
		const problems = await h.plugin.updateSettings({ caldavServer: `https://learner:${PASSWORD}@caldav.example.com/` });
		expect(problems).toEqual(['Setting "caldavServer" holds a user name or password inside the address; it was not kept. Enter the address alone, the user name and password in their own fields.']);
		expect(JSON.stringify(saved)).not.toContain(PASSWORD);
		expect(h.plugin.reviewSettings.caldavServer).toBe('');
		// From data.json too: named, not kept, not shown.
		const loaded = await loadPlugin({}, { caldavCalendar: `https://learner:${PASSWORD}@caldav.example.com/cal/` });
		expect(loaded.plugin.reviewSettings.caldavCalendar).toBe('');
		expect(loaded.notices.join(' ')).toContain('"caldavCalendar" holds a user name or password');
		expect(loaded.notices.join(' ')).not.toContain(PASSWORD);
	});

	it('warn about plain http to a server outside the network, in English and in Korean', async () => {
		expect(await warningsShown('http://caldav.example.com/')).toEqual(['This address uses plain http to a server outside your network: your password would travel unencrypted. Use an https address.']);
		expect(await warningsShown('https://caldav.example.com/')).toEqual([]);
		expect(await warningsShown('http://192.168.0.20:5232/')).toEqual([]);
		language.code = 'ko';
		useObsidianLanguage();
		expect(await warningsShown('http://caldav.example.com/')).toEqual(['이 주소는 내 네트워크 밖의 서버에 암호화되지 않은 연결로 접속합니다. 암호가 그대로 전송될 수 있으니 암호화된 주소(https://…)를 써 주세요.']);
	});
});

describe('a calendar server that never answers', () => {
	it('ends the sync at the deadline with a notice, and the next sync runs', async () => {
		const stuck = await startTestServer(() => undefined);
		servers.push(stuck);
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
		vi.setSystemTime(new Date(2024, 9, 10, 8, 0));
		const h = await loadPlugin({ 'Kafka.md': reviewNote({ first: '2024-10-01' }) }, { preset: 'en', caldavEnabled: true, caldavServer: stuck.url, caldavUser: 'learner', caldavPasswordSecret: 'caldav-password', caldavCalendar: `${stuck.url}cal/` });
		h.app.secretStorage.setSecret('caldav-password', PASSWORD);
		h.app.workspace.setLayoutReady__();
		vi.advanceTimersByTime(200);
		const push = h.plugin.push;
		if (!push) throw new Error('no push');
		const first = push.sync(false);
		await until(() => stuck.received.length === 1);
		vi.advanceTimersByTime(REQUEST_DEADLINE_MS);
		await first;
		expect(h.notices).toContain('Review calendar not synced: The server did not answer. It will try again by itself.');
		expect(push.status.lastError).toBe('The server did not answer');
		// Not stuck behind the first: a new sync sends a new request.
		void push.sync(false);
		await until(() => stuck.received.length === 2);
		expect(stuck.received).toHaveLength(2);
		await settle();
	});
});

async function until(done: () => boolean): Promise<void> {
	for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
	if (!done()) throw new Error('timed out');
}
