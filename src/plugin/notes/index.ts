/** A note from event to write: what counts as a review note, recompute on open and save, the editing guard, quiet editor writes, recompute all. The feature's one door: other features import only what is named here. */
export { registerAutoRecompute } from './auto-recompute';
export { createPluginContext, type PluginContext } from './plugin-context';
export type { NoteWriter } from './note-writer';
export { recomputeAll } from './recompute-all';
