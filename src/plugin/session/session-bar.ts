import { t } from '../../locale';

export interface SessionBarHandlers {
	done(): void;
	snooze(): void;
	skip(): void;
	end(): void;
}

export interface SessionBar {
	el: HTMLElement;
	setPosition(index: number, total: number): void;
	/** While an action runs, the buttons wait (a second click would act on the next note). */
	setBusy(busy: boolean): void;
}

/**
 * The review session's bar: "2 of 8 · Done · Snooze · Skip · End", drawn at the top of the note's own
 * view (not a modal: the note stays readable and editable). At the top it stays clear of the mobile
 * toolbar at the bottom. Styled in styles.css with Obsidian's variables.
 */
export function createSessionBar(handlers: SessionBarHandlers): SessionBar {
	const el = createDiv({ cls: 'forgetting-curve-session', attr: { role: 'toolbar', 'aria-label': t('command.review-due') } });
	const position = el.createSpan({ cls: 'forgetting-curve-session-position' });
	const buttons = [
		el.createEl('button', { cls: 'mod-cta forgetting-curve-session-done', text: t('session.done') }),
		el.createEl('button', { cls: 'forgetting-curve-session-snooze', text: t('session.snooze'), attr: { 'aria-label': t('session.snooze-tooltip') } }),
		el.createEl('button', { cls: 'forgetting-curve-session-skip', text: t('session.skip') }),
		el.createEl('button', { cls: 'forgetting-curve-session-end', text: t('session.end') }),
	];
	const actions = [() => handlers.done(), () => handlers.snooze(), () => handlers.skip(), () => handlers.end()];
	buttons.forEach((button, i) => button.addEventListener('click', () => actions[i]?.()));
	return {
		el,
		setPosition: (index, total) => position.setText(t('session.position', { index, total })),
		setBusy: (busy) => {
			for (const button of buttons) button.disabled = busy;
		},
	};
}
