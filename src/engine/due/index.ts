/** Which notes are due: the due index over the whole vault, snoozes and the review session's order. The feature's one door: other features import only what is named here. */
export { DueIndex } from './due-index';
export type { DueCounts, DueSnapshot, Frontmatter, IndexSnooze, IndexedNote, SnapshotOptions } from './due-types';
export { ReviewSession, type SessionOutcome, type SessionSummary } from './review-session';
export { indexSnoozes, liveSnoozes, type Snooze, type Snoozes } from './snoozes';
