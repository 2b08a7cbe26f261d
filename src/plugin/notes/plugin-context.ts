import { type App, getAllTags, type TFile } from 'obsidian';
import { type Clock, clockAt, type ForgettingCurveSettings, recompute, type Refusal, type ReviewConfig } from '../../engine';
import { EditingGuard } from './editing-guard';
import { isInScope } from './note-scope';
import { NoteWriter, type Transform, type WriteMode, type WriteOutcome } from './note-writer';
import { RefusalNotices } from './refusal-notices';

/** What the plugin's parts share: the app, the writer, and the current settings, config and clock. */
export interface PluginContext {
	app: App;
	writer: NoteWriter;
	guard: EditingGuard;
	notices: RefusalNotices;
	settings(): ForgettingCurveSettings;
	/** Null while the settings cannot work (an invalid template, say): nothing is recomputed then. */
	config(): ReviewConfig | null;
	clock(): Clock;
	inScope(file: TFile): boolean;
}

/**
 * The one context of a loaded plugin: one writer and one editing guard for the automatic recompute,
 * the commands and "Recompute all"; settings, config and clock read live from the plugin.
 */
export function createPluginContext(app: App, live: { settings: () => ForgettingCurveSettings; config: () => ReviewConfig | null; now: () => Date }): PluginContext {
	const guard = new EditingGuard();
	return {
		app,
		writer: new NoteWriter(app, guard),
		guard,
		notices: new RefusalNotices(),
		settings: live.settings,
		config: live.config,
		clock: (): Clock => clockAt(live.now(), live.settings().dayStartHour),
		inScope: (file: TFile) =>
			isInScope(file.path, () => {
				const cache = app.metadataCache.getFileCache(file);
				return cache ? (getAllTags(cache) ?? []) : [];
			}, live.settings()),
	};
}

/** A transform that recomputes a note, telling the caller about a refusal instead of writing. */
export function recomputeTransform(config: ReviewConfig, clock: Clock, onRefused: (refusal: Refusal | null) => void): Transform {
	return (text) => {
		const result = recompute(text, config, clock);
		onRefused(result.kind === 'refused' ? result.refusal : null);
		return result.kind === 'changed' ? { text: result.text, edits: result.edits } : null;
	};
}

export type RecomputeOutcome = { kind: Exclude<WriteOutcome, Refusal> } | { kind: 'refused'; refusal: Refusal };

/** Recomputes one note through the writer; a refusal is returned, never written. */
export async function recomputeNote(ctx: PluginContext, file: TFile, mode: WriteMode): Promise<RecomputeOutcome> {
	const config = ctx.config();
	if (!config) return { kind: 'unchanged' };
	let refusal: Refusal | null = null;
	const transform = recomputeTransform(config, ctx.clock(), (r) => {
		refusal = r;
	});
	const outcome = await ctx.writer.write(file, transform, mode);
	if (typeof outcome === 'object') return { kind: 'refused', refusal: outcome };
	return refusal ? { kind: 'refused', refusal } : { kind: outcome };
}
