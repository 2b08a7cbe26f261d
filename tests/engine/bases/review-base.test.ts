import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_FORMULA, clockAt, openReviewNote, reviewBaseText, scheduleFor, toIsoDate, type ReviewScope } from '../../../src/engine';
import { evaluate, type FileContext, passes } from '../../support/bases-formula';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'ko-template' });
const NAMES = { table: '복습 노트', schedule: '복습 일정', nextReview: '다음 복습', daysSince: '첫 학습 후 며칠' };
const ALL: ReviewScope = { includeFolders: [], excludeFolders: [], tag: '' };
const TODAY = at(2024, 10, 10, 9);
const VAULT = join(__dirname, '..', '..', 'fixtures', 'e2e-vault');

/** A note as Bases sees it: its properties as Obsidian's metadata cache parses them (YAML), its path and tags. */
function fileOf(path: string, text: string): FileContext {
	const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
	const properties = (parse(block) ?? {}) as Record<string, unknown>;
	const tags = Array.isArray(properties.tags) ? properties.tags.map(String) : [];
	return { path, properties, tags };
}

const base = (scope: ReviewScope = ALL) => parse(reviewBaseText(CONFIG, scope, NAMES, 'forgetting-curve-schedule')) as Record<string, unknown> & {
	filters: unknown;
	formulas: Record<string, string>;
	properties: Record<string, { displayName: string }>;
	views: { type: string; name: string; order?: string[]; sort?: { property: string; direction: string }[] }[];
};

describe('the review base', () => {
	it("holds only Bases' top-level keys, views with a type and a name, and columns that exist", () => {
		const file = base();
		expect(Object.keys(file).every((key) => ['filters', 'formulas', 'properties', 'summaries', 'views'].includes(key))).toBe(true);
		expect(file.views.map((view) => [view.type, view.name])).toEqual([
			['table', '복습 노트'],
			['forgetting-curve-schedule', '복습 일정'],
		]);
		const [table] = file.views;
		expect(table?.order).toEqual([
			'file.name',
			'note.❕과목',
			'note.❕첫 학습날',
			'note.❤1일복습여부',
			'note.🧡4일복습여부',
			'note.💛7일복습여부',
			'note.💚14일복습여부',
			'note.🧠장기기억',
			'formula.next_review',
			'note.진행바',
			'formula.days_since_first_study',
		]);
		for (const id of [...(table?.order ?? []), ...(table?.sort ?? []).map((s) => s.property), ...Object.keys(file.properties)]) {
			expect(id).toMatch(/^(file|note|formula)\./);
			if (id.startsWith('formula.')) expect(file.formulas[id.slice('formula.'.length)]).toBeTypeOf('string');
		}
		expect(table?.sort).toEqual([{ property: 'formula.next_review', direction: 'ASC' }]);
		expect(file.properties['formula.next_review']).toEqual({ displayName: '다음 복습' });
		// Functions removed from Bases in 1.9.2 would show errors in today's Obsidian.
		expect(JSON.stringify(file)).not.toMatch(/dateModify|dateDiff|taggedWith/);
	});

	it("gives each of the 30 fixture notes the engine's next review date and day count", () => {
		const { formulas } = base();
		const names = readdirSync(VAULT);
		expect(names).toHaveLength(30);
		const dates = new Set<string>();
		for (const name of names) {
			const text = readFileSync(join(VAULT, name), 'utf8');
			const opened = openReviewNote(text, CONFIG);
			if (opened.kind !== 'ok') throw new Error(`${name} is not a review note`);
			const schedule = scheduleFor(opened.inputs, CONFIG, clockAt(TODAY));
			const file = fileOf(`Reviews/${name}`, text);
			const next = evaluate(formulas[BASE_FORMULA.nextReview] ?? '', file, TODAY, formulas);
			const engine = schedule.current ? toIsoDate(schedule.current.due) : null;
			expect(next instanceof Date ? toIsoDate(next) : next, name).toBe(engine);
			expect(evaluate(formulas[BASE_FORMULA.daysSince] ?? '', file, TODAY, formulas), name).toBe(schedule.dayCount);
			dates.add(String(engine));
		}
		// The fixture notes are at different stages: the check covers more than one branch of the formula.
		expect(dates.size).toBeGreaterThan(5);
	});

	it('follows every stage: each checkbox ticked in turn moves the next review to the next stage, then to none', () => {
		const { formulas } = base();
		const boxes = CONFIG.stages.map((stage) => CONFIG.checkboxKeys.get(stage.id) ?? '');
		const seen: (string | null)[] = [];
		for (let done = 0; done <= boxes.length; done++) {
			const properties: Record<string, unknown> = { '❕첫 학습날': '2024-10-01' };
			boxes.forEach((key, i) => (properties[key] = i < done));
			const next = evaluate(formulas[BASE_FORMULA.nextReview] ?? '', { path: 'a.md', properties, tags: [] }, TODAY);
			seen.push(next instanceof Date ? toIsoDate(next) : null);
		}
		expect(seen).toEqual([...CONFIG.stages.map((stage) => toIsoDate(new Date(2024, 9, 1 + stage.days))), null]);
	});

	it("filters to the settings' review notes: the first-study key, the folders and the tag", () => {
		const scope: ReviewScope = { includeFolders: ['Reviews', 'Study/Old'], excludeFolders: ['Reviews/Archive'], tag: 'review' };
		const { filters } = base(scope);
		const note = (path: string, properties: Record<string, unknown>, tags: string[] = ['review']) => passes(filters, { path, properties, tags }, TODAY);
		const first = { '❕첫 학습날': '2024-10-01' };
		expect(note('Reviews/a.md', first)).toBe(true);
		expect(note('Study/Old/b.md', first, ['review/devops'])).toBe(true);
		expect(note('Reviews/a.md', { title: 'x' })).toBe(false);
		expect(note('Inbox/c.md', first)).toBe(false);
		expect(note('Reviews/Archive/d.md', first)).toBe(false);
		expect(note('Reviews/e.md', first, ['other'])).toBe(false);
		expect(passes(base().filters, { path: 'anywhere.md', properties: first, tags: [] }, TODAY)).toBe(true);
	});
});
