/** Predicted recall: the forgetting curve of a note (FSRS through ts-fsrs, each review rated Good), its review points, and the recall the statistics average and rank. The feature's one door: other features import only what is named here. */
export { memoryStates, recallOn, RECALL_MODEL } from './recall-model';
export { CURVE_DAYS_AFTER, recallCurve, recallToday, reviewPoints, type CurveNote, type RecallCurve, type RecallSample, type ReviewPoint, type ReviewPointKind } from './recall-curve';
