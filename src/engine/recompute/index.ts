/** A note's computed fields: reading the inputs, computing the values, the write plan, and the review actions (mark done, start). The feature's one door: other features import only what is named here. */
export { computedFieldUpdates, fieldUpdatesFor } from './computed-fields';
export { readInputs, type ReviewInputs } from './inputs';
export { openReviewNote, recompute, scheduleFor, writeUpdates, type OpenedNote, type RecomputeResult } from './recompute';
export { markCurrentStageDone, replacementEdit, setValues, startReviewing, type MarkResult, type SetResult, type StartResult } from './review-actions';
