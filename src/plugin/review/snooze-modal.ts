import { addDays } from 'date-fns';
import { type App, Modal } from 'obsidian';
import { parseCalendarDate, toIsoDate } from '../../engine';
import { t } from '../../locale';

/**
 * Asks until which day to snooze a review: a native date input, tomorrow preselected, nothing before
 * tomorrow accepted. Resolves with the day, or null when closed.
 */
export function pickSnoozeDay(app: App, today: Date, stageName: string): Promise<Date | null> {
	return new Promise((resolve) => {
		const modal = new SnoozeModal(app, today, stageName, resolve);
		modal.open();
	});
}

class SnoozeModal extends Modal {
	private chosen: Date | null = null;

	constructor(
		app: App,
		private readonly today: Date,
		private readonly stageName: string,
		private readonly resolve: (day: Date | null) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(t('modal.snooze-title'));
		this.contentEl.createEl('p', { text: t('modal.snooze-body', { stage: this.stageName }) });
		const tomorrow = toIsoDate(addDays(this.today, 1));
		const input = this.contentEl.createEl('input', { cls: 'forgetting-curve-snooze-date', attr: { type: 'date', min: tomorrow, value: tomorrow } });
		const problem = this.contentEl.createDiv({ cls: 'forgetting-curve-problem' });
		const submit = () => {
			const parsed = parseCalendarDate(input.value);
			if (!parsed.ok || toIsoDate(parsed.date) < tomorrow) {
				problem.setText(t('modal.snooze-invalid'));
				return;
			}
			this.chosen = parsed.date;
			this.close();
		};
		input.addEventListener('keydown', (event) => {
			if (event.key === 'Enter') submit();
		});
		const buttons = this.contentEl.createDiv({ cls: 'modal-button-container' });
		buttons.createEl('button', { text: t('button.cancel') }).addEventListener('click', () => this.close());
		buttons.createEl('button', { cls: 'mod-cta', text: t('button.snooze') }).addEventListener('click', submit);
		input.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
		this.resolve(this.chosen);
	}
}
