import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockAt, type ExportFile, planNotionImport, readNotionHtmlPage } from '../../../src/engine';
import { notionExport, seedBody, seedProperties } from '../../support/notion-export';
import { notionHtmlExport, seedBodyHtml } from '../../support/notion-html-export';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'ko-template', rateFormula: 'template' });
const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-note.md'), 'utf8');
const SEED_CLOCK = clockAt(at(2024, 10, 27, 14));
const files = (map: Map<string, string | Uint8Array>): ExportFile[] => [...map].map(([path, content]) => (typeof content === 'string' ? { path, text: content } : { path, bytes: content }));
const DATE = { '❕첫 학습날': 'date' } as const;

describe('the HTML export', () => {
	it('reads a page: the full title, the properties as the Markdown export writes them (empty ones left out), the body in Markdown', () => {
		const html = notionHtmlExport([
			{
				title: 'Argo CD',
				properties: [['❕첫 학습날', '@2024년 10월 1일'], ['❤1일복습여부', 'Yes'], ['🧡4일복습여부', 'No'], ['❕과목', 'DevOps'], ['태그', 'k8s, gitops'], ['상태', '진행 중'], ['메모', '']],
				types: { '❕첫 학습날': 'date', '❕과목': 'select', 태그: 'multi', 상태: 'status' },
				html: '<div style="display:contents"><h2>요약</h2></div><details><summary>토글</summary><p>안의 <strong>굵은</strong> 글</p></details><ol start="3" class="numbered-list"><li>셋</li></ol><ol start="4" class="numbered-list"><li>넷</li></ol><ul class="to-do-list"><li><div class="checkbox checkbox-on"></div> 했음</li></ul>',
			},
		]);
		const [path, text] = [...html].find(([p]) => p.endsWith('.html') && p.includes('Argo CD ')) ?? [];
		expect(path).toBeDefined();
		const page = readNotionHtmlPage(text as string);
		expect(page).toEqual({
			title: 'Argo CD',
			properties: [
				['❕첫 학습날', '@2024년 10월 1일'],
				['❤1일복습여부', 'Yes'],
				['🧡4일복습여부', 'No'],
				['❕과목', 'DevOps'],
				['태그', 'k8s, gitops'],
				['상태', '진행 중'],
			],
			body: ['## 요약', '', '- 토글', '', '    안의 **굵은** 글', '', '3. 셋', '', '4. 넷', '', '- [x] 했음'].join('\n'),
		});
		// The export's index is not a page.
		expect(readNotionHtmlPage([...html].find(([p]) => p.endsWith('index.html'))?.[1] as string)).toBeNull();
	});

	it('reads a relation as the Markdown export writes it, a date without @, a formula as its text, and an icon-less name', () => {
		const html = '<html><head><title>행</title></head><body><article class="page sans"><header><table class="properties"><tbody>' +
			'<tr class="property-row property-row-relation"><th>관련</th><td><a href="../DevOps%20' + '9'.repeat(32) + '.html">DevOps</a><a href="../CI%20CD%20' + '8'.repeat(32) + '.html">CI CD</a></td></tr>' +
			'<tr class="property-row property-row-date"><th><span class="icon"></span>❕첫 학습날</th><td><time>2024년 10월 27일 오후 2:00</time></td></tr>' +
			'<tr class="property-row property-row-formula"><th>🛑첫날</th><td>✍첫날 : 2024/10/01</td></tr>' +
			'</tbody></table></header><div class="page-body"></div></article></body></html>';
		expect(readNotionHtmlPage(html)?.properties).toEqual([
			['관련', `DevOps (../DevOps%20${'9'.repeat(32)}.md), CI CD (../CI%20CD%20${'8'.repeat(32)}.md)`],
			['❕첫 학습날', '2024년 10월 27일 오후 2:00'],
			['🛑첫날', '✍첫날 : 2024/10/01'],
		]);
	});

	it("imports the seed's row to the seed's frontmatter byte for byte, with the Markdown export's body, from any date form", () => {
		for (const form of ['@October 1, 2024', 'October 1, 2024', '@2024년 10월 1일', '2024/10/01']) {
			const exported = notionHtmlExport([{ title: '웹훅', properties: seedProperties(SEED, form), html: seedBodyHtml('웹훅'), types: DATE }]);
			const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
			expect([form, plan.skipped]).toEqual([form, []]);
			expect(plan.notes.map((n) => n.path)).toEqual(['웹훅.md']);
			const note = plan.notes[0]?.text ?? '';
			expect(/^---\n[\s\S]*?\n---\n/.exec(note)?.[0]).toBe(/^---\n[\s\S]*?\n---\n/.exec(SEED)?.[0]);
			expect(note.endsWith(`${seedBody('웹훅')}\n`)).toBe(true);
			expect(plan.copies).toEqual([{ from: expect.stringMatching(/웹훅 [0-9a-f]{32}\/image 34\.png$/) as string, to: expect.stringMatching(/^웹훅 [0-9a-f]{32}\/image 34\.png$/) as string }]);
		}
	});

	it('gives the same notes as the Markdown & CSV export of the same database', () => {
		const rows = [
			{ title: '웹훅', properties: seedProperties(SEED, 'October 1, 2024') },
			{ title: 'Kafka 파티션', properties: seedProperties(SEED, '2024년 10월 3일').map(([k, v]): [string, string] => [k, k === '❤1일복습여부' ? 'No' : v]) },
		];
		const fromMarkdown = planNotionImport(files(notionExport(rows)), CONFIG, SEED_CLOCK);
		const fromHtml = planNotionImport(files(notionHtmlExport(rows.map((row) => ({ ...row, types: DATE })))), CONFIG, SEED_CLOCK);
		expect(fromHtml.notes.map((n) => [n.path, n.text])).toEqual(fromMarkdown.notes.map((n) => [n.path, n.text]));
		expect(fromHtml.notes).toHaveLength(2);
	});

	it('writes composed (NFC) names for a page whose file name came decomposed, and names a row it cannot read', () => {
		const good = seedProperties(SEED, 'October 1, 2024');
		const exported = notionHtmlExport([
			{ title: '웹훅', properties: good, html: seedBodyHtml('웹훅'), nfdName: true, types: DATE },
			{ title: '깨진 날짜', properties: good.map(([k, v]): [string, string] => [k, k === '❕첫 학습날' ? '언젠가' : v]) },
		]);
		expect([...exported.keys()].some((p) => p !== p.normalize('NFC'))).toBe(true);
		const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
		expect(plan.notes.map((n) => n.path)).toEqual(['웹훅.md']);
		for (const path of [...plan.notes.map((n) => n.path), ...plan.copies.map((c) => c.to)]) expect(path).toBe(path.normalize('NFC'));
		// The body's link to the image names the folder as it is written: composed.
		expect(plan.notes[0]?.text).toContain(`](${plan.copies[0]?.to.split('/')[0]?.replace(/ /g, '%20')}/image%2034.png)`);
		expect(plan.skipped).toEqual([{ name: '깨진 날짜', code: 'bad-date', key: '❕첫 학습날', value: '언젠가' }]);
		expect(plan.notes.concat().every((n) => !n.path.startsWith('Export-'))).toBe(true);
	});

	it('turns a sub-page into a Markdown note beside its row, and the row links to it', () => {
		const exported = notionHtmlExport([{ title: '웹훅', properties: seedProperties(SEED, 'October 1, 2024'), types: DATE, html: `<figure class="link-to-page"><a href="%EC%9B%B9%ED%9B%85%20x/%ED%95%98%EC%9C%84%20y.html">하위</a></figure>` }]);
		const folder = [...exported.keys()].find((p) => p.endsWith('.html') && p.includes('/웹훅 '))!.replace(/\.html$/, '');
		exported.set(`${folder}/하위 ${'7'.repeat(32)}.html`, '<html><head><title>하위 페이지</title></head><body><article class="page sans"><div class="page-body"><p>안의 내용</p></div></article></body></html>');
		const plan = planNotionImport(files(exported), CONFIG, SEED_CLOCK);
		const sub = plan.copies.find((c) => c.to.endsWith('.md'));
		expect(sub).toEqual({ from: expect.stringMatching(/\.html$/) as string, to: `${folder.split('/').pop()}/하위 ${'7'.repeat(32)}.md`, text: '# 하위 페이지\n\n안의 내용\n' });
		expect(plan.notes[0]?.text).toContain('[하위](');
		expect(plan.notes[0]?.text).toContain('.md)');
	});
});
