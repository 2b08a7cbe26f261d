import { ItemView, MarkdownView, Notice, type TFile, type WorkspaceLeaf } from 'obsidian';
import { type ReviewFilter, ReviewSession, type SessionOutcome } from '../../engine';
import { filterLabel } from '../filter';
import type { DueService } from '../due';
import { t } from '../../locale';
import type { PluginContext } from '../notes';
import type { ReviewActions } from '../review';
import { createSessionBar, type SessionBar } from './session-bar';

/**
 * "Review due notes": opens the first due note (overdue first, then today's, oldest due first) with
 * the session bar in its view; Done marks the review and opens the next, Snooze puts it off until
 * tomorrow, Skip moves on, End (or running out of notes) ends with a summary notice. The queue is the
 * live due list, so a note done elsewhere drops out.
 */
export class SessionController {
	private session: ReviewSession | null = null;
	private bar: SessionBar | null = null;
	private leaf: WorkspaceLeaf | null = null;
	private busy = false;
	/** The notes the session works through, live: today's due list, or the day a reminder's link named. */
	private queue: () => readonly string[] = () => this.service.duePaths();
	/** The filter the session works through (none for a reminder's day): its words stay on the bar. */
	private label = '';

	constructor(
		private readonly ctx: PluginContext,
		private readonly service: DueService,
		private readonly actions: ReviewActions,
		private readonly openCurve: () => void = () => undefined,
	) {}

	get active(): boolean {
		return this.session !== null;
	}

	/** The note the session shows now. */
	get current(): string | null {
		return this.session?.current ?? null;
	}

	/**
	 * Starts a session over today's due list as the filter picks it (every due note without one), or
	 * goes back to the current note of the one running. With a filter and nothing due in it, the notice
	 * says so and offers to clear the filter.
	 */
	async start(): Promise<void> {
		const filter = this.service.filter;
		const label = filterLabel(filter);
		return this.begin(() => this.service.duePaths(filter), () => (label === '' ? new Notice(t('session.nothing-due')) : this.nothingInFilter(label)), label);
	}

	/** "Review only …": sets the filter (remembered, as a pick in the due list) and starts its session. */
	async startFiltered(filter: ReviewFilter): Promise<void> {
		this.service.setFilter(filter);
		if (this.session?.current) this.end();
		return this.start();
	}

	/** "Nothing is due in 쿠버네티스." with a button that clears the filter. */
	private nothingInFilter(label: string): void {
		const message = createFragment((f) => {
			f.createDiv({ text: t('filter.nothing-due', { filter: label }) });
			const clear = f.createEl('button', { cls: 'forgetting-curve-clear-filter', text: t('filter.clear') });
			clear.addEventListener('click', () => {
				this.service.setFilter([]);
				notice.hide();
			});
		});
		const notice = new Notice(message, 10_000);
	}

	/**
	 * A daily reminder's link (`day` as a day number): today's or a past day's opens today's due list,
	 * which holds that day's reviews (overdue ones included); a later day's, the notes its event named,
	 * to review early. A session already running is taken up where it was.
	 */
	async startDay(day: number, dayText: string): Promise<void> {
		// The reminder named every review of its day: its link opens them all, whatever the filter.
		if (day <= this.service.today()) return this.begin(() => this.service.duePaths([]), () => new Notice(t('session.nothing-due')), '');
		return this.begin(() => this.service.pathsOnDay(day), () => new Notice(t('link.nothing-on-day', { date: dayText })), '');
	}

	/** Starts over `queue` (its filter's words on the bar, '' for none); `nothing` tells the learner when it is empty. */
	private async begin(queue: () => readonly string[], nothing: () => unknown, label: string): Promise<void> {
		if (this.session?.current) return this.show(this.session.current);
		const session = new ReviewSession();
		const first = session.advance(queue());
		if (!first) return void nothing();
		this.session = session;
		this.queue = queue;
		this.label = label;
		await this.show(first);
	}

	done(): Promise<void> {
		return this.act('done', (file) => this.actions.markDone(file));
	}

	snooze(): Promise<void> {
		return this.act('snoozed', (file) => this.actions.snooze(file));
	}

	skip(): Promise<void> {
		return this.act('skipped', () => Promise.resolve(true));
	}

	end(): void {
		const session = this.session;
		if (!session) return;
		this.session = null;
		this.detach();
		new Notice(t('session.summary', { ...session.summary() }));
	}

	/** The due list changed: the position follows it. */
	onDueChanged(): void {
		this.updatePosition();
	}

	onRenamed(oldPath: string, newPath: string): void {
		this.session?.rename(oldPath, newPath);
	}

	/** A note was opened anywhere: the bar shows only with the session's note. */
	onFileOpen(file: TFile | null): void {
		const current = this.session?.current;
		if (!current) return;
		if (file?.path === current) {
			// Wherever the learner opened it: the bar goes with the note.
			const leaf = this.ctx.app.workspace.getActiveViewOfType(MarkdownView)?.leaf;
			if (leaf) this.leaf = leaf;
			this.attach();
		} else if (this.leaf && this.leafFile(this.leaf) !== current) this.detach();
	}

	dispose(): void {
		this.detach();
		this.session = null;
	}

	/** Runs one action on the current note; when it took, records it and moves to the next note. */
	private async act(outcome: SessionOutcome, action: (file: TFile) => Promise<boolean>): Promise<void> {
		const session = this.session;
		const path = session?.current;
		if (!session || !path || this.busy) return;
		const file = this.ctx.app.vault.getFileByPath(path);
		this.busy = true;
		this.bar?.setBusy(true);
		try {
			// A note deleted meanwhile is passed over; an action that did not take (a refusal, a
			// cancelled question) leaves the session on the note.
			if (!file) session.record(path, 'skipped');
			else if (await action(file)) session.record(path, outcome);
			else return;
			const next = session.advance(this.queue());
			if (next) await this.show(next);
			else this.end();
		} finally {
			this.busy = false;
			this.bar?.setBusy(false);
		}
	}

	private async show(path: string): Promise<void> {
		const file = this.ctx.app.vault.getFileByPath(path);
		if (!file) return;
		// In the active tab, as a click in the due list opens a note: that is the tab with the bar.
		const leaf = this.ctx.app.workspace.getLeaf(false);
		await leaf.openFile(file);
		this.leaf = leaf;
		this.attach();
	}

	/** Puts the bar at the top of the session leaf's view. */
	private attach(): void {
		const view = this.leaf?.view;
		if (!(view instanceof ItemView)) return;
		if (!this.bar) {
			this.bar = createSessionBar({
				done: () => void this.done(),
				snooze: () => void this.snooze(),
				skip: () => void this.skip(),
				end: () => this.end(),
				curve: () => this.openCurve(),
			});
		}
		if (this.bar.el.parentElement !== view.contentEl) view.contentEl.prepend(this.bar.el);
		this.updatePosition();
	}

	private detach(): void {
		this.bar?.el.remove();
		this.bar = null;
	}

	private updatePosition(): void {
		if (!this.session || !this.bar) return;
		const { index, total } = this.session.position(this.queue());
		this.bar.setFilter(this.label);
		this.bar.setPosition(index, total);
	}

	private leafFile(leaf: WorkspaceLeaf): string | null {
		const view = leaf.view as { file?: TFile | null };
		return view.file?.path ?? null;
	}
}
