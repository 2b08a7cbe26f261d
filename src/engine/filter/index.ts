/** Picking reviews by subject, folder or tag: one filter's rules for the due list, the session, the statistics and the CLI. */
export { countFacets, FACET_KINDS, FacetCounter, type FacetCount, type FacetKind, facetKey, filterFrom, filterKey, type FilterTerm, folderOf, isFacetOf, type NoteFacets, type NoteMatcher, noteMatcher, pickNotes, type ReviewFilter, sameFilter, subjectText, withParents } from './facets';
export { frontmatterTags, inlineTags } from './note-tags';
export { textFacets } from './text-facets';
