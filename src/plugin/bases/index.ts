/** Obsidian Bases: the "Review schedule" view type inside bases, and "Create a review base". The feature's one door: other features import only what is named here. */
export { registerBasesFeatures } from './bases-features';
