import type { App, TFile } from 'obsidian';
import { recompute, type Clock, type ForgettingCurveSettings, type Refusal, type ReviewConfig } from '../engine';
import type { EditingGuard } from './editing-guard';
import type { NoteWriter, Transform, WriteMode, WriteOutcome } from './note-writer';
import type { RefusalNotices } from './refusal-notices';

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
