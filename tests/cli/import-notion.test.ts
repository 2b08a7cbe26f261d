import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot } from '../support/folder-snapshot';
import { notionImporter } from './capture';
import { notionExport, seedBody, seedProperties, writeExport } from '../support/notion-export';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'seed-note.md'), 'utf8');
const frontmatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0];

/** An unzipped export made from the seed (and a row whose first-study date is no date), an empty vault folder, the ko-template settings. */
function setUp() {
	const root = mkdtempSync(join(tmpdir(), 'fc-notion-'));
	const good = seedProperties(SEED, 'October 1, 2024');
	writeExport(
		join(root, 'export'),
		notionExport([
			{ title: '웹훅', properties: good, body: seedBody('웹훅') },
			{ title: 'Argo CD 복습', properties: seedProperties(SEED, '@2024년 10월 5일') },
			{ title: '깨진 행', properties: good.map(([k, v]): [string, string] => [k, k === '❕첫 학습날' ? '언젠가' : v]) },
		]),
	);
	return notionImporter(root, 'export');
}


describe('import-notion', () => {
	it("writes the seed's page as a review note with the seed's frontmatter, copies its image beside it, and names the malformed row", () => {
		const { vault, run } = setUp();
		const first = run();
		expect(first.code).toBe(1);
		expect(first.said).toContain('깨진 행: skipped, "언젠가" in ❕첫 학습날 is not a date');
		expect(first.said).toContain('Imported 2 notes from Notion and copied 1 of their files; 0 already there, 1 skipped.');
		const note = readFileSync(join(vault, '웹훅.md'), 'utf8');
		expect(frontmatter(note)).toBe(frontmatter(SEED));
		// The image link as Notion wrote it resolves from the note's folder.
		const link = /\]\(([^)]+image%2034\.png)\)/.exec(note)?.[1] ?? '';
		expect(statSync(join(vault, decodeURIComponent(link))).size).toBe(8);
		expect(readFileSync(join(vault, 'Argo CD 복습.md'), 'utf8')).toMatch(/^---\n❕첫 학습날: 2024-10-05\n/);
		expect(readdirSync(vault).sort()).toEqual(['Argo CD 복습.md', expect.stringMatching(/^웹훅 [0-9a-f]{32}$/) as string, '웹훅.md']);
	});

	it('changes nothing on a second run, and says the notes are already there', () => {
		const { vault, run } = setUp();
		run();
		const before = folderSnapshot(vault);
		const second = run();
		expect(folderSnapshot(vault)).toEqual(before);
		expect(second.said).toContain('웹훅.md: already there, left as it is');
		expect(second.said).toContain('Imported 0 notes from Notion and copied 0 of their files; 2 already there, 1 skipped.');
	});

	it('never overwrites a note the learner already has', () => {
		const { vault, run } = setUp();
		run('--dry-run');
		expect(() => readdirSync(vault)).toThrow();
		const mine = '---\n❕첫 학습날: 2024-01-01\n---\nmy own note\n';
		writeExport(vault, new Map([['웹훅.md', mine]]));
		run();
		expect(readFileSync(join(vault, '웹훅.md'), 'utf8')).toBe(mine);
	});

	it('lists what it would write with --dry-run, and writes nothing', () => {
		const { vault, run } = setUp();
		const dry = run('--dry-run');
		expect(dry.said).toContain('Would write 2 notes:\n  Argo CD 복습.md\n  웹훅.md\n');
		expect(dry.said).toContain('깨진 행: skipped');
		expect(() => readdirSync(vault)).toThrow();
	});
});
