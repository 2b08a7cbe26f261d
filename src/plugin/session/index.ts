/** The review session (bar and controller), the review journal and the snooze book. The feature's one door: other features import only what is named here. */
export { createStudyRecords, registerStudyFeatures, type StudyRecords } from './study-features';
