import type { Clock } from '../schedule';
import type { ReviewConfig } from '../config';
import { canonicalKey, keySource, scalarSource, type ScalarValue } from '../frontmatter';
import { recompute } from '../recompute';
import { type NotionPage, readNotionCsv, readNotionPage, splitNotionName } from './notion-export';
import { isNotionHtmlDatabase, readNotionHtmlPage } from './notion-html';
import { readNotionCheckbox, readNotionDate } from './notion-values';

/** A file of the export: its path inside the export, '/'-separated; the text of pages and CSVs; the bytes of a file read from a zip. */
export interface ExportFile {
	path: string;
	text?: string;
	bytes?: Uint8Array;
}

/** The files whose text the import reads: pages of either export (Markdown or HTML) and CSVs. */
export const EXPORT_TEXT_FILE = /\.(md|csv|html?)$/i;

export type ImportSkipCode = 'no-first-study' | 'bad-date' | 'bad-checkbox' | 'no-title' | 'refused';

/** A row left out, by its title (or file name), and why. */
export interface ImportSkip {
	name: string;
	code: ImportSkipCode;
	key?: string;
	value?: string;
}

export interface ImportPlan {
	/** Review notes to write, by path inside the target folder, in path order. */
	notes: { path: string; text: string; source: string }[];
	/**
	 * Each page's own folder (its images and sub-pages), copied beside its note under the same name so
	 * its links still work; a sub-page of the HTML export is written as Markdown (`text`) under its `.md` name.
	 */
	copies: { from: string; to: string; text?: string }[];
	skipped: ImportSkip[];
}

interface Row {
	source: string;
	title: string;
	id: string | null;
	properties: [string, string][];
	body: string;
}

const dirname = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const isHtml = (path: string) => /\.html?$/i.test(path);
/** A page file's path without its extension: the name of its own folder. */
const stemOf = (path: string) => path.replace(/\.(md|html?)$/i, '');
/** Names as one spelling: a Korean name unzipped on a Mac comes decomposed (NFD); notes and folders are written composed. */
const nfc = (text: string) => text.normalize('NFC');
/** Characters no file name may hold on one of Obsidian's platforms. */
const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;

type CsvRows = Map<string, [string, string][][]>;

/**
 * The database CSVs by the folder of their pages (`Reviews <id>.csv` ↔ `Reviews <id>/`), `_all.csv`
 * (every property) preferred; each title's rows in the CSV's order (two rows may share a title).
 */
function csvRowsByFolder(files: readonly ExportFile[]): Map<string, CsvRows> {
	const byFolder = new Map<string, { all: boolean; rows: CsvRows }>();
	for (const file of files) {
		if (!file.path.endsWith('.csv') || file.text === undefined) continue;
		const all = file.path.endsWith('_all.csv');
		const folder = nfc(file.path.slice(0, -(all ? '_all.csv' : '.csv').length));
		if (byFolder.get(folder)?.all && !all) continue;
		const { header, rows } = readNotionCsv(file.text);
		const byTitle: CsvRows = new Map();
		for (const row of rows) {
			const cells = header.map((name, i): [string, string] => [name, row[i] ?? '']).filter(([, value]) => value !== '');
			const title = row[0] ?? '';
			byTitle.set(title, [...(byTitle.get(title) ?? []), cells.slice(1)]);
		}
		byFolder.set(folder, { all, rows: byTitle });
	}
	return new Map([...byFolder].map(([folder, { rows }]) => [folder, rows]));
}

/**
 * Review rows: pages of a database folder, and any page that has the first-study key; each page's
 * properties from its lines, then from its CSV row (matched by title, first come first served); then
 * the CSV's rows no page took.
 */
