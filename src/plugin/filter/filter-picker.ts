import { FACET_KINDS, type FacetCount, filterKey, isFacetOf, type ReviewFilter } from '../../engine';
import { t } from '../../locale';
import { kindHeading, termLabel } from './filter-words';

/** What the picker offers: the values with counts, the filter in force, and the figure to show beside each. */
export interface FilterChoices {
	facets: readonly FacetCount[];
	filter: ReviewFilter;
	/** 'due': reviews due now (the due list); 'notes': review notes (the statistics). */
	count: 'due' | 'notes';
	/** The same figure for every note: the "All notes" option's. */
	total: number;
}

/** The events that come before a select opens (the pointer coming over it, a click, a tap, the keyboard, a screen reader's focus). */
const OPENING_EVENTS = ['pointerenter', 'focus', 'mousedown', 'touchstart', 'keydown'] as const;

/**
 * A native select (Obsidian's `dropdown` look, and the phone's own picker on mobile) of "All notes"
 * and each subject, folder and tag with its count, grouped by kind. One value at a time: the CLI can
 * combine several; a learner picks one thing to review.
 *
 * Closed, it holds only the option in force: a select lays out every option's text to size itself, and
 * 139 of them (a 1,000-note vault's subjects and folders) cost the list's first drawing more than its
 * rows. The whole list is put in when the learner reaches for it (focus, press, tap, a key), before the
 * browser opens it; it is redrawn only when what it says changed, so a live update never closes it
 * under the learner's finger.
 */
export class FilterPicker {
	readonly el: HTMLSelectElement;
	private choices: FilterChoices | null = null;
	/** What the options drawn say; '' when only the option in force is drawn. */
	private drawn = '';
	private options: ReviewFilter[] = [];
	/** Each option's filter as one string (filterKey), to find the one in force without comparing filters. */
	private optionKeys: string[] = [];

	constructor(
		parent: HTMLElement,
		private readonly pick: (filter: ReviewFilter) => void,
	) {
		this.el = parent.createEl('select', { cls: 'dropdown forgetting-curve-filter', attr: { 'aria-label': t('filter.label') } });
		this.el.addEventListener('change', () => this.pick(this.options[this.el.selectedIndex] ?? []));
		for (const type of OPENING_EVENTS) this.el.addEventListener(type, () => this.open(), { passive: true });
	}

	update(choices: FilterChoices): void {
		this.choices = choices;
		if (this.drawn !== '' && this.el.ownerDocument.activeElement === this.el) this.open();
		else this.drawCurrent(choices);
	}

	/** The whole list, drawn when what it says changed. */
	private open(): void {
		const choices = this.choices;
		if (!choices) return;
		const facets = withRemembered(choices);
		const key = [choices.count, choices.total, ...facets.map((f) => `${f.kind}:${f.value}:${f[choices.count]}`)].join('\u0000');
		if (key !== this.drawn) {
			this.drawn = key;
			this.options = [[]];
			const options: HTMLElement[] = [createEl('option', { text: t('filter.all', { count: choices.total }) })];
			for (const kind of FACET_KINDS) {
				const ofKind = facets.filter((f) => f.kind === kind);
				if (ofKind.length === 0) continue;
				const group = createEl('optgroup', { attr: { label: kindHeading(kind) } });
				for (const facet of ofKind) {
					group.createEl('option', { text: optionText(facet, choices) });
					this.options.push([{ kind, value: facet.value }]);
				}
				options.push(group);
			}
			this.el.replaceChildren(...options);
			this.optionKeys = this.options.map(filterKey);
		}
		const selected = this.optionKeys.indexOf(filterKey(choices.filter));
		this.el.selectedIndex = selected < 0 ? 0 : selected;
	}

	/** Only the option in force, as the closed select shows it. */
	private drawCurrent(choices: FilterChoices): void {
		const term = choices.filter[0];
		const facet = term && withRemembered(choices).find((f) => isFacetOf(f, term));
		const text = facet ? optionText(facet, choices) : t('filter.all', { count: choices.total });
		this.drawn = '';
		this.options = [facet ? [{ kind: facet.kind, value: facet.value }] : []];
		this.optionKeys = this.options.map(filterKey);
		const only = this.el.options.length === 1 ? this.el.options[0] : null;
		if (only?.text !== text) this.el.replaceChildren(createEl('option', { text }));
		this.el.selectedIndex = 0;
	}
}

function optionText(facet: FacetCount, choices: FilterChoices): string {
	return `${termLabel(facet.kind, facet.value)} (${facet[choices.count]})`;
}

/** The choices, with a remembered value no note has now shown as chosen (with 0), so the learner sees why the list is empty. */
function withRemembered(choices: FilterChoices): FacetCount[] {
	const facets = [...choices.facets];
	for (const term of choices.filter) {
		if (!facets.some((f) => isFacetOf(f, term))) facets.push({ kind: term.kind, value: term.value, notes: 0, due: 0 });
	}
	return facets;
}
