// @vitest-environment happy-dom
import { DropdownComponent, Setting, TextComponent } from 'obsidian-test-mocks/obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_DEADLINE_MS } from '../../../src/plugin/reminders/request-url-http';
import { ForgettingCurveSettingTab } from '../../../src/plugin/settings/settings-tab';
import { useObsidianLanguage } from '../../../src/plugin/settings';
import { multistatus, startTestServer, type TestServer } from '../../support/hostile-server';
import { vaultTag } from '../../../src/engine/calendar/review-calendar';
import { reviewNote } from '../../helpers';
import { loadPlugin, settle } from '../harness';

/** The plugin's side of the calendar's safety: the settings, the language, a server that never answers. */
const language = vi.hoisted(() => ({ code: 'en' }));
vi.mock('obsidian', async (importOriginal) => {
	const { nodeRequestUrl } = await import('../../support/node-request-url');
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

describe('calendar services by name', () => {
	it('fill in a service\'s address and say where its app password comes from; a service on your own host shows an example', async () => {
		const h = await loadPlugin({}, { preset: 'en' });
		h.app.secretStorage.setSecret('x', 'y');
		const dropdowns = vi.spyOn(DropdownComponent.prototype, 'onChange');
		const texts = vi.spyOn(TextComponent.prototype, 'onChange');
		const names = vi.spyOn(Setting.prototype, 'setName');
		showImperatively(new ForgettingCurveSettingTab(h.app as never, h.plugin));
		const settings = names.mock.contexts as Setting[];
		const serviceRow = settings.find((row) => row.nameEl.textContent === 'Calendar service');
		const service = (dropdowns.mock.contexts as DropdownComponent[]).find((d) => [...d.selectEl.options].some((o) => o.value === 'naver'));
		const server = (texts.mock.contexts as TextComponent[]).find((text) => serviceRow && text.inputEl.closest('.setting-item') !== serviceRow.settingEl && text.inputEl.placeholder.startsWith('https://'));
		if (!service || !server || !serviceRow) throw new Error('no service picker');
		expect([...service.selectEl.options].map((o) => o.text)).toEqual(['iCloud', 'Naver Calendar', 'Fastmail', 'Nextcloud', 'Synology Calendar', 'Other CalDAV server']);
		service.setValue('naver');
		await settle();
		expect(h.plugin.reviewSettings.caldavServer).toBe('https://caldav.calendar.naver.com/');
		expect(server.getValue()).toBe('https://caldav.calendar.naver.com/');
		expect(serviceRow.descEl.textContent).toContain('With two-step verification on, use an application password');
		service.setValue('nextcloud');
		await settle();
		expect(h.plugin.reviewSettings.caldavServer).toBe('https://caldav.calendar.naver.com/');
		expect(server.inputEl.placeholder).toBe('https://cloud.example.com/remote.php/dav/');
		expect(serviceRow.descEl.textContent).toContain('/remote.php/dav');
	});

	it('name the services in Korean too, Naver Calendar as 네이버 캘린더', async () => {
		language.code = 'ko';
		useObsidianLanguage();
		const h = await loadPlugin({}, { caldavServer: 'https://caldav.calendar.naver.com/' });
		h.app.secretStorage.setSecret('x', 'y');
		const dropdowns = vi.spyOn(DropdownComponent.prototype, 'onChange');
		showImperatively(new ForgettingCurveSettingTab(h.app as never, h.plugin));
		const service = (dropdowns.mock.contexts as DropdownComponent[]).find((d) => [...d.selectEl.options].some((o) => o.value === 'naver'));
		expect(service?.getValue()).toBe('naver');
		expect(service?.selectEl.selectedOptions[0]?.text).toBe('네이버 캘린더');
	});
});

describe('a server that races and echoes', () => {
	it('adds up after a 412 and never shows the password, in any encoding, in a notice or the status', async () => {
		const token = Buffer.from(`learner:${PASSWORD}`).toString('base64');
		const echoes = [`Basic%20${encodeURIComponent(token)}`, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64'), `learner:${PASSWORD}`];
		// An event with this vault's UID but not its mark (another app's edit), titled with the echoes: left alone, and named.
		const stray = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:${vaultTag('')}.day-20241030@forgetting-curve\r\nSUMMARY:${echoes.join(' ')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
		const stored = new Map<string, string>([['/cal/stray.ics', stray]]);
		let raced = false;
		const server = await startTestServer((req, res, body) => {
			const path = req.url ?? '';
			if (req.method === 'REPORT') return res.writeHead(207).end(multistatus([...stored].map(([href, data]) => ({ href, etag: '"1"', data }))));
			if (req.method === 'PROPFIND') return res.writeHead(207).end('<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>');
			if (req.method === 'PUT') {
				stored.set(path, body);
				// Another device got today's event in first: this device's create meets a 412.
				if (!raced && path.includes('day-20241010')) {
					raced = true;
					return res.writeHead(412).end(`precondition failed for ${req.headers.authorization ?? ''}`);
				}
				return res.writeHead(201).end();
			}
			res.writeHead(405).end();
		});
		servers.push(server);
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
		vi.setSystemTime(new Date(2024, 9, 10, 8, 0));
		const h = await loadPlugin({ 'Kafka.md': reviewNote({ first: '2024-10-01' }), 'Redis.md': reviewNote({ first: '2024-10-10' }) }, { preset: 'en', caldavEnabled: true, caldavServer: server.url, caldavUser: 'learner', caldavPasswordSecret: 'caldav-password', caldavCalendar: `${server.url}cal/` });
		h.app.secretStorage.setSecret('caldav-password', PASSWORD);
		h.app.workspace.setLayoutReady__();
		vi.advanceTimersByTime(200);
		h.runCommand('sync-review-calendar');
		await until(() => h.notices.length >= 2);
		expect(raced).toBe(true);
		// Two events: the 11th's created; today's, made by the other device meanwhile, unchanged. 2 in all.
		expect(h.notices[0]).toBe('Review calendar synced: 1 added, 0 changed, 0 removed, 1 unchanged.');
		expect(h.notices[1]).toContain('***');
		const shown = JSON.stringify({ notices: h.notices, status: h.plugin.push?.status });
		for (const secret of [PASSWORD, token, ...echoes]) expect([secret, shown.includes(secret)]).toEqual([secret, false]);
		await settle();
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
