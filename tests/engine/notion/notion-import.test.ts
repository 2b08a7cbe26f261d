import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockAt, type ExportFile, planNotionImport, readNotionCheckbox, readNotionCsv, readNotionDate, readNotionPage } from '../../../src/engine';
import { notionExport, seedBody, seedProperties } from '../../support/notion-export';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'ko-template', rateFormula: 'template' });
const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-note.md'), 'utf8');
/** The seed was computed on 2024-10-27 at 14:00 (its 오늘1 says so). */
const SEED_CLOCK = clockAt(at(2024, 10, 27, 14));
const frontmatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0];

function files(map: Map<string, string | Uint8Array>): ExportFile[] {
	return [...map].map(([path, content]) => (typeof content === 'string' ? { path, text: content } : { path }));
}

describe('Notion values', () => {
	it.each([
		['October 1, 2024', { date: '2024-10-01' }],
		['@October 1, 2024', { date: '2024-10-01' }],
		['October 27, 2024 2:00 PM', { date: '2024-10-27', time: '14:00' }],
		['May 10, 2024 → May 26, 2024', { date: '2024-05-10' }],
		['2024/10/01', { date: '2024-10-01' }],
		['2024-10-01', { date: '2024-10-01' }],
		['@2024년 10월 5일', { date: '2024-10-05' }],
		['2024년 10월 1일', { date: '2024-10-01' }],
		['2024년 10월 27일 오후 2:00', { date: '2024-10-27', time: '14:00' }],
		['2024년 10월 27일 오전 12:30', { date: '2024-10-27', time: '00:30' }],
	])('reads %s as a date', (text, expected) => {
		expect(readNotionDate(text)).toEqual(expected);
	});

	it.each(['someday', 'February 30, 2024', '2024/13/01', 'Octember 1, 2024', '2024년 10월', 'October 1, 2024 25:00', '26'])('does not read %s as a date', (text) => {
		expect(readNotionDate(text)).toBeNull();
	});

	it('reads checkboxes as Yes / No only', () => {
		expect([readNotionCheckbox('Yes'), readNotionCheckbox('No'), readNotionCheckbox('yes'), readNotionCheckbox('✓')]).toEqual([true, false, null, null]);
	});

	it("reads a page's property lines (split at the first ': ') and a CSV with a BOM, CRLF and quotes", () => {
		const page = readNotionPage('# 웹훅\n\n🛑첫날: ✍첫날 : 2024/10/01\n❤1일복습여부: Yes\n\nbody: not a property');
		expect(page).toEqual({ title: '웹훅', properties: [['🛑첫날', '✍첫날 : 2024/10/01'], ['❤1일복습여부', 'Yes']], body: 'body: not a property' });
		expect(readNotionPage('# Plain\n\nJust a paragraph.\nSecond line').properties).toEqual([]);
		expect(readNotionCsv('\uFEFFName,Tags\r\n"a, b","say ""hi"""\r\nc,')).toEqual({ header: ['Name', 'Tags'], rows: [['a, b', 'say "hi"'], ['c', '']] });
	});
});

