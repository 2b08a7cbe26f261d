import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { EXPORT_TEXT_FILE, type ExportFile } from './notion-import';

/**
 * Notion's export as Notion hands it over: a .zip, holding for large workspaces one zip per part
 * (`Export-<uuid>-Part-1.zip`). Read with fflate, streaming, so a zip is never trusted before it is
 * read: every entry's name is checked before its data is, and the bytes are counted as they inflate,
 * so a small zip that would expand to gigabytes is stopped at the limit, not after. Nothing is written
 * here; a problem comes back as a code and the import writes nothing.
 */
export const ZIP_LIMITS = {
	/** All the files together, nested parts included. */
	maxTotalBytes: 1024 * 1024 * 1024,
	maxEntryBytes: 256 * 1024 * 1024,
	maxEntries: 100_000,
	/** How far one entry may expand, once past 1 MiB: a thousandfold is a bomb, not a page. */
	maxRatio: 200,
	/** Zips inside zips: Notion's parts are one level down. */
	maxDepth: 3,
};

export type ZipProblemCode = 'zip-unreadable' | 'zip-unsafe-path' | 'zip-link' | 'zip-too-large' | 'zip-bomb' | 'zip-too-many' | 'zip-too-deep';

export interface ZipProblem {
	code: ZipProblemCode;
	/** The entry the problem is with. */
	name?: string;
	/** The limit passed, in bytes or entries. */
	limit?: number;
}

const MIB = 1024 * 1024;
/** How much of a zip is handed to the unzipper at a time. */
const PUSH_BYTES = 64 * 1024;

/** A path inside a zip that would leave the folder it is unpacked into, or name a place of its own. */
function unsafePath(name: string): boolean {
	const path = name.replace(/\\/g, '/');
	return path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\0') || path.split('/').some((part) => part === '..');
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The names of entries that are symbolic links. fflate does not give an entry's file attributes, so
 * this reads them, and only them, from the zip's central directory (APPNOTE 4.3.12: "version made
 * by" 3 = Unix, the mode in the high 16 bits of the external attributes, S_IFLNK = 0o120000).
 */
function linkNames(bytes: Uint8Array): Set<string> | null {
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
		if (u32(bytes, at) === 0x06054b50) {
			end = at;
			break;
		}
	}
	if (end < 0) return null;
	const links = new Set<string>();
	let at = u32(bytes, end + 16);
	for (let n = u16(bytes, end + 10); n > 0; n--) {
		if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
		const nameLength = u16(bytes, at + 28);
		const mode = u32(bytes, at + 38) >>> 16;
		if (bytes[at + 5] === 3 && (mode & 0o170000) === 0o120000) links.add(strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (u16(bytes, at + 8) & 0x800) === 0));
		at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
	}
	return links;
}

interface Budget {
	total: number;
	entries: number;
}

/** One zip's files into `out` (a part zip's files at the top, as if unpacked beside each other); a problem stops it. */
function readZip(bytes: Uint8Array, depth: number, budget: Budget, out: ExportFile[]): ZipProblem | null {
	const links = linkNames(bytes);
	if (!links) return { code: 'zip-unreadable' };
	let problem: ZipProblem | null = null;
	const nested: { name: string; bytes: Uint8Array }[] = [];
	const unzip = new Unzip((file) => {
		if (problem) return;
		const name = file.name;
		if (unsafePath(name)) problem = { code: 'zip-unsafe-path', name };
		else if (links.has(name)) problem = { code: 'zip-link', name };
		else if (++budget.entries > ZIP_LIMITS.maxEntries) problem = { code: 'zip-too-many', limit: ZIP_LIMITS.maxEntries };
		if (problem || name.endsWith('/')) return;
		const chunks: Uint8Array[] = [];
		let size = 0;
		file.ondata = (error, chunk, final) => {
			if (problem) return;
			if (error) {
				problem = { code: 'zip-unreadable', name };
				return;
			}
			size += chunk.length;
			budget.total += chunk.length;
			if (size > ZIP_LIMITS.maxEntryBytes) problem = { code: 'zip-too-large', name, limit: ZIP_LIMITS.maxEntryBytes };
			else if (budget.total > ZIP_LIMITS.maxTotalBytes) problem = { code: 'zip-too-large', name, limit: ZIP_LIMITS.maxTotalBytes };
			else if (size > MIB && size > ZIP_LIMITS.maxRatio * Math.max(file.size ?? 0, 1)) problem = { code: 'zip-bomb', name, limit: ZIP_LIMITS.maxRatio };
			if (problem) {
				file.terminate();
				return;
			}
			chunks.push(chunk);
			if (!final) return;
			const data = new Uint8Array(size);
			let at = 0;
			for (const part of chunks) {
				data.set(part, at);
				at += part.length;
			}
			const path = name.replace(/\\/g, '/');
			if (/\.zip$/i.test(path)) nested.push({ name: path, bytes: data });
			else out.push(EXPORT_TEXT_FILE.test(path) ? { path, text: strFromU8(data) } : { path, bytes: data });
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		// In slices, as a stream arrives: fflate reads the entries of one push recursively, and a zip of
		// thousands of small pages pushed at once would overflow the stack.
		for (let at = 0; at < bytes.length && !problem; at += PUSH_BYTES) unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
	} catch {
		return problem ?? { code: 'zip-unreadable' };
	}
	if (problem) return problem;
	for (const inner of nested) {
		if (depth + 1 > ZIP_LIMITS.maxDepth) return { code: 'zip-too-deep', name: inner.name, limit: ZIP_LIMITS.maxDepth };
		const found = readZip(inner.bytes, depth + 1, budget, out);
		if (found) return { ...found, name: found.name ? `${inner.name}/${found.name}` : inner.name };
	}
	return null;
}

/** The files of a Notion export zip (its part zips opened), or the problem that stopped reading it. */
export function readExportZip(bytes: Uint8Array): { files: ExportFile[] } | { problem: ZipProblem } {
	const files: ExportFile[] = [];
	const problem = readZip(bytes, 1, { total: 0, entries: 0 }, files);
	return problem ? { problem } : { files };
}
