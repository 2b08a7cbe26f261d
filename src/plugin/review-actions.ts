import { Notice, type TFile } from 'obsidian';
import { frontmatterLookup, markCurrentStageDone, readInputs, replacementEdit, startReviewing, toIsoDate, type Refusal, type StageStatus } from '../engine';
import { confirm } from './confirm-modal';
import { problemText, stageText, t } from './i18n';
import type { PluginContext } from './plugin-context';
import { nextReviewText } from './review-labels';

interface MarkRecord {
	before: string;
	after: string;
	stage: string;
}

export type Confirm = (title: string, body: string, confirmLabel: string) => Promise<boolean>;

/** The learner's explicit actions on one note: mark done, undo that, start reviewing. */
export class ReviewActions {
	/** The last mark per note this session, for undo. */
	private readonly marks = new Map<string, MarkRecord>();
	confirm: Confirm;

	constructor(private readonly ctx: PluginContext) {
		this.confirm = (title, body, label) => confirm(ctx.app, title, body, label);
	}

	/** From the metadata cache, so the command palette can ask cheaply on every keystroke. */
	canMarkDone(file: TFile): boolean {
		const config = this.ctx.config();
		const frontmatter = this.frontmatterOf(file);
		if (!config || !frontmatter || !this.ctx.inScope(file)) return false;
		const inputs = readInputs(frontmatterLookup(frontmatter), config);
		return inputs.kind === 'ok' && [...inputs.inputs.done.values()].some((done) => !done);
	}

	canStart(file: TFile): boolean {
		const config = this.ctx.config();
		if (!config || file.extension !== 'md') return false;
		const frontmatter = this.frontmatterOf(file);
		const value = frontmatter ? frontmatterLookup(frontmatter)(config.firstStudyKey) : undefined;
		return value === undefined || value === null || value === '';
	}

	canUndo(file: TFile): boolean {
		return this.marks.has(file.path);
	}

	async markDone(file: TFile): Promise<void> {
		const config = this.ctx.config();
		if (!config) return;
		const clock = this.ctx.clock();
		const preview = markCurrentStageDone(await this.ctx.writer.read(file), config, clock);
		if (preview.kind === 'refused') return this.refused(file, preview.refusal);
		if (preview.kind === 'all-done') return void new Notice(t('notice.all-done'));
		if (preview.kind !== 'marked') return;
		if (preview.early) {
			const body = t('modal.early-body', { stage: stageText(preview.stage.stage, 'name'), due: toIsoDate(preview.stage.due) });
			if (!(await this.confirm(t('modal.early-title'), body, t('button.mark-early')))) return;
		}
		let record: MarkRecord | null = null;
		const outcome = await this.ctx.writer.write(
			file,
			(text) => {
				const result = markCurrentStageDone(text, config, clock);
				if (result.kind !== 'marked') return null;
				record = { before: text, after: result.text, stage: stageText(result.stage.stage, 'name') };
				return { text: result.text, edits: result.edits };
			},
			'command',
		);
		if (typeof outcome === 'object') return this.refused(file, outcome);
		if (!record || outcome !== 'written') return;
		this.marks.set(file.path, record);
		new Notice(preview.next ? t('notice.marked', { stage: stageText(preview.stage.stage, 'name'), next: nextReviewText(preview.next) }) : t('notice.marked-last', { stage: stageText(preview.stage.stage, 'name') }));
	}

	/** Restores the exact text from before the last mark, as long as nothing changed since. */
	async undo(file: TFile): Promise<void> {
		const record = this.marks.get(file.path);
		if (!record) return;
		let restored = false;
		const outcome = await this.ctx.writer.write(
			file,
			(text) => {
				if (text !== record.after) return null;
				restored = true;
				return { text: record.before, edits: [replacementEdit(text, record.before)] };
			},
			'command',
		);
		if (typeof outcome === 'object') return this.refused(file, outcome);
		this.marks.delete(file.path);
		new Notice(restored && outcome === 'written' ? t('notice.undone', { stage: record.stage }) : t('notice.undo-stale'));
	}

	async start(file: TFile): Promise<void> {
		const config = this.ctx.config();
		if (!config) return;
		const clock = this.ctx.clock();
		let refusal: Refusal | null = null;
		let next: StageStatus | null = null;
		const outcome = await this.ctx.writer.write(
			file,
			(text) => {
				const result = startReviewing(text, config, clock);
				if (result.kind === 'refused') refusal = result.refusal;
				if (result.kind !== 'started') return null;
				next = result.next;
				return { text: result.text, edits: result.edits };
			},
			'command',
		);
		if (typeof outcome === 'object') return this.refused(file, outcome);
		if (refusal) return this.refused(file, refusal);
		if (outcome === 'written' && next) new Notice(t('notice.started', { next: nextReviewText(next) }));
	}

	private frontmatterOf(file: TFile): Record<string, unknown> | undefined {
		return this.ctx.app.metadataCache.getFileCache(file)?.frontmatter;
	}

	private refused(file: TFile, refusal: Refusal): void {
		new Notice(t('notice.refused', { path: file.path, reason: problemText(refusal) }));
	}
}
