/**
 * What a learner can pick reviews by: a subject value, a folder (with its subfolders) or a tag (with
 * its nested tags). Spellings of one value are one facet: NFC (macOS file names and some keyboards
 * give decomposed Hangul, so "쿠버네티스" can arrive in two byte forms), trimmed, and subjects and tags
 * without case, as Obsidian compares tags. Folders keep their case: they are paths.
 */
export type FacetKind = 'subject' | 'folder' | 'tag';

/** The kinds in the order lists show them. */
export const FACET_KINDS: readonly FacetKind[] = ['subject', 'folder', 'tag'];

/** One value to filter by, as the learner picked or typed it. */
export interface FilterTerm {
	kind: FacetKind;
	value: string;
}

/** Terms of one kind are alternatives; kinds together must all hold. No terms: every note. */
export type ReviewFilter = readonly FilterTerm[];

/** What a note is filtered on: its path, its subject value, its tags as written (with or without '#'). */
export interface NoteFacets {
	path: string;
	subject: string | null;
	tags?: readonly string[] | null | undefined;
}

/** The one form every spelling of a value shares. */
export function facetKey(kind: FacetKind, value: string): string {
	const nfc = value.normalize('NFC').trim();
	if (kind === 'folder') return nfc.replace(/^\/+|\/+$/g, '');
	if (kind === 'tag') return nfc.replace(/^#/, '').toLowerCase();
	return nfc.toLowerCase();
}

/** A subject key's value as a subject: text (or a number, e.g. a course code), blank is none. */
export function subjectText(raw: unknown): string | null {
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
}

/** Whether a counted value is the one a term names (any spelling of it). */
export function isFacetOf(facet: { kind: FacetKind; value: string }, term: FilterTerm): boolean {
	return facet.kind === term.kind && facetKey(facet.kind, facet.value) === facetKey(term.kind, term.value);
}

/** The folder a note is in ('' at the vault's top). */
export function folderOf(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash);
}

/** `a/b/c` → `a`, `a/b`, `a/b/c`: a folder's or a nested tag's own key and its parents'. */
export function withParents(key: string): string[] {
	const parts = key.split('/');
	return parts.map((_, i) => parts.slice(0, i + 1).join('/')).filter((k) => k !== '');
}

/** Whether `key` is `wanted` or below it (a subfolder, a nested tag). */
function isWithin(key: string, wanted: string): boolean {
	return key === wanted || (key.startsWith(wanted) && key.charCodeAt(wanted.length) === 47 /* '/' */);
}

/** A filter as one string, the same for every spelling and order of its terms: two filters are the same when their keys are. */
export function filterKey(filter: ReviewFilter): string {
	return filter.map((t) => `${t.kind}:${facetKey(t.kind, t.value)}`).sort().join('\n');
}

/** Whether two filters pick the same notes' terms (same keys, any order). */
export function sameFilter(a: ReviewFilter, b: ReviewFilter): boolean {
	return filterKey(a) === filterKey(b);
}

/**
 * A filter made ready to test many notes: its keys worked out once, and each note's spellings
 * normalised once per distinct spelling (a vault has few subjects and tags, and many notes).
 */
export type NoteMatcher = (note: NoteFacets) => boolean;

export function noteMatcher(filter: ReviewFilter): NoteMatcher | null {
	if (filter.length === 0) return null;
	const wanted = new Map<FacetKind, string[]>();
	for (const term of filter) wanted.set(term.kind, [...(wanted.get(term.kind) ?? []), facetKey(term.kind, term.value)]);
	const subjects = wanted.get('subject');
	const folders = wanted.get('folder');
	const tags = wanted.get('tag');
	const subjectKeys = new Map<string, string>();
	const folderKeys = new Map<string, string>();
	const tagKeys = new Map<string, string>();
	const keyOf = (cache: Map<string, string>, kind: FacetKind, value: string) => {
		let key = cache.get(value);
		if (key === undefined) cache.set(value, (key = facetKey(kind, value)));
		return key;
	};
	return (note) => {
		if (subjects && (note.subject === null || !subjects.includes(keyOf(subjectKeys, 'subject', note.subject)))) return false;
		if (folders) {
			const folder = keyOf(folderKeys, 'folder', folderOf(note.path));
			if (!folders.some((f) => isWithin(folder, f))) return false;
		}
		if (tags) {
			const own = note.tags ?? [];
			if (!own.some((tag) => tags.some((t) => isWithin(keyOf(tagKeys, 'tag', tag), t)))) return false;
		}
		return true;
	};
}

/** A value learners can pick, with how many notes have it and how many of those are due now. */
export interface FacetCount {
	kind: FacetKind;
	/** The value as first met among the notes (NFC), e.g. "쿠버네티스", "공부/k8s", "kafka". */
	value: string;
	notes: number;
	/** Reviews due today or overdue (not snoozed). */
	due: number;
}

