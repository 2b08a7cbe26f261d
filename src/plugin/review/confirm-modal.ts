import { type App, Modal, Setting } from 'obsidian';
import { t } from '../../locale';

/** Asks one yes/no question; resolves true only when the learner confirms. */
export function confirm(app: App, title: string, body: string, confirmLabel: string): Promise<boolean> {
	return new Promise((resolve) => {
		new ConfirmModal(app, title, body, confirmLabel, resolve).open();
	});
}

class ConfirmModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private readonly title: string,
		private readonly body: string,
		private readonly confirmLabel: string,
		private readonly answer: (yes: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(this.title);
		this.contentEl.createEl('p', { text: this.body });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText(t('button.cancel')).onClick(() => this.reply(false)))
			.addButton((button) =>
				button
					.setButtonText(this.confirmLabel)
					.setCta()
					.onClick(() => this.reply(true)),
			);
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) this.answer(false);
	}

	private reply(yes: boolean): void {
		this.answered = true;
		this.answer(yes);
		this.close();
	}
}
