/** Marking a review done, snoozing, undo, and the command table. The feature's one door: other features import only what is named here. */
export { registerCommands } from './commands';
export { ReviewActions, type ReviewListener } from './review-actions';
