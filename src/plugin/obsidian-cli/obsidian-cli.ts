import { type App, type CliData, type Plugin, requireApiVersion } from 'obsidian';
import { dayNumberOf, dueReport, entriesByPath, openReviewNote, recallReport, type ReportNote, type ReviewConfig, vaultStatistics } from '../../engine';
import { dueReportText, recallReportText, refusalText, statsReportText, t } from '../../locale';
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
		const opened = openReviewNote(await app.vault.cachedRead(file), config);
		if (opened.kind === 'refused') found.refused.push({ path: file.path, reason: refusalText(opened.refusal, 'en') });
		if (opened.kind === 'ok') found.notes.push({ path: file.path, inputs: opened.inputs });
	}
	return found;
}

/**
 * `obsidian forgetting-curve:due` and `obsidian forgetting-curve:stats` while the app runs: the same
 * text as our CLI's `due` and `stats` over the vault (`--json` too). Obsidian's CLI exists since
 * 1.12.2; on older apps nothing is registered. Returns whether the handlers were registered.
 */
export function registerObsidianCli(plugin: Plugin, ctx: PluginContext, records: StudyRecords): boolean {
	const flags = { json: { description: 'JSON, as the CLI prints with --json' } };
	const asked = (params: CliData) => params.json === 'true';
	const run = async (params: CliData, report: (config: ReviewConfig, found: Awaited<ReturnType<typeof vaultNotes>>) => Promise<{ json: unknown; text: string }>) => {
		const config = ctx.config();
		if (!config) return `${t('notice.settings-invalid', { reason: '' }).trim()}\n`;
		const made = await report(config, await vaultNotes(plugin.app, config));
		return asked(params) ? `${JSON.stringify(made.json, null, 2)}\n` : made.text;
	};
	if (requireApiVersion('1.12.2') && typeof plugin.registerCliHandler === 'function') {
		try {
			plugin.registerCliHandler('forgetting-curve:due', t('cli.due'), flags, (params) =>
				run(params, (config, { notes, refused }) => {
					const report = dueReport(notes, refused, config, ctx.clock());
					return Promise.resolve({ json: report, text: dueReportText(report) });
				}),
			);
			plugin.registerCliHandler('forgetting-curve:stats', t('cli.stats'), flags, (params) =>
				run(params, async (config, { notes }) => {
					const today = dayNumberOf(ctx.clock().today);
					// The journal files read once: in columns for the statistics, as entries for the recall.
					const texts = await records.history.readTexts();
					const { report, late } = vaultStatistics(await records.history.readAll(texts), notes, config, today, records.snoozes.forIndex());
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
