import { Notice, type TFile } from 'obsidian';
import { addDays } from 'date-fns';
import {
	daysUntilDue,
	frontmatterLookup,
	markCurrentStageDone,
	readInputs,
	replacementEdit,
	scheduleFor,
	startReviewing,
	toIsoDate,
	type Refusal,
	type ReviewAction,
	type StageStatus,
} from '../../engine';
import { confirm } from './confirm-modal';
import { problemText, stageText, t } from '../../locale';
import type { PluginContext } from '../notes';
import { nextReviewText } from './review-labels';
import { pickSnoozeDay } from './snooze-modal';

interface MarkRecord {
	before: string;
	after: string;
	stage: StageStatus;
}

export type Confirm = (title: string, body: string, confirmLabel: string) => Promise<boolean>;

/** What the rest of the plugin hears of the learner's actions: the history journal, the snoozes. */
export interface ReviewListener {
	reviewed(action: ReviewAction, path: string, review: StageStatus): void;
	/** Puts the review off until `until`; the caller keeps it out of the due list until then. */
	snooze(path: string, review: StageStatus, until: Date): Promise<void>;
}

/** The learner's explicit actions on one note: mark done, undo that, start reviewing, snooze. */
export class ReviewActions {
	/** The last mark per note this session, for undo. */
	private readonly marks = new Map<string, MarkRecord>();
	confirm: Confirm;
	pickDay: (today: Date, stageName: string) => Promise<Date | null>;

	constructor(
		private readonly ctx: PluginContext,
		private readonly listener: ReviewListener,
	) {
		this.confirm = (title, body, label) => confirm(ctx.app, title, body, label);
		this.pickDay = (today, stageName) => pickSnoozeDay(ctx.app, today, stageName);
	}

	/** The note's current review when it is due today or overdue (what a snooze can put off), from the metadata cache. */
	dueReview(file: TFile): StageStatus | null {
		const config = this.ctx.config();
		const frontmatter = this.frontmatterOf(file);
		if (!config || !frontmatter || !this.ctx.inScope(file)) return null;
		const inputs = readInputs(frontmatterLookup(frontmatter), config);
		if (inputs.kind !== 'ok') return null;
		const schedule = scheduleFor(inputs.inputs, config, this.ctx.clock());
		const days = daysUntilDue(schedule);
		return schedule.current && days !== null && days <= 0 ? schedule.current : null;
	}

	/** Puts the note's due review off until `until` (tomorrow by default); false when none is due. */
	async snooze(file: TFile, until?: Date): Promise<boolean> {
		const review = this.dueReview(file);
		if (!review) {
			new Notice(t('notice.snooze-not-due'));
			return false;
		}
		const day = until ?? addDays(this.ctx.clock().today, 1);
		await this.listener.snooze(file.path, review, day);
		this.listener.reviewed('snooze', file.path, review);
		new Notice(t('notice.snoozed', { stage: stageText(review.stage, 'name'), date: toIsoDate(day) }));
		return true;
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

	/** Asks for the day (snooze-modal.ts), then snoozes until it. */
	async snoozeUntilPicked(file: TFile): Promise<boolean> {
		const review = this.dueReview(file);
		if (!review) return this.snooze(file);
		const day = await this.pickDay(this.ctx.clock().today, stageText(review.stage, 'name'));
		return day ? this.snooze(file, day) : false;
	}

	/** Marks the note's current review done; true when it was written. */
	async markDone(file: TFile): Promise<boolean> {
		const config = this.ctx.config();
		if (!config) return false;
		const clock = this.ctx.clock();
		const preview = markCurrentStageDone(await this.ctx.writer.read(file), config, clock);
		if (preview.kind === 'refused') return this.refused(file, preview.refusal);
		if (preview.kind === 'all-done') {
			new Notice(t('notice.all-done'));
			return false;
		}
		if (preview.kind !== 'marked') return false;
		if (preview.early) {
			const body = t('modal.early-body', { stage: stageText(preview.stage.stage, 'name'), due: toIsoDate(preview.stage.due) });
			if (!(await this.confirm(t('modal.early-title'), body, t('button.mark-early')))) return false;
		}
		let record: MarkRecord | null = null;
		const outcome = await this.ctx.writer.write(
			file,
			(text) => {
				const result = markCurrentStageDone(text, config, clock);
				if (result.kind !== 'marked') return null;
				record = { before: text, after: result.text, stage: result.stage };
				return { text: result.text, edits: result.edits };
			},
			'command',
		);
		if (typeof outcome === 'object') return this.refused(file, outcome);
		if (!record || outcome !== 'written') return false;
		this.marks.set(file.path, record);
		this.listener.reviewed('done', file.path, (record as MarkRecord).stage);
		new Notice(preview.next ? t('notice.marked', { stage: stageText(preview.stage.stage, 'name'), next: nextReviewText(preview.next) }) : t('notice.marked-last', { stage: stageText(preview.stage.stage, 'name') }));
		return true;
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
		if (typeof outcome === 'object') return void this.refused(file, outcome);
		this.marks.delete(file.path);
		const undone = restored && outcome === 'written';
		if (undone) this.listener.reviewed('undo', file.path, record.stage);
		new Notice(undone ? t('notice.undone', { stage: stageText(record.stage.stage, 'name') }) : t('notice.undo-stale'));
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
		if (typeof outcome === 'object') return void this.refused(file, outcome);
		if (refusal) return void this.refused(file, refusal);
		if (outcome === 'written' && next) {
			this.listener.reviewed('start', file.path, next);
			new Notice(t('notice.started', { next: nextReviewText(next) }));
		}
	}

	private frontmatterOf(file: TFile): Record<string, unknown> | undefined {
		return this.ctx.app.metadataCache.getFileCache(file)?.frontmatter;
	}

	private refused(file: TFile, refusal: Refusal): false {
		new Notice(t('notice.refused', { path: file.path, reason: problemText(refusal) }));
		return false;
	}
}
