/** The due list: the index kept current, the side view, its model and rendering, the status bar. The feature's one door: other features import only what is named here. */
export { registerDueFeatures } from './due-features';
export { forecastStrip } from './due-list-render';
export { forecastDays, type ForecastDay } from './due-model';
export { DueService } from './due-service';
