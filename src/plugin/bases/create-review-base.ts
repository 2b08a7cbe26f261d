import { type App, Modal, normalizePath, Notice, Setting } from 'obsidian';
import { type ForgettingCurveSettings, reviewBaseText, type ReviewConfig } from '../../engine';
import { t } from '../../locale';
import { REVIEW_SCHEDULE_VIEW } from './review-schedule-view';

export const DEFAULT_BASE_NAME = 'Reviews';
/** Characters no file name may hold on one of Obsidian's platforms. */
const FORBIDDEN = /[\\/:*?"<>|]/;

export type BaseWrite = { kind: 'created'; path: string } | { kind: 'exists'; path: string } | { kind: 'invalid-name' };

/** `<name>.base` at the vault's root, unless a file is there already: an existing base is the learner's and is never replaced. */
export async function writeReviewBase(app: App, settings: ForgettingCurveSettings, config: ReviewConfig, name: string): Promise<BaseWrite> {
	const stem = name.trim().replace(/\.base$/i, '');
	if (stem === '' || FORBIDDEN.test(stem) || stem.startsWith('.')) return { kind: 'invalid-name' };
	const path = normalizePath(`${stem}.base`);
	if (app.vault.getAbstractFileByPath(path) || (await app.vault.adapter.exists(path))) return { kind: 'exists', path };
	const names = { table: t('base.table'), schedule: t('bases.view-name'), nextReview: t('base.next-review'), daysSince: t('base.days-since') };
	const scope = { includeFolders: settings.includeFolders, excludeFolders: settings.excludeFolders, tag: settings.tag };
	await app.vault.create(path, reviewBaseText(config, scope, names, REVIEW_SCHEDULE_VIEW));
	return { kind: 'created', path };
}

/** "Create a review base": asks for the file's name (Reviews), writes it, and opens it. */
export class CreateBaseModal extends Modal {
	constructor(
		app: App,
		private readonly create: (name: string) => Promise<BaseWrite>,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(t('modal.base-title'));
		this.contentEl.createEl('p', { text: t('modal.base-body') });
		let name = DEFAULT_BASE_NAME;
		const problem = this.contentEl.createDiv({ cls: 'forgetting-curve-problem' });
		const submit = async () => {
			const written = await this.create(name);
			if (written.kind === 'invalid-name') {
				problem.setText(t('modal.base-invalid'));
				return;
			}
			this.close();
			if (written.kind === 'exists') {
				new Notice(t('notice.base-exists', { path: written.path }));
				return;
			}
			new Notice(t('notice.base-created', { path: written.path }));
			const file = this.app.vault.getFileByPath(written.path);
			if (file) await this.app.workspace.getLeaf(false).openFile(file);
		};
		new Setting(this.contentEl).setName(t('modal.base-name')).addText((text) =>
			text.setValue(name).onChange((value) => {
				name = value;
				problem.setText('');
			}),
		);
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText(t('button.cancel')).onClick(() => this.close()))
			.addButton((button) => button.setButtonText(t('button.create')).setCta().onClick(() => void submit()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
