import { FACET_KINDS, type FacetCount, facetKey, filterKey, type ReviewFilter } from '../../engine';
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

/**
 * A native select (Obsidian's `dropdown` look, and the phone's own picker on mobile) of "All notes"
 * and each subject, folder and tag with its count, grouped by kind. One value at a time: the CLI can
 * combine several; a learner picks one thing to review. The options are redrawn only when what they
 * say changed, so a live update never closes the picker under the learner's finger.
 */
export class FilterPicker {
	readonly el: HTMLSelectElement;
	private key = '';
	private options: ReviewFilter[] = [];
	/** Each option's filter as one string (filterKey), to find the one in force without comparing filters. */
	private optionKeys: string[] = [];

	constructor(
		parent: HTMLElement,
		private readonly pick: (filter: ReviewFilter) => void,
	) {
		this.el = parent.createEl('select', { cls: 'dropdown forgetting-curve-filter', attr: { 'aria-label': t('filter.label') } });
		this.el.addEventListener('change', () => this.pick(this.options[this.el.selectedIndex] ?? []));
	}

	update(choices: FilterChoices): void {
		const facets = [...choices.facets];
		// A remembered value no note has now is still shown as chosen (with 0), so the learner sees why the list is empty.
		for (const term of choices.filter) {
			if (!facets.some((f) => f.kind === term.kind && facetKey(f.kind, f.value) === facetKey(term.kind, term.value))) facets.push({ kind: term.kind, value: term.value, notes: 0, due: 0 });
		}
		const key = [choices.count, choices.total, ...facets.map((f) => `${f.kind}:${f.value}:${f[choices.count]}`)].join('\u0000');
		if (key !== this.key) {
			this.key = key;
			this.draw(facets, choices);
		}
		const selected = this.optionKeys.indexOf(filterKey(choices.filter));
		this.el.selectedIndex = selected < 0 ? 0 : selected;
	}

	private draw(facets: FacetCount[], choices: FilterChoices): void {
		this.options = [[]];
		const options: HTMLElement[] = [createEl('option', { text: t('filter.all', { count: choices.total }) })];
		for (const kind of FACET_KINDS) {
			const ofKind = facets.filter((f) => f.kind === kind);
			if (ofKind.length === 0) continue;
			const group = createEl('optgroup', { attr: { label: kindHeading(kind) } });
			for (const facet of ofKind) {
				group.createEl('option', { text: `${termLabel(kind, facet.value)} (${facet[choices.count]})` });
				this.options.push([{ kind, value: facet.value }]);
			}
			options.push(group);
		}
		this.el.replaceChildren(...options);
		this.optionKeys = this.options.map(filterKey);
	}
}
