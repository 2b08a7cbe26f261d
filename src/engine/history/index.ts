/** What the learner did: journal lines, the journals read back and the statistics. The feature's one door: other features import only what is named here. */
export { REVIEW_ACTIONS, historyLine, instantOf, localTimestamp, parseJournal, readEntryLine, type HistoryEntry, type ParsedJournal, type RenameEntry, type ReviewAction, type ReviewEntry } from './history';
export { Journals, journalsFromEntries, readJournals } from './journal';
export { timeline } from './journal-counts';
export { FINISHED, countedReviews, journalStats, reviewStats, stageCounts, statisticsReport, type CountedReview, type ReviewStats, type StatisticsReport } from './review-stats';
