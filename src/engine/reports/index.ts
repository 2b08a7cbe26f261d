/** What the command lines print: the due report, a vault's statistics and its predicted recall, for our CLI and Obsidian's. The feature's one door: other features import only what is named here. */
export { dueReport, type DueEntry, type DueReport, type ReportNote } from './due-report';
export { AT_RISK_LISTED, entriesByPath, noteRecall, recallOfSchedules, recallReport, type NoteRecall, type RecallReport } from './recall-report';
export { vaultStatistics } from './vault-statistics';
