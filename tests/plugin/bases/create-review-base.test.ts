// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../../src/engine';
import { writeReviewBase } from '../../../src/plugin/bases/create-review-base';
import { reviewNote } from '../../helpers';
import { fakeClockEachTest, loadPlugin } from '../harness';

fakeClockEachTest(new Date(2024, 9, 10, 9));

async function setUp(data: object) {
	const h = await loadPlugin({ 'Reviews/a.md': reviewNote({ first: '2024-10-01' }) }, data);
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
	});

	it('never replaces an existing file, and refuses names no file can have', async () => {
		const { h, write } = await setUp({ preset: 'en' });
		await h.app.vault.create('Reviews.base', 'views: []\n');
		expect(await write('Reviews.base')).toEqual({ kind: 'exists', path: 'Reviews.base' });
		expect(await h.app.vault.adapter.read('Reviews.base')).toBe('views: []\n');
		for (const name of ['', '  ', 'a/b', 'what?', '.hidden']) expect(await write(name)).toEqual({ kind: 'invalid-name' });
		expect(await write('복습 일정')).toEqual({ kind: 'created', path: '복습 일정.base' });
	});
});