describe('planning an import', () => {
	it("makes the seed's page into a note whose frontmatter is the seed's, byte for byte, for the seed's inputs", () => {
		const exported = notionExport([{ title: '웹훅', properties: seedProperties(SEED, 'October 1, 2024'), body: seedBody('웹훅') }]);
		const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
		expect(plan.skipped).toEqual([]);
		expect(plan.notes.map((n) => n.path)).toEqual(['웹훅.md']);
		const [note] = plan.notes;
		expect(frontmatter(note?.text ?? '')).toBe(frontmatter(SEED));
		// The body as Notion wrote it; the image's folder is copied beside the note under Notion's name, so the link works.
		expect(note?.text.endsWith(`${seedBody('웹훅')}\n`)).toBe(true);
		expect(plan.copies).toEqual([{ from: expect.stringMatching(/복습 노트 [0-9a-f]{32}\/웹훅 [0-9a-f]{32}\/image 34\.png$/) as string, to: expect.stringMatching(/^웹훅 [0-9a-f]{32}\/image 34\.png$/) as string }]);
		expect(note?.text).toContain(`](${plan.copies[0]?.to.split('/')[0]?.replace(/ /g, '%20')}/image%2034.png)`);
	});

	it('reads the first-study date in each of the forms a workspace writes, and drops the formula columns', () => {
		const forms = ['October 1, 2024', '2024/10/01', '@2024년 10월 1일', '2024년 10월 1일'];
		const exported = notionExport(forms.map((form, i) => ({ title: `Form ${i}`, properties: seedProperties(SEED, form) })));
		const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
		expect(plan.notes.map((n) => frontmatter(n.text))).toEqual(forms.map(() => frontmatter(SEED)));
	});

	it('reports a malformed row by its name and skips it, importing the others', () => {
		const good = seedProperties(SEED, 'October 1, 2024');
		const exported = notionExport([
			{ title: '웹훅', properties: good },
			{ title: 'Broken date', properties: good.map(([k, v]): [string, string] => [k, k === '❕첫 학습날' ? 'someday' : v]) },
			{ title: 'Broken box', properties: good.map(([k, v]): [string, string] => [k, k === '🧡4일복습여부' ? 'Maybe' : v]) },
			{ title: 'No date', properties: good.filter(([k]) => k !== '❕첫 학습날') },
		]);
		const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
		expect(plan.notes.map((n) => n.path)).toEqual(['웹훅.md']);
		expect(plan.skipped).toEqual([
			{ name: 'Broken box', code: 'bad-checkbox', key: '🧡4일복습여부', value: 'Maybe' },
			{ name: 'Broken date', code: 'bad-date', key: '❕첫 학습날', value: 'someday' },
			{ name: 'No date', code: 'no-first-study', key: '❕첫 학습날' },
		]);
	});

	it("keeps the learner's own properties, dates as dates, and gives same-titled pages distinct names", () => {
		const props: [string, string][] = [
			['❕첫 학습날', 'October 1, 2024'],
			['❤1일복습여부', 'No'],
			['마감', 'October 27, 2024 2:00 PM'],
			['태그', 'a, b'],
			['점수', '42'],
		];
		const plan = planNotionImport(files(notionExport([{ title: 'Same: title?', properties: props }, { title: 'Same: title?', properties: props }])), CONFIG, SEED_CLOCK);
		expect(plan.notes.map((n) => n.path)).toEqual([expect.stringMatching(/^Same title [0-9a-f]{8}\.md$/), expect.stringMatching(/^Same title [0-9a-f]{8}\.md$/)]);
		expect(new Set(plan.notes.map((n) => n.path)).size).toBe(2);
		expect(plan.notes[0]?.text).toMatch(/^---\n❕첫 학습날: 2024-10-01\n❤1일복습여부: false\n마감: 2024-10-27T14:00\n태그: a, b\n점수: 42\n/);
		const odd = planNotionImport(files(notionExport([{ title: '.hidden', properties: props }, { title: '???', properties: props }])), CONFIG, SEED_CLOCK);
		expect(odd.notes.map((n) => n.path)).toEqual(['hidden.md']);
		expect(odd.skipped).toEqual([{ name: expect.stringMatching(/^\?\?\? [0-9a-f]{32}\.md$/) as string, code: 'no-title' }]);
	});

	it('imports rows that only the database CSV holds, with the CSV read as Notion writes it (BOM, CRLF, quotes)', () => {
		const props = seedProperties(SEED, 'October 1, 2024');
		const exported = notionExport([
			{ title: '웹훅', properties: props },
			{ title: 'Only in CSV', properties: props },
			{ title: 'Only in CSV', properties: props.map(([k, v]): [string, string] => [k, k === '❕과목' ? 'Helm, Kustomize' : v]) },
		]);
		// Keep the CSV and the seed's page; the two other rows lose their pages.
		const kept = files(exported).filter((file) => file.path.endsWith('.csv') || file.path.includes('/웹훅 '));
		const plan = planNotionImport(kept, CONFIG, SEED_CLOCK);
		expect(plan.notes.map((n) => n.path)).toEqual(['Only in CSV (1).md', 'Only in CSV (2).md', '웹훅.md']);
		expect(plan.notes.map((n) => frontmatter(n.text)?.includes('❕과목: Helm, Kustomize'))).toEqual([false, true, false]);
		// The CSV's column order puts the properties in the seed's order too.
		expect(frontmatter(plan.notes[0]?.text ?? '')).toBe(frontmatter(SEED));
		expect(planNotionImport(kept, CONFIG, SEED_CLOCK)).toEqual(plan);
	});
});
