import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/**
 * A Notion "Markdown & CSV" export of the review database, made from the seed note as Notion writes
 * it (tests/../shared/notes/notion-export.md): ids of 32 hex digits on every name, a page's properties
 * as `Key: value` lines in the page's order (formula columns too), checkboxes as Yes/No, dates in the
 * workspace's forms, LF and no final newline in pages; the CSV with a BOM, CRLF, quoting only where
 * needed; the page's images in a folder named like the page, linked with spaces as %20.
 */
export const ID = { database: '0123456789abcdef0123456789abcdef', seed: '1a2b3c4d5e6f70811a2b3c4d5e6f7081' };
const id = (n: number) => `${String(n).padStart(2, '0')}${'9f'.repeat(15)}`;

/** The seed's frontmatter values, in its order, written as Notion shows them. */
export function seedProperties(seed: string, firstStudy: string): [string, string][] {
	const block = /^---\n([\s\S]*?)\n---/.exec(seed)?.[1] ?? '';
	const values = parse(block) as Record<string, unknown>;
	return Object.entries(values).map(([key, value]): [string, string] => {
		if (key === '❕첫 학습날') return [key, firstStudy];
		if (typeof value === 'boolean') return [key, value ? 'Yes' : 'No'];
		return [key, String(value)];
	});
}

export interface ExportRow {
	title: string;
	properties: [string, string][];
	body?: string;
}

/** The export's files (path → text or bytes) for the given rows of the database "복습 노트". */
export function notionExport(rows: ExportRow[]): Map<string, string | Uint8Array> {
	const root = `Export-${ID.database.slice(0, 8)}-aaaa-bbbb-cccc-${ID.database.slice(0, 12)}`;
	const db = `${root}/복습 노트 ${ID.database}`;
	const files = new Map<string, string | Uint8Array>();
	const keys = [...new Set(rows.flatMap((row) => row.properties.map(([key]) => key)))];
	const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
	const csv = [['Name', ...keys], ...rows.map((row) => [row.title, ...keys.map((key) => row.properties.find(([k]) => k === key)?.[1] ?? '')])];
	files.set(`${db}_all.csv`, `\uFEFF${csv.map((line) => line.map(cell).join(',')).join('\r\n')}`);
	rows.forEach((row, i) => {
		const pageId = i === 0 ? ID.seed : id(i);
		const page = `${db}/${row.title} ${pageId}`;
		const lines = [`# ${row.title}`, '', ...row.properties.filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`)];
		if (row.body) lines.push('', row.body);
		files.set(`${page}.md`, lines.join('\n'));
		if (row.body?.includes('image%2034.png')) files.set(`${page}/image 34.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	});
	return files;
}

export function writeExport(folder: string, files: Map<string, string | Uint8Array>): void {
	for (const [path, content] of files) {
		mkdirSync(dirname(join(folder, path)), { recursive: true });
		writeFileSync(join(folder, path), content);
	}
}

/** The seed note's body as Notion writes it: its image linked beside the page, spaces as %20. */
export function seedBody(title: string): string {
	return [`[DevOps](../DevOps%20${id(90)}.md) [CI CD](../CI%20CD%20${id(91)}.md)`, '', '### 단서 질문', '', '- 웹훅(Web Hook)이란?', '', `    ![image 34.png](${title.replace(/ /g, '%20')}%20${ID.seed}/image%2034.png)`].join('\n');
}
