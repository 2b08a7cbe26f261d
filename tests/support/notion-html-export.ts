import { ID, type ExportRow } from './notion-export';

/**
 * A Notion "HTML" export of the review database, made from the facts in shared/notes/notion-export.md:
 * `Export-<uuid>/index.html` (the workspace's summary, not a page), the database's page listing its rows
 * in `table.collection-content`, one page per row in the database's folder with its properties in
 * `table.properties` (the name after an icon, dates in `<time>` with or without `@`, checkboxes as
 * `div.checkbox-on/off`, selects as `span.selected-value`, empty properties present as an empty cell),
 * the body in `.page-body` (blocks wrapped in `display:contents`, each list item in its own list), and
 * the page's images in its own folder, linked with spaces as %20.
 */
const id = (n: number) => `${String(n).padStart(2, '0')}${'8e'.repeat(15)}`;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const href = (path: string) => path.replace(/ /g, '%20');
const ICON = '<span class="icon property-icon"><svg viewBox="0 0 16 16"><path d="M1 1h14"/></svg></span>';

export interface HtmlExportRow extends ExportRow {
	/** The page body's HTML (inside .page-body). */
	html?: string;
	/** How a property is written in the table: by name, its type (default: text; a value of Yes/No is a checkbox). */
	types?: Record<string, 'date' | 'select' | 'multi' | 'status' | 'checkbox' | 'text'>;
	/** Write the page's file name decomposed (NFD), as a zip made on a Mac holds it. */
	nfdName?: boolean;
}

function cell(value: string, type: string): string {
	if (value === '') return '<td></td>';
	if (type === 'checkbox' || value === 'Yes' || value === 'No') return `<td><div class="checkbox checkbox-${value === 'Yes' ? 'on' : 'off'}"></div></td>`;
	if (type === 'date') return `<td><time>${escape(value)}</time></td>`;
	if (type === 'select') return `<td><span class="selected-value select-value-color-blue">${escape(value)}</span></td>`;
	if (type === 'multi') return `<td>${value.split(', ').map((v) => `<span class="selected-value">${escape(v)}</span>`).join('')}</td>`;
	if (type === 'status') return `<td><span class="status-value"><div class="status-dot"></div>${escape(value)}</span></td>`;
	return `<td>${escape(value)}</td>`;
}

function page(title: string, articleId: string, table: string, body: string): string {
	return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>${escape(title)}</title><style>/* Notion's styles */ .page { padding: 1em; }</style></head><body><article id="${articleId}" class="page sans"><header><h1 class="page-title">${escape(title)}</h1><p class="page-description"></p>${table}</header><div class="page-body">${body}</div></article></body></html>`;
}

/** The export's files (path → text or bytes) for the given rows of the database "복습 노트". */
export function notionHtmlExport(rows: HtmlExportRow[], database = '복습 노트'): Map<string, string | Uint8Array> {
	const root = `Export-${ID.database.slice(0, 8)}-1111-2222-3333-${ID.database.slice(0, 12)}`;
	const db = `${root}/${database} ${ID.database}`;
	const files = new Map<string, string | Uint8Array>();
	const pageIds = rows.map((_, i) => (i === 0 ? ID.seed : id(i)));
	const listing = rows.map((row, i) => `<tr id="${pageIds[i]}"><td class="cell-title"><a href="${href(`${database} ${ID.database}/${row.title} ${pageIds[i]}.html`)}">${escape(row.title)}</a></td></tr>`).join('');
	files.set(`${root}/index.html`, `<html><head><title>Export</title></head><body><div class="page-body"><ul><li><a href="${href(`${database} ${ID.database}.html`)}">${database}</a></li></ul></div></body></html>`);
	files.set(`${db}.html`, page(database, ID.database, '', `<table class="collection-content"><thead><tr><th>Name</th></tr></thead><tbody>${listing}</tbody></table>`));
	rows.forEach((row, i) => {
		const name = `${row.title} ${pageIds[i]}`;
		const table = `<table class="properties"><tbody>${row.properties.map(([key, value]) => `<tr class="property-row property-row-${row.types?.[key] ?? 'text'}"><th>${ICON}${escape(key)}</th>${cell(value, row.types?.[key] ?? 'text')}</tr>`).join('')}</tbody></table>`;
		const file = `${db}/${name}.html`;
		files.set(row.nfdName ? file.normalize('NFD') : file, page(row.title, pageIds[i]!, table, row.html ?? ''));
		const image = `${db}/${name}/image 34.png`;
		if (row.html?.includes('image%2034.png')) files.set(row.nfdName ? image.normalize('NFD') : image, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	});
	return files;
}

/** The seed's body as the HTML export writes it: the same blocks as seedBody (notion-export.ts) gives in Markdown. */
export function seedBodyHtml(title: string): string {
	const folder = href(`${title} ${ID.seed}`);
	return [
		`<div style="display:contents"><p id="p1"><a href="../DevOps%20${'90'}${'9f'.repeat(15)}.html">DevOps</a> <a href="../CI%20CD%20${'91'}${'9f'.repeat(15)}.html">CI CD</a></p></div>`,
		'<div style="display:contents"><h3 id="h3">단서 질문</h3></div>',
		`<div style="display:contents"><ul class="bulleted-list"><li style="list-style-type:disc">웹훅(Web Hook)이란?<figure class="image"><a href="${folder}/image%2034.png"><img style="width:700px" src="${folder}/image%2034.png"/></a></figure></li></ul></div>`,
	].join('');
}
