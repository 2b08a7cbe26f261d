/** Importing a Notion export: its pages and CSVs read, their values as dates and checkboxes, and the plan of review notes to write. The feature's one door: other features import only what is named here. */
export { EXPORT_TEXT_FILE, planNotionImport, type ExportFile, type ImportPlan, type ImportSkip, type ImportSkipCode } from './notion-import';
export { readNotionCheckbox, readNotionDate, type NotionDate } from './notion-values';
export { readNotionCsv, readNotionPage, splitNotionName, type NotionPage } from './notion-export';
export { isNotionHtmlPage, readNotionHtmlPage } from './notion-html';
export { readExportZip, ZIP_LIMITS, type ZipProblem, type ZipProblemCode } from './export-zip';
export { importerRepairer, planImporterRepair, type RepairFix, type RepairPlan } from './importer-repair';
