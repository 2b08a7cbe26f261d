/** What the command lines print: the due report and a vault's statistics, for our CLI and Obsidian's. The feature's one door: other features import only what is named here. */
export { dueReport, type DueEntry, type DueReport, type ReportNote } from './due-report';
export { vaultStatistics } from './vault-statistics';
