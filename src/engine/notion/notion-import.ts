import type { Clock } from '../schedule';
import type { ReviewConfig } from '../config';
import { canonicalKey, keySource, scalarSource, type ScalarValue } from '../frontmatter';
import { recompute } from '../recompute';
import { readNotionCsv, readNotionPage, splitNotionName } from './notion-export';
import { readNotionCheckbox, readNotionDate } from './notion-values';

/** A file of the unzipped export: its path inside the export, '/'-separated; the text of pages and CSVs. */
export interface ExportFile {
	path: string;
	text?: string;
}

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
	/** Each page's own folder (its images and sub-pages), copied beside its note under the same name so its links still work. */
	copies: { from: string; to: string }[];
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
		const folder = file.path.slice(0, -(all ? '_all.csv' : '.csv').length);
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
	const first = canonicalKey(config.firstStudyKey);
	const rows: Row[] = [];
	for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
		if (!file.path.endsWith('.md') || file.text === undefined) continue;
		const page = readNotionPage(file.text);
		const { title: fileTitle, id } = splitNotionName(basename(file.path).slice(0, -3));
		const title = page.title || fileTitle;
		const folder = dirname(file.path);
		const fromCsv = csv.get(folder)?.get(title)?.shift() ?? [];
		const named = new Set(page.properties.map(([key]) => canonicalKey(key)));
		const properties = [...page.properties, ...fromCsv.filter(([key]) => !named.has(canonicalKey(key)))];
		if (!csv.has(folder) && !properties.some(([key]) => canonicalKey(key) === first)) continue;
		rows.push({ source: file.path, title, id, properties, body: page.body });
	}
	for (const [folder, byTitle] of csv) {
		for (const [title, left] of byTitle) for (const properties of left) rows.push({ source: `${folder}.csv`, title, id: null, properties, body: '' });
	}
	return rows;
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
		// The page's own folder (same name as its file, without .md) holds its images and sub-pages.
		const own = row.source.endsWith('.md') ? row.source.slice(0, -3) : null;
		if (own) for (const file of files) if (file.path.startsWith(`${own}/`)) plan.copies.push({ from: file.path, to: `${basename(own)}/${file.path.slice(own.length + 1)}` });
	}
	plan.notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	plan.skipped.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return plan;
}
