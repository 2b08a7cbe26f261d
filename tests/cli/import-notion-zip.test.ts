import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from '../support/folder-snapshot';
import { notionImporter } from './capture';
import { seedBody, seedProperties } from '../support/notion-export';
import { notionHtmlExport, seedBodyHtml } from '../support/notion-html-export';
import { notionZip, oneEntryZip } from '../support/notion-zip';

/** `import-notion <export.zip> <vault>`: Notion's HTML export as Notion hands it over, and zips that must not be opened. */
const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'seed-note.md'), 'utf8');
const frontmatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0];
const DATE = { '❕첫 학습날': 'date' } as const;

function setUp(zip: Uint8Array) {
	const root = mkdtempSync(join(tmpdir(), 'fc-notion-zip-'));
	writeFileSync(join(root, 'export.zip'), zip);
	return notionImporter(root, 'export.zip');
}


describe('import-notion from a zip', () => {
	it("imports the HTML export from Notion's zip (a part zip inside): the seed's note byte for byte in its frontmatter, its image, an NFD name composed; a dry run first; a second run changes nothing", () => {
		const good = seedProperties(SEED, '@2024년 10월 1일');
		const { vault, run } = setUp(
			notionZip(
				notionHtmlExport([
					{ title: '웹훅', properties: good, html: seedBodyHtml('웹훅'), types: DATE, nfdName: true },
					{ title: 'Kafka partitions', properties: seedProperties(SEED, '@October 5, 2024 2:00 PM'), types: DATE },
					{ title: '깨진 행', properties: good.map(([k, v]): [string, string] => [k, k === '❕첫 학습날' ? '언젠가' : v]) },
				]),
			),
		);
		const dry = run('--dry-run');
		expect(dry.said).toContain('Would write 2 notes:');
		expect(existsSync(vault)).toBe(false);
		const first = run();
		expect(first.code).toBe(1);
		expect(first.said).toContain('깨진 행: skipped, "언젠가" in ❕첫 학습날 is not a date');
		expect(first.said).toContain('Imported 2 notes from Notion and copied 1 of their files; 0 already there, 1 skipped.');
		const note = readFileSync(join(vault, '웹훅.md'), 'utf8');
		expect(frontmatter(note)).toBe(frontmatter(SEED));
		expect(note.endsWith(`${seedBody('웹훅')}\n`)).toBe(true);
		const link = /\]\(([^)]+image%2034\.png)\)/.exec(note)?.[1] ?? '';
		expect([...readFileSync(join(vault, decodeURIComponent(link)))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(readFileSync(join(vault, 'Kafka partitions.md'), 'utf8')).toMatch(/^---\n❕첫 학습날: 2024-10-05\n/);
		for (const name of readdirSync(vault)) expect(name).toBe(name.normalize('NFC'));
		expect(readdirSync(vault).some((name) => name.startsWith('Export-'))).toBe(false);
		const before = folderSnapshot(vault);
		const second = run();
		expect(second.said).toContain('Imported 0 notes from Notion and copied 0 of their files; 2 already there, 1 skipped.');
		expect(folderSnapshot(vault)).toEqual(before);
	});

	it('refuses a hostile zip by name and writes nothing: ../, an absolute path, a link, a thousandfold expansion', () => {
		const cases: [Uint8Array, string][] = [
			[zipSync({ 'Export-x/웹훅.md': strToU8('# 웹훅'), '../outside.md': strToU8('x') }), 'The zip holds "../outside.md", a path that would leave the folder it is unpacked into. Nothing was written.'],
			[oneEntryZip('/tmp/evil.md', strToU8('x')), 'The zip holds "/tmp/evil.md", a path that would leave the folder it is unpacked into. Nothing was written.'],
			[oneEntryZip('Export-x/notes', strToU8('/etc'), 0o120777), 'The zip holds "Export-x/notes", a link to another place. Nothing was written.'],
			[zipSync({ 'Part-1.zip': oneEntryZip('Export-x/big.png', new Uint8Array(20 * 1024 * 1024)) }), '"Part-1.zip/Export-x/big.png" in the zip expands more than 200 times its packed size: not a Notion export. Nothing was written.'],
		];
		for (const [zip, message] of cases) {
			const { vault, run } = setUp(zip);
			const result = run();
			expect([message, result.code]).toEqual([message, 1]);
			expect(result.said.trim()).toBe(message);
			expect(existsSync(vault)).toBe(false);
		}
	});
});

describe('import-notion --repair', () => {
	it('gives the notes Obsidian Importer wrote their Korean dates back: a dry run lists each note and key, then only those values change and the note is recomputed', () => {
		const zip = notionZip(notionHtmlExport([{ title: '웹훅', properties: seedProperties(SEED, '@2024년 10월 1일'), types: DATE }]));
		const { vault, run } = setUp(zip);
		mkdirSync(join(vault, 'Notion'), { recursive: true });
		const broken = SEED.replace('❕첫 학습날: 2024-10-01\n', '❕첫 학습날: Invalid date\n');
		writeFileSync(join(vault, 'Notion', '웹훅.md'), broken);
		writeFileSync(join(vault, 'Notion', '다른 노트.md'), broken);
		const dry = run('--repair', '--dry-run');
		expect(dry).toEqual({ code: 0, said: 'Would fix Notion/웹훅.md: ❕첫 학습날 "Invalid date" → 2024-10-01\n' });
		expect(readFileSync(join(vault, 'Notion', '웹훅.md'), 'utf8')).toBe(broken);
		const fixed = run('--repair');
		expect(fixed.said).toBe('Fixed Notion/웹훅.md: ❕첫 학습날 "Invalid date" → 2024-10-01\nGave 1 notes their dates back from the Notion export.\n');
		expect(readFileSync(join(vault, 'Notion', '웹훅.md'), 'utf8')).toBe(SEED);
		expect(readFileSync(join(vault, 'Notion', '다른 노트.md'), 'utf8')).toBe(broken);
		expect(run('--repair').said).toContain('No note in');
	});
});
