import { type App, Modal, Notice, Setting } from 'obsidian';
import { importSkipText, t } from '../../locale';
import type { ImportOutcome } from './import-from-vault';

/**
 * "Import a Notion export": the export's folder in the vault and the folder for the notes, a dry run
 * that lists what would be written, and the import. Skipped rows are listed by name.
 */
export class ImportNotionModal extends Modal {
	private from = '';
	private to = 'Reviews';

	constructor(
		app: App,
		private readonly run: (from: string, to: string, dryRun: boolean) => Promise<ImportOutcome | null>,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(t('modal.import-title'));
		this.contentEl.createEl('p', { text: t('modal.import-body') });
		new Setting(this.contentEl).setName(t('modal.import-from')).addText((text) => text.setPlaceholder('Notion').onChange((value) => (this.from = value.trim())));
		new Setting(this.contentEl).setName(t('modal.import-to')).addText((text) => text.setValue(this.to).onChange((value) => (this.to = value.trim())));
		const report = this.contentEl.createDiv({ cls: 'forgetting-curve-import-report' });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText(t('button.dry-run')).onClick(() => void this.go(report, true)))
			.addButton((button) => button.setButtonText(t('button.import')).setCta().onClick(() => void this.go(report, false)));
	}

	private async go(report: HTMLElement, dryRun: boolean): Promise<void> {
		report.empty();
		const outcome = await this.run(this.from, this.to, dryRun);
		if (!outcome || outcome.plan.notes.length + outcome.plan.skipped.length === 0) {
			report.createDiv({ cls: 'forgetting-curve-problem', text: t('import.nothing', { folder: this.from || '/' }) });
			return;
		}
		const lines = [
			...(dryRun ? [t('import.would-write', { count: outcome.fresh.length }), ...outcome.fresh.map((path) => `  ${path}`)] : []),
			...outcome.existing.map((path) => t('import.exists', { path })),
			...outcome.plan.skipped.map(importSkipText),
		];
		const list = report.createEl('ul');
		for (const line of lines) list.createEl('li', { text: line.trim() });
		if (dryRun) return;
		const done = t('import.done', { written: outcome.fresh.length, copied: outcome.copied, existing: outcome.existing.length, skipped: outcome.plan.skipped.length });
		report.createEl('p', { text: done });
		new Notice(done);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
