/** The due list: the index kept current, the side view, its model and rendering, the status bar. The feature's one door: other features import only what is named here. */
export { registerDueFeatures } from './due-features';
export { DueListRenderer, forecastStrip, MORE_STEP } from './due-list-render';
export { buildDueModel, forecastDays, type DueModel, type ForecastDay, type SectionId } from './due-model';
export { DueService } from './due-service';
export { firstShown, type DueViewHost } from './due-view';