/**
 * Every subject, folder and tag among the notes with its counts, each kind sorted by value. A folder
 * or a nested tag counts its children's notes too (picking it picks them); the vault's top is not a
 * folder to pick.
 */
export function countFacets(notes: Iterable<{ facets: NoteFacets; due: boolean }>): FacetCount[] {
	const counter = new FacetCounter();
	for (const { facets, due } of notes) counter.add(facets.path, facets.subject, facets.tags, due);
	return counter.counts();
}

/**
 * Counts facets note by note. A vault has many notes and few distinct subjects, folders and tags, so
 * each distinct spelling is worked out once (its key, its label, its parents) and a note costs a few
 * map lookups: the due list counts 10,000 notes whenever the index changes.
 */
export class FacetCounter {
	private readonly found: FacetCount[] = [];
	/** Per written subject: the count it adds to (subjects spelled alike share one). */
	private readonly subjects = new Map<string, FacetCount | null>();
	/** Per folder path as written: the counts of it and its parents. */
	private readonly folders = new Map<string, FacetCount[]>();
	/** Per tag as written: the counts of it and its parents, by key (a note's tags may share parents). */
	private readonly tags = new Map<string, [string, FacetCount][]>();
	private readonly byKey = new Map<string, FacetCount>();

	add(path: string, subject: string | null, tags: readonly string[] | null | undefined, due: boolean): void {
		if (subject !== null) {
			let facet = this.subjects.get(subject);
			if (facet === undefined) {
				const value = subject.normalize('NFC').trim();
				facet = value === '' ? null : this.facet('subject', facetKey('subject', subject), value);
				this.subjects.set(subject, facet);
			}
			if (facet) bump(facet, due);
		}
		const slash = path.lastIndexOf('/');
		if (slash > 0) {
			const folder = path.slice(0, slash);
			let facets = this.folders.get(folder);
			if (!facets) {
				facets = withParents(folder.normalize('NFC')).map((key) => this.facet('folder', key, key));
				this.folders.set(folder, facets);
			}
			for (const facet of facets) bump(facet, due);
		}
		if (tags && tags.length > 0) {
			// A tag and its parents count once per note, however many of its tags share them.
			const seen = tags.length === 1 ? null : new Set<FacetCount>();
			for (const tag of tags) {
				let facets = this.tags.get(tag);
				if (!facets) {
					const written = tag.normalize('NFC').trim().replace(/^#/, '');
					facets = withParents(written).map((part) => {
						const key = part.toLowerCase();
						return [key, this.facet('tag', key, part)] as [string, FacetCount];
					});
					this.tags.set(tag, facets);
				}
				for (const [, facet] of facets) {
					if (seen?.has(facet)) continue;
					seen?.add(facet);
					bump(facet, due);
				}
			}
		}
	}

	/** The counts, each kind sorted by value. */
	counts(): FacetCount[] {
		const order = (kind: FacetKind) => FACET_KINDS.indexOf(kind);
		return this.found.filter((f) => f.notes > 0).sort((a, b) => order(a.kind) - order(b.kind) || a.value.localeCompare(b.value));
	}

	private facet(kind: FacetKind, key: string, value: string): FacetCount {
		const id = `${kind}:${key}`;
		let facet = this.byKey.get(id);
		if (!facet) {
			facet = { kind, value, notes: 0, due: 0 };
			this.byKey.set(id, facet);
			this.found.push(facet);
		}
		return facet;
	}
}

function bump(facet: FacetCount, due: boolean): void {
	facet.notes++;
	if (due) facet.due++;
}

/** A remembered filter as stored (localStorage, settings): kept only when every term is well formed. */
export function filterFrom(stored: unknown): ReviewFilter {
	if (!Array.isArray(stored)) return [];
	const terms: FilterTerm[] = [];
	for (const item of stored as unknown[]) {
		const { kind, value } = (item ?? {}) as { kind?: unknown; value?: unknown };
		if (typeof value !== 'string' || !FACET_KINDS.includes(kind as FacetKind) || facetKey(kind as FacetKind, value) === '') return [];
		terms.push({ kind: kind as FacetKind, value });
	}
	return terms;
}

/** The notes a filter picks, in their order (every note for no filter). */
export function pickNotes<T extends { path: string; subject?: string | null; tags?: readonly string[] | null }>(notes: readonly T[], filter: ReviewFilter): T[] {
	const matcher = noteMatcher(filter);
	if (!matcher) return [...notes];
	return notes.filter((note) => matcher({ path: note.path, subject: note.subject ?? null, tags: note.tags ?? null }));
}
