// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliHandler } from 'obsidian';
import { Plugin } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { HISTORY_IN_CONFIG } from '../../../src/cli/stats-command';
import { historyLine } from '../../../src/engine';
import { e2eVaultNotes } from '../../support/fixture-vault';
import { fakeClockEachTest, loadPlugin } from '../harness';

const NOW = new Date(2024, 9, 10, 9);
fakeClockEachTest(NOW);

const SETTINGS = { preset: 'ko-template', rateFormula: 'template' };
const JOURNAL = [
	historyLine({ at: '2024-10-08T20:00:00+09:00', path: 'Reviews/Argo CD.md', stage: 1, due: '2024-10-09', action: 'done' }),
	historyLine({ at: '2024-10-09T21:00:00+09:00', path: 'Reviews/Helm 차트.md', stage: 7, due: '2024-10-06', action: 'done' }),
].join('');

/** The same vault twice: on disk for our CLI, in the plugin's app for Obsidian's CLI; 30 review notes, a note the engine refuses, a journal. */
function vault(): { files: Record<string, string>; folder: string } {
	const files = e2eVaultNotes();
	files['Reviews/깨진 노트.md'] = '---\n❕첫 학습날: 2024-02-30\n---\n';
	files['Inbox/plain.md'] = '# not a review note\n';
	const folder = mkdtempSync(join(tmpdir(), 'fc-obsidian-cli-'));
	// Our CLI looks for the journals in the folder's config folders (`.obsidian` by default).
	for (const [path, text] of Object.entries({ ...files, [`.obsidian/${HISTORY_IN_CONFIG}/phone.jsonl`]: JOURNAL })) {
		mkdirSync(join(folder, path, '..'), { recursive: true });
		writeFileSync(join(folder, path), text);
	}
	writeFileSync(`${folder}.json`, JSON.stringify(SETTINGS));
	return { files, folder };
}

function ourCli(command: 'due' | 'stats', folder: string, json = false, ...more: string[]): string {
	const out: string[] = [];
	const code = runCli([command, folder, '--today', '2024-10-10', '--settings', `${folder}.json`, ...(json ? ['--json'] : []), ...more], NOW, { out: (t) => out.push(t), err: () => undefined });
	expect(code).toBe(0);
	return out.join('');
}

describe("Obsidian's CLI: forgetting-curve:due and forgetting-curve:stats", () => {
	it('answers with the same text as our CLI over the same vault, and the same JSON', async () => {
		const { files, folder } = vault();
		const h = await loadPlugin(files, SETTINGS);
		await h.app.vault.adapter.mkdir(`${h.app.vault.configDir}/plugins/forgetting-curve/history`);
		await h.app.vault.adapter.write(`${h.app.vault.configDir}/plugins/forgetting-curve/history/phone.jsonl`, JOURNAL);
		const handlers = (h.plugin as unknown as { cliHandlers__: Map<string, CliHandler> }).cliHandlers__;
		const due = handlers.get('forgetting-curve:due');
		const stats = handlers.get('forgetting-curve:stats');
		if (!due || !stats) throw new Error('the handlers are not registered');
		const dueText = await due({});
		expect(dueText).toBe(ourCli('due', folder));
		expect(dueText).toMatch(/^Today: 2024-10-10\nOverdue \(6\)\n/);
		expect(dueText).toContain('refused Reviews/깨진 노트.md: ');
		const statsText = await stats({});
		expect(statsText).toBe(ourCli('stats', folder));
		expect(statsText).toContain('Reviews done: 2 on 2 days');
		expect(await due({ json: 'true' })).toBe(ourCli('due', folder, true));
		expect(await stats({ json: 'true' })).toBe(ourCli('stats', folder, true));
		// By subject (Korean, typed decomposed), folder and tag: the same answers as our CLI's flags.
		const k8s = await due({ subject: '쿠버네티스'.normalize('NFD') });
		expect(k8s).toBe(ourCli('due', folder, false, '--subject', '쿠버네티스'.normalize('NFD')));
		expect(k8s).toMatch(/^Only subject "쿠버네티스": \d+ review notes\n/);
		expect(k8s).not.toContain('Argo CD');
		expect(await stats({ subject: 'DevOps', json: 'true' })).toBe(ourCli('stats', folder, true, '--subject', 'DevOps'));
		expect(await due({ folder: 'Reviews' })).toBe(ourCli('due', folder, false, '--folder', 'Reviews'));
		expect(await due({ tag: 'nothing' })).toBe(ourCli('due', folder, false, '--tag', 'nothing'));
		expect(await due({ tag: 'nothing' })).toContain('No review note has tag #nothing.\nTags: none\n');
	});

	it('loads without them on an app with no registerCliHandler (before 1.12.2), and when registering throws', async () => {
		const proto = Plugin.prototype as unknown as { registerCliHandler?: unknown };
		const original = proto.registerCliHandler;
		proto.registerCliHandler = undefined;
		try {
			const h = await loadPlugin({}, SETTINGS);
			expect(h.commands.has('mark-review-done')).toBe(true);
		} finally {
			proto.registerCliHandler = original;
		}
		proto.registerCliHandler = () => {
			throw new Error('Command forgetting-curve:due is already registered');
		};
		try {
			const h = await loadPlugin({}, SETTINGS);
			expect(h.commands.has('mark-review-done')).toBe(true);
		} finally {
			proto.registerCliHandler = original;
		}
	});
});
