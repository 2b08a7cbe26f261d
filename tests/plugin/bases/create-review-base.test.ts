// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_FORMULA, clockAt, openReviewNote, resolveConfig, scheduleFor, toIsoDate } from '../../../src/engine';
import { evaluate, passes } from '../../support/bases-formula';
import { e2eVaultNotes } from '../../support/fixture-vault';
import { writeReviewBase } from '../../../src/plugin/bases/create-review-base';
import { reviewNote } from '../../helpers';
import { fakeClockEachTest, loadPlugin } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 9));

async function setUp(data: object, files: Record<string, string> = { 'Reviews/a.md': reviewNote({ first: '2024-10-01' }) }) {
	const h = await loadPlugin(files, data);
	const resolved = resolveConfig(h.plugin.reviewSettings);
	if (!resolved.ok) throw new Error('settings');
	return { h, write: (name: string) => writeReviewBase(h.app as never, h.plugin.reviewSettings, resolved.config, name) };
}

describe('Create a review base', () => {
	it("writes <name>.base at the vault's root with the settings' folders and tag, and the Review schedule view", async () => {
		const { h, write } = await setUp({ preset: 'en', includeFolders: ['Reviews'], tag: 'study' });
		expect(await write('Reviews')).toEqual({ kind: 'created', path: 'Reviews.base' });
		const base = parse(await h.app.vault.adapter.read('Reviews.base')) as { filters: { and: unknown[] }; views: { type: string; name: string }[] };
		expect(base.filters.and).toEqual(['file.hasProperty("first study")', { or: ['file.inFolder("Reviews")'] }, 'file.hasTag("study")']);
		expect(base.views.map((v) => [v.type, v.name])).toEqual([
			['table', 'Review notes'],
			['forgetting-curve-schedule', 'Review schedule'],
		]);
		expect(h.commands.has('create-review-base')).toBe(true);
		// Offered from the commands' table while the settings work.
		expect(h.commands.get('create-review-base')?.checkCallback?.(true)).toBe(true);
	});

	it('never replaces an existing file, and refuses names no file can have', async () => {
		const { h, write } = await setUp({ preset: 'en' });
		await h.app.vault.create('Reviews.base', 'views: []\n');
		expect(await write('Reviews.base')).toEqual({ kind: 'exists', path: 'Reviews.base' });
		expect(await h.app.vault.adapter.read('Reviews.base')).toBe('views: []\n');
		for (const name of ['', '  ', 'a/b', 'what?', '.hidden']) expect(await write(name)).toEqual({ kind: 'invalid-name' });
		expect(await write('복습 일정')).toEqual({ kind: 'created', path: '복습 일정.base' });
	});

	it("on the end-to-end vault, writes a base whose filter takes every review note and whose formulas give the engine's next review for all 30", async () => {
		const notes = e2eVaultNotes();
		const { h, write } = await setUp({ preset: 'ko-template', includeFolders: ['Reviews'] }, { ...notes, 'Inbox/plain.md': '# not a review note\n' });
		await write('Reviews');
		const base = parse(await h.app.vault.adapter.read('Reviews.base')) as { filters: unknown; formulas: Record<string, string> };
		const resolved = resolveConfig(h.plugin.reviewSettings);
		if (!resolved.ok) throw new Error('settings');
		const today = new Date(2024, 9, 10, 9);
		let checked = 0;
		for (const file of h.app.vault.getMarkdownFiles()) {
			// What Bases reads: the properties Obsidian's metadata cache holds for the note.
			const properties = h.app.metadataCache.getFileCache(file)?.frontmatter ?? {};
			const context = { path: file.path, properties, tags: [] };
			const opened = openReviewNote(await h.app.vault.read(file), resolved.config);
			expect(passes(base.filters, context, today), file.path).toBe(opened.kind === 'ok');
			if (opened.kind !== 'ok') continue;
			const next = evaluate(base.formulas[BASE_FORMULA.nextReview] ?? '', context, today);
			const engine = scheduleFor(opened.inputs, resolved.config, clockAt(today)).current;
			expect(next instanceof Date ? toIsoDate(next) : next, file.path).toBe(engine ? toIsoDate(engine.due) : null);
			checked++;
		}
		expect(checked).toBe(30);
	});
});
