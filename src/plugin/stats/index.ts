/** The statistics view: its model and rendering. The feature's one door: other features import only what is named here. */
export { STATS_VIEW_TYPE, StatsView } from './stats-view';
