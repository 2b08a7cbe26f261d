/** Obsidian Bases: the review base's text (filters, formulas in Bases' language, views). The feature's one door: other features import only what is named here. */
export { BASE_FORMULA, daysSinceFormula, nextReviewFormula, reviewBaseText, type ReviewBaseNames, type ReviewScope } from './review-base';
