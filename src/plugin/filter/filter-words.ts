import { FACET_KINDS, type FacetKind, type ReviewFilter } from '../../engine';
import { t } from '../../locale';

/** One value in words: a subject as written, "folder 공부/k8s", "#k8s". */
export function termLabel(kind: FacetKind, written: string): string {
	const value = written.normalize('NFC');
	if (kind === 'tag') return `#${value.replace(/^#/, '')}`;
	if (kind === 'folder') return t('filter.folder-name', { name: value });
	return value;
}

/** A filter in words, for the list's empty state, the session bar and notices: "쿠버네티스", "Kafka, #infra". */
export function filterLabel(filter: ReviewFilter): string {
	return FACET_KINDS.flatMap((kind) => filter.filter((term) => term.kind === kind).map((term) => termLabel(kind, term.value))).join(', ');
}

/** The group heading of a kind in the picker. */
export function kindHeading(kind: FacetKind): string {
	return t(kind === 'subject' ? 'filter.subjects' : kind === 'folder' ? 'filter.folders' : 'filter.tags');
}
