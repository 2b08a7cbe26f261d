// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockAt, resolveConfig } from '../../../src/engine';
import { importFromVault } from '../../../src/plugin/notion/import-from-vault';
import { notionExport, seedBody, seedProperties } from '../../support/notion-export';
import { at } from '../../helpers';
import { fakeClockEachTest, loadPlugin } from '../harness';

fakeClockEachTest(new Date(2024, 9, 27, 14));

const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-note.md'), 'utf8');
const frontmatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0];

/** The plugin over a vault holding an unzipped export (under "Notion/"), made from the seed note, with one malformed row. */
async function setUp() {
	const good = seedProperties(SEED, 'October 1, 2024');
	const exported = notionExport([
		{ title: '웹훅', properties: good, body: seedBody('웹훅') },
		{ title: '깨진 행', properties: good.map(([k, v]): [string, string] => [k, k === '🧠장기기억' ? '글쎄' : v]) },
	]);
	const files = Object.fromEntries([...exported].map(([path, content]) => [`Notion/${path}`, typeof content === 'string' ? content : 'PNG']));
	const h = await loadPlugin(files, { preset: 'ko-template', rateFormula: 'template' });
	const resolved = resolveConfig(h.plugin.reviewSettings);
	if (!resolved.ok) throw new Error('settings');
	const run = (dryRun: boolean) => importFromVault(h.app as never, resolved.config, clockAt(at(2024, 10, 27, 14)), 'Notion', 'Reviews', dryRun);
	return { h, run };
}

describe('Import a Notion export (in the vault)', () => {
	it("writes the seed's page as a review note with the seed's frontmatter, copies its image, and names the malformed row", async () => {
		const { h, run } = await setUp();
		expect(h.commands.get('import-notion')?.checkCallback?.(true)).toBe(true);
		const outcome = await run(false);
		expect(outcome?.fresh).toEqual(['Reviews/웹훅.md']);
		expect(outcome?.copied).toBe(1);
		expect(outcome?.plan.skipped).toEqual([{ name: '깨진 행', code: 'bad-checkbox', key: '🧠장기기억', value: '글쎄' }]);
		expect(frontmatter(await h.read('Reviews/웹훅.md'))).toBe(frontmatter(SEED));
		const copied = h.app.vault.getFiles().filter((file) => file.path.startsWith('Reviews/웹훅 ') && file.name === 'image 34.png');
		expect(copied).toHaveLength(1);
	});

	it('changes nothing when run again, and lists with a dry run without writing', async () => {
		const { h, run } = await setUp();
		const dry = await run(true);
		expect(dry?.fresh).toEqual(['Reviews/웹훅.md']);
		expect(h.app.vault.getAbstractFileByPath('Reviews/웹훅.md')).toBeNull();
		await run(false);
		const text = await h.read('Reviews/웹훅.md');
		const count = h.app.vault.getFiles().length;
		const again = await run(false);
		expect(again?.fresh).toEqual([]);
		expect(again?.existing).toEqual(['Reviews/웹훅.md']);
		expect(again?.copied).toBe(0);
		expect(await h.read('Reviews/웹훅.md')).toBe(text);
		expect(h.app.vault.getFiles()).toHaveLength(count);
	});

	it('answers null for a folder that is not there, or none named', async () => {
		const { h } = await setUp();
		const resolved = resolveConfig(h.plugin.reviewSettings);
		if (!resolved.ok) throw new Error('settings');
		expect(await importFromVault(h.app as never, resolved.config, clockAt(at(2024, 10, 27)), 'Nowhere', 'Reviews', false)).toBeNull();
		expect(await importFromVault(h.app as never, resolved.config, clockAt(at(2024, 10, 27)), '  ', 'Reviews', false)).toBeNull();
	});
});
