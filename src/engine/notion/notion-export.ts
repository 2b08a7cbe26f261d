/**
 * Notion's "Markdown & CSV" export, read: a page's title and `Key: value` lines, and a database's CSV.
 * Every file and folder name there ends in a space and 32 hex digits, Notion's id for the page.
 */
const NOTION_ID = / ([0-9a-f]{32})$/;

/** A name without Notion's id: `Argo CD 1a2b…` → `Argo CD`, and the id, when there is one. */
export function splitNotionName(name: string): { title: string; id: string | null } {
	const match = NOTION_ID.exec(name);
	return match ? { title: name.slice(0, match.index), id: match[1]! } : { title: name, id: null };
}

export interface NotionPage {
	title: string;
	/** The properties in the page's order, as text. Empty properties are not written by Notion. */
	properties: [string, string][];
	/** What follows the properties, as Notion wrote it. */
	body: string;
}

/**
 * A page: `# Title`, a blank line, one `Key: value` line per property, a blank line, then the body.
 * A line is split at its first ": " (values may hold more). A page with no property lines has its
 * body right after the title.
 */
export function readNotionPage(text: string): NotionPage {
	const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
	let at = 0;
	const heading = /^# (.*)$/.exec(lines[0] ?? '');
	const title = heading ? heading[1]!.trim() : '';
	if (heading) at = 1;
	while (at < lines.length && lines[at] === '') at++;
	const properties: [string, string][] = [];
	const start = at;
	for (; at < lines.length && lines[at] !== ''; at++) {
		const line = lines[at]!;
		const split = line.indexOf(': ');
		if (split <= 0) break;
		properties.push([line.slice(0, split), line.slice(split + 2)]);
	}
	// Lines that are not all properties were the body's first paragraph, not properties.
	if (at < lines.length && lines[at] !== '') {
		properties.length = 0;
		at = start;
	}
	while (at < lines.length && lines[at] === '') at++;
	return { title, properties, body: lines.slice(at).join('\n') };
}

/** The export's CSV: UTF-8 with a BOM, CRLF, a header row, fields quoted only when they must be. */
export function readNotionCsv(text: string): { header: string[]; rows: string[][] } {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	const source = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (quoted) {
			if (c === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			record.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && source[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	const [header = [], ...rows] = records;
	return { header, rows };
}
