import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readExportZip, ZIP_LIMITS } from '../../../src/engine';
import { notionZip, oneEntryZip } from '../../support/notion-zip';

const saved = { ...ZIP_LIMITS };
afterEach(() => Object.assign(ZIP_LIMITS, saved));
const problem = (bytes: Uint8Array) => ('problem' in readExportZip(bytes) ? (readExportZip(bytes) as { problem: unknown }).problem : null);

describe('a Notion export zip', () => {
	it('opens the part zip inside the download and gives pages as text, other files as bytes', () => {
		const zip = notionZip(new Map<string, string | Uint8Array>([['Export-x/index.html', '<html></html>'], ['Export-x/복습 노트 1/웹훅 2.html', '<p>웹훅</p>'], ['Export-x/복습 노트 1/웹훅 2/image 34.png', new Uint8Array([1, 2, 3])]]));
		const read = readExportZip(zip);
		expect('files' in read && read.files.map((f) => [f.path, f.text ?? [...(f.bytes ?? [])]])).toEqual([
			['Export-x/index.html', '<html></html>'],
			['Export-x/복습 노트 1/웹훅 2.html', '<p>웹훅</p>'],
			['Export-x/복습 노트 1/웹훅 2/image 34.png', [1, 2, 3]],
		]);
	});

	it('refuses, by name, an entry that would leave the folder or name a place of its own, and a link', () => {
		for (const name of ['../evil.md', 'Export-x/../../evil.md', '/etc/cron.d/evil', 'C:/Windows/evil.md', 'a\\..\\..\\evil.md']) expect([name, problem(oneEntryZip(name, strToU8('x')))]).toEqual([name, { code: 'zip-unsafe-path', name }]);
		expect(problem(oneEntryZip('Export-x/link.md', strToU8('/etc/passwd'), 0o120777))).toEqual({ code: 'zip-link', name: 'Export-x/link.md' });
		// Inside a part zip too, named with the part.
		const nested = zipSync({ 'Part-1.zip': oneEntryZip('../evil.md', strToU8('x')) });
		expect(problem(nested)).toEqual({ code: 'zip-unsafe-path', name: 'Part-1.zip/../evil.md' });
	});

	it('stops a small zip that expands a thousandfold, and one past the size limits, before reading it all', () => {
		const zeros = oneEntryZip('Export-x/big.png', new Uint8Array(20 * 1024 * 1024));
		expect(zeros.length).toBeLessThan(40 * 1024);
		expect(problem(zeros)).toEqual({ code: 'zip-bomb', name: 'Export-x/big.png', limit: ZIP_LIMITS.maxRatio });
		ZIP_LIMITS.maxTotalBytes = 1024;
		expect(problem(oneEntryZip('Export-x/a.md', strToU8('x'.repeat(2000))))).toEqual({ code: 'zip-too-large', name: 'Export-x/a.md', limit: 1024 });
		Object.assign(ZIP_LIMITS, saved);
		ZIP_LIMITS.maxEntries = 2;
		expect(problem(zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3') }))).toEqual({ code: 'zip-too-many', limit: 2 });
		Object.assign(ZIP_LIMITS, saved);
		ZIP_LIMITS.maxDepth = 1;
		expect(problem(zipSync({ 'Part-1.zip': zipSync({ a: strToU8('1') }) }))).toEqual({ code: 'zip-too-deep', name: 'Part-1.zip', limit: 1 });
	});

	it('reads a zip of thousands of small pages (fflate reads one push recursively: the zip goes in slices)', () => {
		const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`Export-x/p ${i}.md`, strToU8(`# ${i}`)]));
		const read = readExportZip(zipSync({ 'Part-1.zip': zipSync(many) }));
		expect('files' in read ? read.files.length : read).toBe(10_000);
	});

	it('says a file that is not a zip is unreadable', () => {
		expect(problem(strToU8('<html>not a zip</html>'))).toEqual({ code: 'zip-unreadable' });
	});
});
