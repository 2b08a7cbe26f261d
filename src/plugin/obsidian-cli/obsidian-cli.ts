import { type App, type CliData, type Plugin, requireApiVersion } from 'obsidian';
import { dayNumberOf, dueReport, entriesByPath, FACET_KINDS, facetKey, type FilterTerm, openReviewNote, pickNotes, recallReport, type ReportNote, type ReviewConfig, type ReviewFilter, textFacets, vaultStatistics } from '../../engine';
import { dueReportText, filterLineText, filterNothingDueText, recallReportText, refusalText, statsReportText, t } from '../../locale';
import type { PluginContext } from '../notes';
import type { StudyRecords } from '../session';

/** Paths in the order the CLI walks a folder: by name at each level, a folder's notes where its name sorts. */
function walkOrder(a: string, b: string): number {
	const x = a.split('/');
	const y = b.split('/');
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
	return x.length - y.length;
}

/** Every review note of the vault, as the CLI reads a vault folder: refused notes named (in English, as the CLI). */
async function vaultNotes(app: App, config: ReviewConfig): Promise<{ notes: ReportNote[]; refused: { path: string; reason: string }[] }> {
	const found: { notes: ReportNote[]; refused: { path: string; reason: string }[] } = { notes: [], refused: [] };
	for (const file of app.vault.getMarkdownFiles().sort((a, b) => walkOrder(a.path, b.path))) {
		const text = await app.vault.cachedRead(file);
		const opened = openReviewNote(text, config);
		if (opened.kind === 'refused') found.refused.push({ path: file.path, reason: refusalText(opened.refusal, 'en') });
		if (opened.kind === 'ok') found.notes.push({ path: file.path, inputs: opened.inputs, ...textFacets(text, opened, config) });
	}
	return found;
}

/**
 * `obsidian forgetting-curve:due` and `obsidian forgetting-curve:stats` while the app runs: the same
 * text as our CLI's `due` and `stats` over the vault (`--json` too). Obsidian's CLI exists since
 * 1.12.2; on older apps nothing is registered. Returns whether the handlers were registered.
 */
export function registerObsidianCli(plugin: Plugin, ctx: PluginContext, records: StudyRecords): boolean {
	const flags = {
		json: { description: 'JSON, as the CLI prints with --json' },
		subject: { value: '<name>', description: 'Only the notes with this subject' },
		folder: { value: '<path>', description: 'Only the notes in this folder (and its subfolders)' },
		tag: { value: '<tag>', description: 'Only the notes with this tag (or a tag nested in it)' },
	};
	const asked = (params: CliData) => params.json === 'true';
	const run = async (params: CliData, report: (config: ReviewConfig, found: Awaited<ReturnType<typeof vaultNotes>>, filtered: boolean) => Promise<{ json: unknown; text: string }>) => {
		const config = ctx.config();
		if (!config) return `${t('notice.settings-invalid', { reason: '' }).trim()}\n`;
		const filter = filterOf(params);
		const found = await vaultNotes(plugin.app, config);
		const notes = pickNotes(found.notes, filter);
		const made = await report(config, { ...found, notes }, filter.length > 0);
		if (asked(params)) return `${JSON.stringify(filter.length > 0 ? { filter, ...(made.json as object) } : made.json, null, 2)}\n`;
		// As our CLI: the filter above the report, or the values the notes have when it picks none.
		const header = filter.length > 0 ? filterLineText(filter, notes.length, found.notes) : '';
		return `${header}${made.text}`;
	};
	if (requireApiVersion('1.12.2') && typeof plugin.registerCliHandler === 'function') {
		try {
			plugin.registerCliHandler('forgetting-curve:due', t('cli.due'), flags, (params) =>
				run(params, (config, { notes, refused }, filtered) => {
					const report = dueReport(notes, refused, config, ctx.clock());
					const nothing = filtered && notes.length > 0 && report.overdue.length + report.dueToday.length + report.upcoming.length === 0;
					return Promise.resolve({ json: report, text: `${dueReportText(report)}${nothing ? filterNothingDueText(filterOf(params)) : ''}` });
				}),
			);
			plugin.registerCliHandler('forgetting-curve:stats', t('cli.stats'), flags, (params) =>
				run(params, async (config, { notes }, filtered) => {
					const today = dayNumberOf(ctx.clock().today);
					// The journal files read once: in columns for the statistics, as entries for the recall.
					const texts = await records.history.readTexts();
					const only = filtered ? new Set(notes.map((note) => note.path)) : undefined;
					const { report, late } = vaultStatistics(await records.history.readAll(texts), notes, config, today, records.snoozes.forIndex(), only);
					const recall = recallReport(notes, entriesByPath(texts.values()), config, today);
					return { json: { ...report, recall }, text: `${statsReportText(report, late)}${recallReportText(recall)}` };
				}),
			);
			return true;
		} catch {
			// Registered already (an earlier load of the plugin in this window): the handlers there still answer.
			return false;
		}
	}
	return false;
}

/** subject=, folder=, tag= (one value each, as Obsidian's CLI passes them): the CLI's --subject, --folder, --tag. */
function filterOf(params: CliData): ReviewFilter {
	const terms: FilterTerm[] = [];
	for (const kind of FACET_KINDS) {
		const value = params[kind];
		if (typeof value === 'string' && facetKey(kind, value) !== '') terms.push({ kind, value });
	}
	return terms;
}