function reviewRows(files: readonly ExportFile[], config: ReviewConfig): Row[] {
	const csv = csvRowsByFolder(files);
	// The HTML export has no CSV: a database is a page listing its rows, its folder holding their pages.
	const databases = new Set(files.filter((f) => isHtml(f.path) && f.text !== undefined && isNotionHtmlDatabase(f.text)).map((f) => nfc(stemOf(f.path))));
	const first = canonicalKey(config.firstStudyKey);
	const rows: Row[] = [];
	for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
		if (!/\.(md|html?)$/i.test(file.path) || file.text === undefined) continue;
		const page: NotionPage | null = isHtml(file.path) ? readNotionHtmlPage(file.text) : readNotionPage(file.text);
		if (!page) continue;
		const { title: fileTitle, id } = splitNotionName(basename(stemOf(file.path)));
		const title = nfc(page.title || fileTitle);
		// Folders compared composed: a zip made on a Mac may spell one folder two ways.
		const folder = nfc(dirname(file.path));
		const fromCsv = csv.get(folder)?.get(title)?.shift() ?? [];
		const named = new Set(page.properties.map(([key]) => canonicalKey(key)));
		const properties = [...page.properties, ...fromCsv.filter(([key]) => !named.has(canonicalKey(key)))];
		if (!csv.has(folder) && !databases.has(folder) && !properties.some(([key]) => canonicalKey(key) === first)) continue;
		rows.push({ source: file.path, title, id, properties, body: page.body });
	}
	for (const [folder, byTitle] of csv) {
		for (const [title, left] of byTitle) for (const properties of left) rows.push({ source: `${folder}.csv`, title, id: null, properties, body: '' });
	}
	return rows;
}

/** The export's review rows, by title (composed) and properties as text: what a repair matches notes against. */
export function exportRows(files: readonly ExportFile[], config: ReviewConfig): { title: string; properties: [string, string][] }[] {
	return reviewRows(files, config).map(({ title, properties }) => ({ title, properties }));
}

/** Every file under each folder (composed), so a page's own folder is one look-up, not a scan of the export per row. */
function filesByFolder(files: readonly ExportFile[]): Map<string, ExportFile[]> {
	const byFolder = new Map<string, ExportFile[]>();
	for (const file of files) {
		const parts = nfc(file.path).split('/');
		for (let depth = 1; depth < parts.length; depth++) {
			const folder = parts.slice(0, depth).join('/');
			const list = byFolder.get(folder);
			if (list) list.push(file);
			else byFolder.set(folder, [file]);
		}
	}
	return byFolder;
}

/** A sub-page of the HTML export, as the Markdown export would have it: `# Title`, a blank line, its body. */
function subPageMarkdown(html: string): string | null {
	const page = readNotionHtmlPage(html);
	if (!page) return null;
	const lines = [`# ${page.title}`, ...(page.body === '' ? [] : ['', page.body])];
	return `${lines.join('\n')}\n`;
}

/** A property's value in the frontmatter: dates as Obsidian's date properties, numbers as numbers, the rest as text. */
function plainValue(text: string): ScalarValue {
	const date = readNotionDate(text);
	if (date && !/^\d+(\.\d+)?$/.test(text.trim())) return date.time ? `${date.date}T${date.time}` : date.date;
	if (/^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text) return Number(text);
	return text;
}

/** A row's frontmatter lines in the page's order, or why it is skipped. The template's computed keys are left out (recompute fills them). */
function frontmatterOf(row: Row, config: ReviewConfig): string[] | ImportSkip {
	const first = canonicalKey(config.firstStudyKey);
	const boxes = new Set([...config.checkboxKeys.values()].map(canonicalKey));
	const computed = new Set(config.fields.map((field) => canonicalKey(field.key)));
	const lines: string[] = [];
	let hasFirst = false;
	for (const [key, text] of row.properties) {
		const canonical = canonicalKey(key);
		let value: ScalarValue;
		if (computed.has(canonical)) continue;
		if (canonical === first) {
			const date = readNotionDate(text);
			if (!date) return { name: row.title, code: 'bad-date', key, value: text };
			value = date.date;
			hasFirst = true;
		} else if (boxes.has(canonical)) {
			const ticked = readNotionCheckbox(text);
			if (ticked === null) return { name: row.title, code: 'bad-checkbox', key, value: text };
			value = ticked;
		} else {
			value = plainValue(text);
		}
		lines.push(`${keySource(key)}: ${scalarSource(value, 'plain')}`);
	}
	if (!hasFirst) return { name: row.title, code: 'no-first-study', key: config.firstStudyKey };
	return lines;
}

