import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A Notion export as Notion hands it over: the download's zip holding `Export-<uuid>-Part-1.zip`, which
 * holds the export's files (shared/notes/notion-export.md). Made with fflate, as a test fixture.
 */
export function notionZip(files: Map<string, string | Uint8Array>, parts = true): Uint8Array {
	const inner: Zippable = {};
	for (const [path, content] of files) inner[path] = typeof content === 'string' ? strToU8(content) : content;
	const zipped = zipSync(inner);
	return parts ? zipSync({ 'Export-0123abcd-1111-2222-3333-0123456789ab-Part-1.zip': [zipped, { level: 0 }] }) : zipped;
}

/** A zip with one entry of the given name and bytes, and optionally Unix file attributes (a link: 0o120777). */
export function oneEntryZip(name: string, data: Uint8Array, unixMode?: number): Uint8Array {
	return zipSync({ [name]: [data, unixMode === undefined ? {} : { os: 3, attrs: (unixMode << 16) >>> 0 }] });
}
