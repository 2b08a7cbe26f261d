import type { Clock } from '../schedule';
import { managedKeys, type ReviewConfig } from '../config';
import { canonicalKey, findFrontmatter, parseFrontmatter, plainValue, type Refusal } from '../frontmatter';
import { setValues } from '../recompute';
import { exportRows, type ExportFile } from './notion-import';
import { readNotionDate } from './notion-values';

/**
 * Repairs notes that Obsidian's Importer wrote from Notion's HTML export: it parses dates with Moment,
 * so a date a Korean (or Spanish…) workspace wrote became "Invalid date" (obsidian-importer #326), and
 * a date it could not read may be left empty. Given the same export, each such value gets the export's
 * real date back, and nothing else changes; then the note is recomputed, an ordinary review note.
 *
 * Notes are matched to the export's pages by title: Importer names each note after its page, so a
 * note's file name (composed, NFC, as Importer's own NFD troubles, #348, may have left it otherwise)
 * equals its page's title. A title two pages share is ambiguous and left alone, named.
 */
export interface RepairFix {
	key: string;
	/** What the note held: "Invalid date", or '' when empty. */
	was: string;
	/** The date from the export, as Obsidian's date properties write it. */
	value: string;
}

export interface RepairPlan {
	/** Notes to rewrite, with the values they get and their whole new text. */
	notes: { path: string; fixes: RepairFix[]; text: string }[];
	/** Notes matched but left alone: their title names two pages, or they could not be written safely. */
	skipped: { path: string; code: 'ambiguous' | 'refused'; refusal?: Refusal }[];
}

/** A value Importer left for a date it could not read. */
const BROKEN = new Set(['invalid date', '']);

const titleOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '').normalize('NFC');

/** The dates a note should get from its page: each of the page's date properties the note holds broken. */
function brokenDates(text: string, properties: readonly [string, string][], config: ReviewConfig): RepairFix[] | null {
	const block = findFrontmatter(text);
	if (!block) return null;
	const parsed = parseFrontmatter(text, block, managedKeys(config));
	if (parsed.kind !== 'ok') return null;
	const fixes: RepairFix[] = [];
	const seen = new Set<string>();
	for (const [key, raw] of properties) {
		const date = readNotionDate(raw);
		if (!date || seen.has(canonicalKey(key))) continue;
		seen.add(canonicalKey(key));
		const held = plainValue(parsed.map, key);
		if (held === undefined) continue;
		const was = held === null ? '' : typeof held === 'string' ? held.trim() : null;
		if (was === null || !BROKEN.has(was.toLowerCase())) continue;
		fixes.push({ key, was, value: date.time ? `${date.date}T${date.time}` : date.date });
	}
	return fixes;
}

/** What repairing `notes` (path and text) from the export would change; nothing is written here. */
export function planImporterRepair(files: readonly ExportFile[], notes: readonly { path: string; text: string }[], config: ReviewConfig, clock: Clock): RepairPlan {
	return importerRepairer(files, config, clock)(notes);
}

/**
 * The repair planner of one export: its pages are read once, then any notes planned against them
 * (the plugin plans all notes, then plans each again from its latest text as it writes it).
 */
export function importerRepairer(files: readonly ExportFile[], config: ReviewConfig, clock: Clock): (notes: readonly { path: string; text: string }[]) => RepairPlan {
	const byTitle = new Map<string, [string, string][][]>();
	for (const row of exportRows(files, config)) {
		const pages = byTitle.get(row.title);
		if (pages) pages.push(row.properties);
		else byTitle.set(row.title, [row.properties]);
	}
	return (notes) => planAgainst(byTitle, notes, config, clock);
}

function planAgainst(byTitle: ReadonlyMap<string, [string, string][][]>, notes: readonly { path: string; text: string }[], config: ReviewConfig, clock: Clock): RepairPlan {
	const plan: RepairPlan = { notes: [], skipped: [] };
	for (const note of [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		const pages = byTitle.get(titleOf(note.path));
		if (!pages) continue;
		const fixes = brokenDates(note.text, pages[0] ?? [], config);
		if (!fixes || fixes.length === 0) continue;
		if (pages.length > 1) {
			plan.skipped.push({ path: note.path, code: 'ambiguous' });
			continue;
		}
		const result = setValues(note.text, fixes.map(({ key, value }) => ({ key, value })), config, clock);
		if (result.kind === 'refused') plan.skipped.push({ path: note.path, code: 'refused', refusal: result.refusal });
		else if (result.kind === 'changed') plan.notes.push({ path: note.path, fixes, text: result.text });
	}
	return plan;
}
