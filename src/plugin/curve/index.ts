/** A note's forgetting curve, in the right sidebar. The feature's one door: other features import only what is named here. */
export { CURVE_VIEW_TYPE, CurveView, type CurveViewHost } from './curve-view';
export { curveSummary, renderCurve } from './curve-render';
