/** The review filter's controls: the picker the due list and the statistics share, its words, the "Review only…" chooser. */
export { FilterPicker, type FilterChoices } from './filter-picker';
export { filterLabel, kindHeading, termLabel } from './filter-words';
export { ReviewByModal } from './review-by-modal';
