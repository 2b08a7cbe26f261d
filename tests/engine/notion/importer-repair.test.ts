import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockAt, type ExportFile, planImporterRepair } from '../../../src/engine';
import { seedProperties } from '../../support/notion-export';
import { notionHtmlExport } from '../../support/notion-html-export';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'ko-template', rateFormula: 'template' });
const SEED = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-note.md'), 'utf8');
const SEED_CLOCK = clockAt(at(2024, 10, 27, 14));
const files = (map: Map<string, string | Uint8Array>): ExportFile[] => [...map].map(([path, content]) => (typeof content === 'string' ? { path, text: content } : { path, bytes: content }));
/** The seed's page in a Korean workspace's HTML export, with a date property of the learner's own. */
const EXPORT = files(notionHtmlExport([{ title: '웹훅', properties: [...seedProperties(SEED, '@2024년 10월 1일'), ['시험일', '@2024년 11월 3일 오후 2:00']], types: { '❕첫 학습날': 'date', 시험일: 'date' } }, { title: '쌍둥이', properties: seedProperties(SEED, '@2024년 10월 2일') }, { title: '쌍둥이', properties: seedProperties(SEED, '@2024년 10월 3일') }]));

/** The note as Obsidian's Importer wrote it: the seed, its Korean dates gone ("Invalid date", or nothing). */
const broken = (first: string, extra = '') => SEED.replace('❕첫 학습날: 2024-10-01\n', `❕첫 학습날: ${first}\n${extra}`);

describe('repairing what Obsidian Importer wrote', () => {
	it('gives an "Invalid date" its real date back, and the note is the seed again byte for byte', () => {
		const plan = planImporterRepair(EXPORT, [{ path: 'Notion/웹훅.md', text: broken('Invalid date') }], CONFIG, SEED_CLOCK);
		expect(plan.skipped).toEqual([]);
		expect(plan.notes.map((n) => [n.path, n.fixes])).toEqual([['Notion/웹훅.md', [{ key: '❕첫 학습날', was: 'Invalid date', value: '2024-10-01' }]]]);
		expect(plan.notes[0]?.text).toBe(SEED);
	});

	it('fills an empty date and a date of the learner\'s own (with its time), touching no other byte', () => {
		const note = broken('', '시험일: Invalid date\n');
		const plan = planImporterRepair(EXPORT, [{ path: '웹훅.md', text: note }], CONFIG, SEED_CLOCK);
		expect(plan.notes[0]?.fixes).toEqual([
			{ key: '❕첫 학습날', was: '', value: '2024-10-01' },
			{ key: '시험일', was: 'Invalid date', value: '2024-11-03T14:00' },
		]);
		expect(plan.notes[0]?.text).toBe(SEED.replace('❕첫 학습날: 2024-10-01\n', '❕첫 학습날: 2024-10-01\n시험일: 2024-11-03T14:00\n'));
	});

	it('matches by title, composed: an NFD file name is the page; leaves alone notes with good dates, other titles, and a title two pages share', () => {
		const plan = planImporterRepair(
			EXPORT,
			[
				{ path: '웹훅.md'.normalize('NFD'), text: broken('Invalid date') },
				{ path: '다른 노트.md', text: broken('Invalid date') },
				{ path: '웹훅 2.md', text: SEED },
				{ path: '쌍둥이.md', text: broken('Invalid date') },
			],
			CONFIG,
			SEED_CLOCK,
		);
		expect(plan.notes.map((n) => n.path)).toEqual(['웹훅.md'.normalize('NFD')]);
		expect(plan.skipped).toEqual([{ path: '쌍둥이.md', code: 'ambiguous' }]);
	});
});
