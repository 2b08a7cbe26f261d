import { setIcon } from 'obsidian';
import { t } from '../../locale';

export interface SessionBarHandlers {
	done(): void;
	snooze(): void;
	skip(): void;
	end(): void;
	/** Shows the note's forgetting curve beside it. */
	curve(): void;
}

export interface SessionBar {
	el: HTMLElement;
	setPosition(index: number, total: number): void;
	/** The session's filter in words ("Only 쿠버네티스"), or '' for every due note. */
	setFilter(label: string): void;
	/** While an action runs, the buttons wait (a second click would act on the next note). */
	setBusy(busy: boolean): void;
}

/**
 * The review session's bar: "2 of 8 · Done · Snooze · Skip · End · curve", drawn at the top of the note's own
 * view (not a modal: the note stays readable and editable). At the top it stays clear of the mobile
 * toolbar at the bottom. Styled in styles.css with Obsidian's variables.
 */
export function createSessionBar(handlers: SessionBarHandlers): SessionBar {
	const el = createDiv({ cls: 'forgetting-curve-session', attr: { role: 'toolbar', 'aria-label': t('command.review-due') } });
	const position = el.createSpan({ cls: 'forgetting-curve-session-position' });
	const filter = position.createSpan({ cls: 'forgetting-curve-session-filter' });
	const count = position.createSpan();
	const curve = createEl('button', { cls: 'clickable-icon forgetting-curve-session-curve', attr: { 'aria-label': t('curve.title') } });
	setIcon(curve, 'trending-down');
	const buttons = [
		el.createEl('button', { cls: 'mod-cta forgetting-curve-session-done', text: t('session.done') }),
		el.createEl('button', { cls: 'forgetting-curve-session-snooze', text: t('session.snooze'), attr: { 'aria-label': t('session.snooze-tooltip') } }),
		el.createEl('button', { cls: 'forgetting-curve-session-skip', text: t('session.skip') }),
		el.createEl('button', { cls: 'forgetting-curve-session-end', text: t('session.end') }),
		el.appendChild(curve),
	];
	const actions = [() => handlers.done(), () => handlers.snooze(), () => handlers.skip(), () => handlers.end(), () => handlers.curve()];
	buttons.forEach((button, i) => button.addEventListener('click', () => actions[i]?.()));
	return {
		el,
		setPosition: (index, total) => count.setText(t('session.position', { index, total })),
		setFilter: (label) => filter.setText(label === '' ? '' : `${t('session.filter', { filter: label })} · `),
		setBusy: (busy) => {
			for (const button of buttons) button.disabled = busy;
		},
	};
}