/**
 * File names from titles: characters a file name cannot hold become spaces, leading dots go (they would
 * hide the note). Titles met twice get the start of their Notion id, or a number when the row has no
 * page (a CSV row): the same export always gives the same names, so a second import finds its notes.
 */
function fileNames(rows: readonly Row[]): Map<Row, string> {
	const stem = (row: Row) => row.title.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+\s*/, '');
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(stem(row).toLowerCase(), (counts.get(stem(row).toLowerCase()) ?? 0) + 1);
	const numbered = new Map<string, number>();
	return new Map(
		rows.map((row) => {
			const name = stem(row);
			if ((counts.get(name.toLowerCase()) ?? 0) < 2) return [row, name];
			if (row.id) return [row, `${name} ${row.id.slice(0, 8)}`];
			const n = (numbered.get(name.toLowerCase()) ?? 0) + 1;
			numbered.set(name.toLowerCase(), n);
			return [row, `${name} (${n})`];
		}),
	);
}

/**
 * What importing an export would write: one review note per row of the review database (recomputed,
 * so it holds every computed field), and each page's folder of images and sub-pages to copy beside it.
 * Nothing is read or written here; the CLI and the plugin do that, and never overwrite a file.
 */
export function planNotionImport(files: readonly ExportFile[], config: ReviewConfig, clock: Clock): ImportPlan {
	const plan: ImportPlan = { notes: [], copies: [], skipped: [] };
	const rows = reviewRows(files, config).filter((row) => {
		if (row.title.replace(FORBIDDEN, '').replace(/^[\s.]+/, '') === '') plan.skipped.push({ name: basename(row.source), code: 'no-title' });
		else return true;
		return false;
	});
	const names = fileNames(rows);
	const inFolder = filesByFolder(files);
	for (const row of rows) {
		let lines: string[] | ImportSkip;
		try {
			lines = frontmatterOf(row, config);
		} catch {
			// A key or value no YAML form reads back as itself: this row only, never the whole import.
			lines = { name: row.title, code: 'refused' };
		}
		if (!Array.isArray(lines)) {
			plan.skipped.push(lines);
			continue;
		}
		const body = row.body === '' || row.body.endsWith('\n') ? row.body : `${row.body}\n`;
		const text = `---\n${lines.map((line) => `${line}\n`).join('')}---\n${body}`;
		const filled = recompute(text, config, clock);
		if (filled.kind === 'refused') {
			plan.skipped.push({ name: row.title, code: 'refused' });
			continue;
		}
		const name = names.get(row) ?? row.title;
		plan.notes.push({ path: `${name}.md`, text: filled.kind === 'changed' ? filled.text : text, source: row.source });
		// The page's own folder (same name as its file, without .md or .html) holds its images and sub-pages.
		const own = /\.(md|html?)$/i.test(row.source) ? stemOf(row.source) : null;
		if (!own) continue;
		const prefix = `${nfc(own)}/`;
		for (const file of inFolder.get(nfc(own)) ?? []) {
			const to = nfc(`${basename(own)}/${nfc(file.path).slice(prefix.length)}`);
			const markdown = isHtml(file.path) && file.text !== undefined ? subPageMarkdown(file.text) : null;
			plan.copies.push(markdown === null ? { from: file.path, to } : { from: file.path, to: `${stemOf(to)}.md`, text: markdown });
		}
	}
	plan.notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	plan.skipped.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return plan;
}
