// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ButtonComponent, Modal as MockModal, TextComponent, ToggleComponent } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { clockAt, resolveConfig } from '../../../src/engine';
import { type ImportOutcome, type ImportRefused, importFromVault, importFromZip } from '../../../src/plugin/notion/import-from-vault';
import { strToU8, zipSync } from 'fflate';
import { notionExport, seedBody, seedProperties } from '../../support/notion-export';
import { notionHtmlExport, seedBodyHtml } from '../../support/notion-html-export';
import { notionZip } from '../../support/notion-zip';
import { at } from '../../helpers';
import { fakeClockEachTest, loadPlugin, settle } from '../harness';

fakeClockEachTest(new Date(2024, 9, 27, 14));

const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-note.md'), 'utf8');
const frontmatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0];
/** An import that ran (not refused, not missing). */
function imported(outcome: ImportOutcome | ImportRefused | null): ImportOutcome {
	if (!outcome || 'refused' in outcome) throw new Error(`no import: ${JSON.stringify(outcome)}`);
	return outcome;
}

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
	const run = async (dryRun: boolean) => imported(await importFromVault(h.app as never, resolved.config, clockAt(at(2024, 10, 27, 14)), 'Notion', 'Reviews', dryRun));
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

describe('Import a Notion export (a zip)', () => {
	const zipOf = () =>
		notionZip(
			notionHtmlExport([
				{ title: '웹훅', properties: seedProperties(SEED, '@2024년 10월 1일'), html: seedBodyHtml('웹훅'), types: { '❕첫 학습날': 'date' } },
				{ title: '깨진 행', properties: seedProperties(SEED, '언젠가') },
			]),
		);
	const config = async () => {
		const h = await loadPlugin({}, { preset: 'ko-template', rateFormula: 'template' });
		const resolved = resolveConfig(h.plugin.reviewSettings);
		if (!resolved.ok) throw new Error('settings');
		return { h, config: resolved.config };
	};

	it('imports the HTML export from a zip in the vault: the seed\'s note, its image from the zip\'s bytes, the bad row named', async () => {
		const { h, config: reviewConfig } = await config();
		await h.app.vault.createBinary('Downloads/Export.zip', zipOf().slice().buffer);
		const outcome = imported(await importFromVault(h.app as never, reviewConfig, clockAt(at(2024, 10, 27, 14)), 'Downloads/Export.zip', 'Reviews', false));
		expect(outcome.fresh).toEqual(['Reviews/웹훅.md']);
		expect(outcome.plan.skipped.map((s) => s.name)).toEqual(['깨진 행']);
		expect(frontmatter(await h.read('Reviews/웹훅.md'))).toBe(frontmatter(SEED));
		const image = h.app.vault.getFiles().find((file) => file.path.startsWith('Reviews/웹훅 ') && file.name === 'image 34.png');
		expect([...new Uint8Array(await h.app.vault.readBinary(image!))].slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
	});

	it('the command imports a zip picked on the device: a dry run lists, the import writes; a hostile zip is refused by name with nothing written', async () => {
		const { h } = await config();
		const clicks = vi.spyOn(ButtonComponent.prototype, 'onClick');
		const opened: MockModal[] = [];
		// The mock's open() closes the modal a tick later; this one stays open, as Obsidian's does.
		vi.spyOn(MockModal.prototype, 'open').mockImplementation(function (this: MockModal) {
			opened.push(this);
			this.onOpen();
		});
		// The clock is fake here; reading the picked file's bytes may wait on a timer.
		const tick = async () => {
			await vi.advanceTimersByTimeAsync(5);
			await settle();
		};
		/** Until the dialog's report says something (the import runs on real promises: the file's bytes, the vault). */
		const report = async (content: HTMLElement) => {
			for (let i = 0; i < 200 && (content.querySelector('.forgetting-curve-import-report')?.textContent ?? '') === ''; i++) await tick();
			return content.querySelector('.forgetting-curve-import-report')?.textContent ?? '';
		};
		const pick = async (bytes: Uint8Array, button: 'Show what would be written' | 'Import') => {
			h.commands.get('import-notion')?.checkCallback?.(false);
			const content = opened.at(-1)!.contentEl;
			const input = content.querySelector<HTMLInputElement>('input.forgetting-curve-file-picker')!;
			Object.defineProperty(input, 'files', { value: [new File([bytes.slice()], 'Export.zip', { type: 'application/zip' })] });
			input.dispatchEvent(new Event('change'));
			for (let i = 0; i < 20; i++) await tick();
			// The mock's buttons keep their handler without wiring the element's click: press it by its text.
			const index = clicks.mock.contexts.findLastIndex((b) => (b as ButtonComponent).buttonEl.textContent === button);
			void clicks.mock.calls[index]?.[0](new MouseEvent('click'));
			return report(content);
		};
		expect(await pick(zipOf(), 'Show what would be written')).toContain('Would write 1 notes:');
		expect(h.app.vault.getAbstractFileByPath('Reviews/웹훅.md')).toBeNull();
		expect(await pick(zipOf(), 'Import')).toContain('Imported 1 notes from Notion and copied 1 of their files; 0 already there, 1 skipped.');
		expect(frontmatter(await h.read('Reviews/웹훅.md'))).toBe(frontmatter(SEED));
		const count = h.app.vault.getFiles().length;
		expect(await pick(zipSync({ 'Export-x/a.md': strToU8('# a'), '../../outside.md': strToU8('x') }), 'Import')).toContain('The zip holds "../../outside.md", a path that would leave the folder it is unpacked into. Nothing was written.');
		expect(h.app.vault.getFiles()).toHaveLength(count);
		const bomb = await importFromZip(h.app as never, (resolveConfig(h.plugin.reviewSettings) as unknown as { config: never }).config, clockAt(at(2024, 10, 27, 14)), zipSync({ 'Part-1.zip': zipSync({ 'Export-x/big.png': new Uint8Array(20 * 1024 * 1024) }) }), 'Reviews', false);
		expect(bomb).toEqual({ refused: { code: 'zip-bomb', name: 'Part-1.zip/Export-x/big.png', limit: 200 } });
		expect(h.app.vault.getFiles()).toHaveLength(count);
	});
});

describe('Repair notes Obsidian Importer wrote (the command)', () => {
	it('lists each note and key in a dry run, then sets only those dates (through the note writer) and the note is the seed again', async () => {
		const broken = SEED.replace('❕첫 학습날: 2024-10-01\n', '❕첫 학습날: Invalid date\n');
		const h = await loadPlugin({ 'Notion/웹훅.md': broken, 'Notion/다른 노트.md': broken }, { preset: 'ko-template', rateFormula: 'template', recomputeOnOpen: false, recomputeOnSave: false });
		await h.app.vault.createBinary('Export.zip', notionZip(notionHtmlExport([{ title: '웹훅', properties: seedProperties(SEED, '@2024년 10월 1일'), types: { '❕첫 학습날': 'date' } }])).slice().buffer);
		const clicks = vi.spyOn(ButtonComponent.prototype, 'onClick');
		const toggles = vi.spyOn(ToggleComponent.prototype, 'onChange');
		const texts = vi.spyOn(TextComponent.prototype, 'onChange');
		const opened: MockModal[] = [];
		vi.spyOn(MockModal.prototype, 'open').mockImplementation(function (this: MockModal) {
			opened.push(this);
			this.onOpen();
		});
		const press = (text: string) => void clicks.mock.calls[clicks.mock.contexts.findLastIndex((b) => (b as ButtonComponent).buttonEl.textContent === text)]?.[0](new MouseEvent('click'));
		h.commands.get('import-notion')?.checkCallback?.(false);
		const content = opened.at(-1)!.contentEl;
		// The dialog's two fields (the export, the folder) and its toggle, as the learner fills them.
		const [from, to] = texts.mock.calls.slice(-2).map(([handler]) => handler);
		void from?.('Export.zip');
		void to?.('Notion');
		void toggles.mock.calls.at(-1)?.[0](true);
		const report = async () => {
			for (let i = 0; i < 200 && (content.querySelector('.forgetting-curve-import-report')?.textContent ?? '') === ''; i++) {
				await vi.advanceTimersByTimeAsync(5);
				await settle();
			}
			return content.querySelector('.forgetting-curve-import-report')?.textContent ?? '';
		};
		press('Show what would be written');
		expect(await report()).toBe('Would fix Notion/웹훅.md: ❕첫 학습날 "Invalid date" → 2024-10-01');
		expect(await h.read('Notion/웹훅.md')).toBe(broken);
		press('Import');
		expect(await report()).toContain('Gave 1 notes their dates back from the Notion export.');
		expect(await h.read('Notion/웹훅.md')).toBe(SEED);
		expect(await h.read('Notion/다른 노트.md')).toBe(broken);
	});
});
