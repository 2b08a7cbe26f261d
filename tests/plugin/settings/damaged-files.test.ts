// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { advance, fakeClockEachTest, loadPlugin, type Harness } from '../harness';

/**
 * The plugin's own files damaged: data.json that is not JSON or holds wrong types, a journal cut
 * mid-line or holding NUL bytes. The plugin starts, keeps what it can read, says once what it
 * ignored, and never saves over a damaged data.json without a copy of it beside it.
 */
fakeClockEachTest(new Date(2024, 9, 10, 8, 0, 0));

/** The plugin folder, in the vault's configuration folder. */
const folderOf = (h: Harness) => `${h.app.vault.configDir}/plugins/forgetting-curve`;
const NOTE = { 'a.md': '---\nfirst study: 2024-10-01\n---\n' };

describe('a damaged data.json', () => {
	it('that is not JSON: the plugin starts with the defaults, says so once, and keeps the file aside before saving', async () => {
		const damaged = '{\n<<<<<<< HEAD\n  "preset": "en",\n=======\n  "preset": "ko-template",\n>>>>>>> sync\n}\n';
		const h = await loadPlugin(NOTE, damaged);
		expect(h.commands.has('mark-review-done')).toBe(true);
		expect(h.plugin.reviewSettings.preset).toBe('ko-template');
		expect(h.notices).toEqual([
			'Forgetting Curve settings need attention: its settings file (data.json) could not be read at all, so the default settings are in use. The file as it was is kept as data.damaged-20241010-080000.json in the plugin folder.',
		]);
		expect(await h.app.vault.adapter.read(`${folderOf(h)}/data.damaged-20241010-080000.json`)).toBe(damaged);
		// A later save replaces data.json, and the copy stays as it was.
		expect(await h.plugin.updateSettings({ preset: 'en' })).toEqual([]);
		expect(JSON.parse(await h.app.vault.adapter.read(`${folderOf(h)}/data.json`))).toMatchObject({ preset: 'en' });
		expect(await h.app.vault.adapter.read(`${folderOf(h)}/data.damaged-20241010-080000.json`)).toBe(damaged);
		await advance(1000);
		expect(h.notices).toHaveLength(1);
	});

	it('with wrong types: keeps the settings it can read, names the others once, and keeps the file aside', async () => {
		const damaged = JSON.stringify({ preset: 'en', intervals: '1,4,7', includeFolders: ['study'], reminderTime: 9, snoozes: 'none' });
		const h = await loadPlugin(NOTE, damaged);
		expect(h.plugin.reviewSettings.preset).toBe('en');
		expect(h.plugin.reviewSettings.includeFolders).toEqual(['study']);
		expect(h.plugin.reviewSettings.intervals).toEqual([1, 4, 7, 14]);
		expect(h.notices).toHaveLength(1);
		expect(h.notices[0]).toContain('Setting "intervals" has an unusable value "1,4,7"; using the default.');
		expect(h.notices[0]).toContain('Setting "reminderTime" has an unusable value 9; using the default.');
		expect(h.notices[0]).toContain('kept as data.damaged-20241010-080000.json');
		expect(await h.app.vault.adapter.read(`${folderOf(h)}/data.damaged-20241010-080000.json`)).toBe(damaged);
	});

	it('keeps no password in the copy when an address held one', async () => {
		const damaged = JSON.stringify({ preset: 'en', barWidth: 'wide', caldavServer: 'https://learner:hunter22@caldav.example.com/' });
		const h = await loadPlugin(NOTE, damaged);
		expect(h.notices).toHaveLength(1);
		expect(h.notices[0]).not.toContain('hunter22');
		const copy = await h.app.vault.adapter.read(`${folderOf(h)}/data.damaged-20241010-080000.json`);
		expect(copy).toBe(damaged.replace('learner:hunter22@', ''));
		// data.json itself is saved again at once, without the address that held it.
		expect(await h.app.vault.adapter.read(`${folderOf(h)}/data.json`)).not.toContain('hunter22');
	});

	it('a readable data.json is never copied', async () => {
		const h = await loadPlugin(NOTE, JSON.stringify({ preset: 'en' }));
		expect(h.notices).toEqual([]);
		expect((await h.app.vault.adapter.list(folderOf(h))).files.filter((f) => f.includes('damaged'))).toEqual([]);
	});
});

describe('a damaged journal', () => {
	it('cut mid-line and holding NUL bytes: the good lines count, the bad ones are told once, and the next entry lands on a line of its own', async () => {
		const h = await loadPlugin(NOTE, JSON.stringify({ preset: 'en' }));
		h.app.workspace.setLayoutReady__();
		await advance(200);
		const history = h.plugin.records?.history;
		if (!history) throw new Error('no history');
		const good = '{"at":"2024-10-02T08:00:00+09:00","path":"a.md","stage":1,"due":"2024-10-02","action":"done"}\n';
		await h.app.vault.adapter.mkdir(`${folderOf(h)}/history`);
		// This device's own file, cut by a crash mid-line, with a NUL-filled line before it.
		await h.app.vault.adapter.write(history.file, `${good}\u0000\u0000\u0000\n{"at":"2024-10-03T08:0`);
		vi.spyOn(h.app.workspace, 'getActiveFile').mockReturnValue(h.file('a.md'));
		h.commands.get('mark-review-done')?.checkCallback?.(false);
		await advance(300);
		await history.flushed();
		const text = await h.app.vault.adapter.read(history.file);
		const lines = text.split('\n');
		expect(lines.slice(0, 3)).toEqual([good.trimEnd(), '\u0000\u0000\u0000', '{"at":"2024-10-03T08:0']);
		expect(JSON.parse(lines[3] ?? '')).toMatchObject({ path: 'a.md', stage: 1, action: 'done' });
		const journals = await history.readAll();
		expect(journals.devices[0]?.brokenLines).toHaveLength(2);
		expect(h.notices.filter((n) => n.startsWith('Review history'))).toHaveLength(1);
		await history.readAll();
		expect(h.notices.filter((n) => n.startsWith('Review history'))).toHaveLength(1);
	});
});
