import { type App, Modal, Notice, Setting } from 'obsidian';
import { importSkipText, t, zipProblemText } from '../../locale';
import type { ImportOutcome, ImportRefused, ImportSource, RepairOutcome } from './import-from-vault';

/**
 * "Import a Notion export": the export (a folder or .zip in the vault, or a zip picked on the device
 * with the system's file picker, on desktop and mobile) and the folder for the notes, a dry run that
 * lists what would be written, and the import. Skipped rows are listed by name; a refused zip says why.
 */
export class ImportNotionModal extends Modal {
	private from: ImportSource = { path: '' };
	private to = 'Reviews';
	/** Repair the notes Obsidian's Importer wrote in the folder, instead of importing. */
	private repair = false;

	constructor(
		app: App,
		private readonly run: (from: ImportSource, to: string, dryRun: boolean) => Promise<ImportOutcome | ImportRefused | null>,
		private readonly runRepair: (from: ImportSource, folder: string, dryRun: boolean) => Promise<RepairOutcome | ImportRefused | null>,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(t('modal.import-title'));
		this.contentEl.createEl('p', { text: t('modal.import-body') });
		const picker = this.contentEl.createEl('input', { type: 'file', attr: { accept: '.zip,application/zip', 'aria-hidden': 'true' }, cls: 'forgetting-curve-file-picker' });
		new Setting(this.contentEl)
			.setName(t('modal.import-from'))
			.setDesc(t('modal.import-from-desc'))
			.addText((text) => {
				text.setPlaceholder('Notion.zip').onChange((value) => (this.from = { path: value.trim() }));
				picker.addEventListener('change', () => {
					void this.picked(picker, (name) => {
						text.setValue(name);
					});
				});
			})
			.addButton((button) => button.setButtonText(t('button.choose-zip')).onClick(() => picker.click()));
		new Setting(this.contentEl).setName(t('modal.import-to')).addText((text) => text.setValue(this.to).onChange((value) => (this.to = value.trim())));
		new Setting(this.contentEl)
			.setName(t('modal.import-repair'))
			.setDesc(t('modal.import-repair-desc'))
			.addToggle((toggle) => toggle.setValue(false).onChange((value) => (this.repair = value)));
		const report = this.contentEl.createDiv({ cls: 'forgetting-curve-import-report' });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText(t('button.dry-run')).onClick(() => void this.go(report, true)))
			.addButton((button) => button.setButtonText(t('button.import')).setCta().onClick(() => void this.go(report, false)));
	}

	/** A zip chosen on the device: read once, kept for the dry run and the import. */
	private async picked(picker: HTMLInputElement, show: (name: string) => void): Promise<void> {
		const file = picker.files?.[0];
		if (!file) return;
		const zip = new Uint8Array(await file.arrayBuffer());
		// Shown in the field first: a field's change (typing a path) names another source.
		show(file.name);
		this.from = { zip, name: file.name };
	}

	private async go(report: HTMLElement, dryRun: boolean): Promise<void> {
		report.empty();
		if (this.repair) return this.goRepair(report, dryRun);
		const outcome = await this.run(this.from, this.to, dryRun);
		if (outcome && 'refused' in outcome) {
			report.createDiv({ cls: 'forgetting-curve-problem', text: zipProblemText(outcome.refused) });
			return;
		}
		if (!outcome || outcome.plan.notes.length + outcome.plan.skipped.length === 0) {
			const folder = 'path' in this.from ? this.from.path || '/' : this.from.name;
			report.createDiv({ cls: 'forgetting-curve-problem', text: t('import.nothing', { folder }) });
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

	private async goRepair(report: HTMLElement, dryRun: boolean): Promise<void> {
		const outcome = await this.runRepair(this.from, this.to, dryRun);
		if (outcome && 'refused' in outcome) {
			report.createDiv({ cls: 'forgetting-curve-problem', text: zipProblemText(outcome.refused) });
			return;
		}
		if (!outcome || outcome.repair.notes.length + outcome.repair.skipped.length === 0) {
			report.createDiv({ cls: 'forgetting-curve-problem', text: t('import.repair-nothing', { folder: this.to || '/' }) });
			return;
		}
		const fixes = (note: RepairOutcome['repair']['notes'][number]) => note.fixes.map((fix) => t('import.repair-fix', { key: fix.key, was: fix.was, value: fix.value })).join(', ');
		const list = report.createEl('ul');
		for (const note of outcome.repair.notes) list.createEl('li', { text: t(dryRun ? 'import.repair-would' : 'import.repair-fixed', { path: note.path, fixes: fixes(note) }) });
		for (const skipped of outcome.repair.skipped) list.createEl('li', { text: t('import.repair-ambiguous', { path: skipped.path }) });
		if (dryRun) return;
		const done = t('import.repair-done', { fixed: outcome.fixed.length });
		report.createEl('p', { text: done });
		new Notice(done);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
