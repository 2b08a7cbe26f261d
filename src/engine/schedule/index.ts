/** When each review is due: calendar dates, day numbers, stages, the schedule, the done mask and the learning rate. The feature's one door: other features import only what is named here. */
export { ISO_DATE_FORMAT, LOCALES, clockAt, formatDate, parseCalendarDate, parseWithPattern, toIsoDate, type Clock } from './dates';
export { civilFromDays, dateOfDayNumber, dayNumberAt, dayNumberOf, daysFromCivil, fastDayNumber, isoOfDayNumber } from './day-numbers';
export { currentStageIndex, doneMaskOf, dueDayOf, isStageDone, rateFromMask } from './done-mask';
export { RATE_FORMULAS, learningRate, percentText, progressBar, rateText, type BarStyle, type RateFormula, type RateFormulaId } from './rate';
export { FORECAST_DAYS, REMINDER_DAYS, UPCOMING_DAYS, computeSchedule, daysUntilDue, dueBucket, type DueBucket, type Schedule, type StageStatus } from './schedule';
export { LONG_TERM, buildStages, stageJsonValue, type Stage, type StageId } from './stages';
export { grownCopy } from './typed-arrays';
