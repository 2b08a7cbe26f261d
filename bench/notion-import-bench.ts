import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedProperties } from '../tests/support/notion-export';
import { notionHtmlExport, seedBodyHtml } from '../tests/support/notion-html-export';
import { notionZip } from '../tests/support/notion-zip';
import { round } from './measure';

const ROOT = join(__dirname, '..');
const SEED = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-note.md'), 'utf8');
const ROWS = 2000;

/**
 * The floors: a Node process that unzips the download and its part zip with fflate and reads every
 * entry once (text as UTF-8); and the same that also writes each entry into a fresh folder (the
 * import writes as many files: a note per page, the page's image).
 */
const FLOOR = `const { unzipSync, strFromU8 } = require(${JSON.stringify(join(ROOT, 'node_modules', 'fflate'))});
const fs = require('fs'), path = require('path');
const outer = unzipSync(fs.readFileSync(process.argv[2]));
const out = process.argv[3];
let chars = 0;
for (const part of Object.values(outer)) for (const [name, data] of Object.entries(unzipSync(part))) {
	chars += /\\.(html|md|csv)$/.test(name) ? strFromU8(data).length : data.length;
	if (out) { const target = path.join(out, name); fs.mkdirSync(path.dirname(target), { recursive: true }); fs.writeFileSync(target, data, { flag: 'wx' }); }
}
if (chars === 0) process.exit(1);
`;

/**
 * Importing Notion's HTML export of a 2,000-row review database from the zip Notion gives (a part zip
 * inside), by the built CLI in its own process: wall time and peak resident memory, beside two floors
 * in the same run: unzipping both levels and reading every entry once, and that plus writing each
 * entry to disk.
 * Three runs each, the median.
 */
export function notionImportBench(): Record<string, number> {
	execFileSync(process.execPath, ['esbuild.config.mjs', 'cli'], { cwd: ROOT });
	const folder = mkdtempSync(join(tmpdir(), 'fc-bench-notion-'));
	const rows = Array.from({ length: ROWS }, (_, i) => ({
		title: i === 0 ? '웹훅' : `복습 ${String(i).padStart(4, '0')}`,
		properties: seedProperties(SEED, i % 2 === 0 ? `@2024년 10월 ${1 + (i % 28)}일` : `@October ${1 + (i % 28)}, 2024`),
		html: seedBodyHtml(i === 0 ? '웹훅' : `복습 ${String(i).padStart(4, '0')}`),
		types: { '❕첫 학습날': 'date' as const },
	}));
	const zip = join(folder, 'Export.zip');
	writeFileSync(zip, notionZip(notionHtmlExport(rows)));
	writeFileSync(join(folder, 'floor.cjs'), FLOOR);
	const preload = join(folder, 'rss.cjs');
	writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.FC_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
	writeFileSync(join(folder, 'settings.json'), JSON.stringify({ preset: 'ko-template', rateFormula: 'template' }));
	const measure = (args: string[], check: (stdout: string, status: number | null) => void) => {
		const runs: { ms: number; rssMb: number }[] = [];
		for (let i = 0; i < 3; i++) {
			rmSync(join(folder, 'vault'), { recursive: true, force: true });
			const rssFile = join(folder, 'rss');
			const start = performance.now();
			const run = spawnSync(process.execPath, ['-r', preload, ...args], { env: { ...process.env, FC_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
			runs.push({ ms: performance.now() - start, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
			check(`${run.stdout}${run.stderr}`, run.status);
		}
		const median = (by: (r: { ms: number; rssMb: number }) => number) => runs.map(by).sort((a, b) => a - b)[1] ?? 0;
		return { ms: median((r) => r.ms), rssMb: median((r) => r.rssMb) };
	};
	const imported = measure([join(ROOT, 'build', 'cli.cjs'), 'import-notion', zip, join(folder, 'vault'), '--now', '2024-10-27T14:00', '--settings', join(folder, 'settings.json')], (stdout, status) => {
		if (status !== 0 || !stdout.includes(`Imported ${ROWS} notes`)) throw new Error(`notion import bench: ${stdout.slice(0, 300)}`);
	});
	const floor = measure([join(folder, 'floor.cjs'), zip], (_stdout, status) => {
		if (status !== 0) throw new Error('notion import floor failed');
	});
	const writeFloor = measure([join(folder, 'floor.cjs'), zip, join(folder, 'vault')], (_stdout, status) => {
		if (status !== 0) throw new Error('notion import write floor failed');
	});
	const size = readFileSync(zip).length;
	rmSync(folder, { recursive: true, force: true });
	return {
		notion_html_zip_2000_rows_mb: round(size / 1024 / 1024, 2),
		notion_html_zip_import_2000_ms: round(imported.ms, 0),
		notion_html_zip_import_2000_rss_mb: round(imported.rssMb, 0),
		notion_html_zip_floor_unzip_read_ms: round(floor.ms, 0),
		notion_html_zip_floor_unzip_read_rss_mb: round(floor.rssMb, 0),
		notion_html_zip_import_vs_floor: round(imported.ms / floor.ms, 2),
		notion_html_zip_floor_unzip_read_write_ms: round(writeFloor.ms, 0),
		notion_html_zip_import_vs_write_floor: round(imported.ms / writeFloor.ms, 2),
	};
}
