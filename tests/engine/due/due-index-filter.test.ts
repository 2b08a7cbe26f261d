import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueIndex, indexSnoozes, noteMatcher, type ReviewFilter } from '../../../src/engine';
import { configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'en' });
const NFC = '쿠버네티스';
const TODAY = new Date(2024, 9, 27);

/** A due note (first studied yesterday: its 1-day review is today) or one due later. */
const note = (subject: string | null, extra: Record<string, unknown> = {}, first = '2024-10-26') => ({ 'first study': first, subject, ...extra });

function vault(): DueIndex {
	const index = new DueIndex(CONFIG);
	index.build([
		['k8s/pods.md', note(NFC, { tags: ['k8s/pods'] })],
		['k8s/svc.md', note(NFC.normalize('NFD'))],
		['kafka.md', note('Kafka', {}, '2024-10-20'), ['#infra']],
		['later.md', note('Kafka', {}, '2024-10-27')],
		['none.md', note(null)],
	]);
	return index;
}

const due = (index: DueIndex, filter: ReviewFilter) => {
	const snapshot = index.snapshot(TODAY, { filter });
	return [...snapshot.overdue, ...snapshot.dueToday, ...snapshot.upcoming].map((n) => n.path);
};

describe('the due index with a filter', () => {
	it('draws only the picked notes, in its sections, counts and forecast', () => {
		const index = vault();
		const snapshot = index.snapshot(TODAY, { filter: [{ kind: 'subject', value: NFC }] });
		expect(snapshot.dueToday.map((n) => n.path)).toEqual(['k8s/pods.md', 'k8s/svc.md']);
		expect(snapshot.counts).toEqual({ overdue: 0, dueToday: 2, upcoming: 0 });
		expect(snapshot.forecast[0]).toBe(2);
		expect(due(index, [{ kind: 'subject', value: 'kafka' }])).toEqual(['kafka.md', 'later.md']);
		expect(due(index, [{ kind: 'tag', value: 'infra' }])).toEqual(['kafka.md']);
		expect(due(index, [{ kind: 'tag', value: 'k8s' }])).toEqual(['k8s/pods.md']);
		expect(due(index, [{ kind: 'folder', value: 'k8s' }])).toEqual(['k8s/pods.md', 'k8s/svc.md']);
		expect(due(index, [{ kind: 'subject', value: 'Go' }])).toEqual([]);
	});

	it('counts the choices, with the reviews due now (snoozed ones not)', () => {
		const index = vault();
		index.setSnoozes(indexSnoozes({ 'k8s/svc.md': { stage: '1', until: '2024-10-29' } }, CONFIG.stages));
		const facets = index.facets(TODAY).map((f) => `${f.kind}:${f.value}:${f.notes}/${f.due}`);
		expect(facets).toEqual(['subject:Kafka:2/1', `subject:${NFC}:2/1`, 'folder:k8s:2/1', 'tag:infra:1/1', 'tag:k8s:1/1', 'tag:k8s/pods:1/1']);
	});

	it('follows a note whose tags change', () => {
		const index = vault();
		index.prepareForUpdates();
		expect(index.update('none.md', note(null, { tags: 'k8s' }))).toBe(true);
		expect(due(index, [{ kind: 'tag', value: 'k8s' }])).toEqual(['k8s/pods.md', 'none.md']);
		// The same tag, now written in the body (Obsidian's cache hands it in): still picked.
		index.update('none.md', note(null), ['#k8s']);
		expect(due(index, [{ kind: 'tag', value: 'k8s' }])).toEqual(['k8s/pods.md', 'none.md']);
		expect(index.update('none.md', note(null))).toBe(true);
		expect(due(index, [{ kind: 'tag', value: 'k8s' }])).toEqual(['k8s/pods.md']);
	});

	it('picks what the filter picks from the full list, for any filter', () => {
		const subjects = ['Kafka', 'kafka', NFC, NFC.normalize('NFD'), null];
		fc.assert(
			fc.property(
				fc.array(fc.record({ folder: fc.constantFrom('', 'a/', 'a/b/', 'ab/'), subject: fc.constantFrom(...subjects), tag: fc.constantFrom(null, 'x', 'x/y', 'X') }), { maxLength: 30 }),
				fc.array(fc.record({ kind: fc.constantFrom('subject' as const, 'folder' as const, 'tag' as const), value: fc.constantFrom('kafka', NFC, 'a', 'a/b', 'x', 'x/y') }), { maxLength: 3 }),
				(rows, filter) => {
					const index = new DueIndex(CONFIG);
					const entries = rows.map((row, i) => [`${row.folder}n${i}.md`, note(row.subject, row.tag ? { tags: [row.tag] } : {})] as const);
					index.build(entries);
					const matcher = noteMatcher(filter);
					const expected = entries
						.filter(([path, fm]) => !matcher || matcher({ path, subject: fm.subject, tags: (fm as { tags?: string[] }).tags ?? null }))
						.map(([path]) => path)
						.sort();
					expect(due(index, filter).sort()).toEqual(expected);
				},
			),
		);
	});
});
