import { describe, expect, it } from 'vitest';
import { countFacets, facetKey, filterFrom, noteMatcher, pickNotes, type ReviewFilter, sameFilter } from '../../../src/engine';

const NFC = '쿠버네티스';
const NFD = NFC.normalize('NFD');

const notes = [
	{ path: '공부/k8s/pods.md', subject: NFC, tags: ['#k8s/pods', 'Infra'] },
	{ path: '공부/k8s/services.md', subject: NFD, tags: ['k8s'] },
	{ path: '공부/kafka.md', subject: 'Kafka', tags: null },
	{ path: 'work/kafka-ops.md', subject: 'kafka ', tags: ['infra'] },
	{ path: 'top.md', subject: null, tags: [] },
];
const paths = (filter: ReviewFilter) => pickNotes(notes, filter).map((n) => n.path);

describe('the review filter', () => {
	it('takes NFC and NFD spellings, case and spaces of one subject as one', () => {
		expect(facetKey('subject', NFD)).toBe(facetKey('subject', NFC));
		expect(paths([{ kind: 'subject', value: NFD }])).toEqual(['공부/k8s/pods.md', '공부/k8s/services.md']);
		expect(paths([{ kind: 'subject', value: 'KAFKA' }])).toEqual(['공부/kafka.md', 'work/kafka-ops.md']);
	});

	it('picks a folder with its subfolders, but not a folder that only starts alike', () => {
		expect(paths([{ kind: 'folder', value: '공부' }])).toEqual(['공부/k8s/pods.md', '공부/k8s/services.md', '공부/kafka.md']);
		expect(paths([{ kind: 'folder', value: '공부/k8s/' }])).toEqual(['공부/k8s/pods.md', '공부/k8s/services.md']);
		expect(paths([{ kind: 'folder', value: '공부/k' }])).toEqual([]);
		expect(paths([{ kind: 'folder', value: '공부'.normalize('NFD') }])).toHaveLength(3);
	});

	it('picks a tag with its nested tags, with or without #, in any case', () => {
		expect(paths([{ kind: 'tag', value: '#k8s' }])).toEqual(['공부/k8s/pods.md', '공부/k8s/services.md']);
		expect(paths([{ kind: 'tag', value: 'k8s/pods' }])).toEqual(['공부/k8s/pods.md']);
		expect(paths([{ kind: 'tag', value: 'INFRA' }])).toEqual(['공부/k8s/pods.md', 'work/kafka-ops.md']);
	});

	it('ORs the values of one kind and ANDs the kinds', () => {
		expect(paths([{ kind: 'subject', value: 'kafka' }, { kind: 'subject', value: NFC }])).toHaveLength(4);
		expect(paths([{ kind: 'subject', value: 'kafka' }, { kind: 'folder', value: 'work' }])).toEqual(['work/kafka-ops.md']);
		expect(paths([])).toHaveLength(5);
		expect(noteMatcher([])).toBeNull();
	});

	it('counts each subject, folder (with parents) and tag (with parents) once per note, due ones apart', () => {
		const facets = countFacets(notes.map((facets, i) => ({ facets, due: i % 2 === 0 })));
		const of = (kind: string) => facets.filter((f) => f.kind === kind).map((f) => `${f.value}:${f.notes}/${f.due}`);
		expect(of('subject')).toEqual(['Kafka:2/1', `${NFC}:2/1`]);
		expect(of('folder')).toEqual(['work:1/0', '공부:3/2', '공부/k8s:2/1']);
		expect(of('tag')).toEqual(['Infra:2/1', 'k8s:2/1', 'k8s/pods:1/1']);
	});

	it('keeps a stored filter only when it is well formed', () => {
		expect(filterFrom([{ kind: 'subject', value: NFC }])).toEqual([{ kind: 'subject', value: NFC }]);
		expect(filterFrom([{ kind: 'colour', value: 'red' }])).toEqual([]);
		expect(filterFrom([{ kind: 'tag', value: '  ' }])).toEqual([]);
		expect(filterFrom('subject')).toEqual([]);
		expect(sameFilter([{ kind: 'subject', value: NFD }], [{ kind: 'subject', value: NFC }])).toBe(true);
		expect(sameFilter([{ kind: 'subject', value: 'a' }], [{ kind: 'tag', value: 'a' }])).toBe(false);
	});
});
