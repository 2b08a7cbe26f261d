import { type App, FuzzySuggestModal, type FuzzyMatch } from 'obsidian';
import type { FacetCount, ReviewFilter } from '../../engine';
import { t } from '../../locale';
import { kindHeading, termLabel } from './filter-words';

/**
 * "Review only a subject, folder or tag…": the values of the review notes, those with reviews due
 * first, each with "3 due of 5"; choosing one reviews it (the pick is remembered like the due list's).
 */
export class ReviewByModal extends FuzzySuggestModal<FacetCount> {
	constructor(
		app: App,
		private readonly facets: readonly FacetCount[],
		private readonly choose: (filter: ReviewFilter) => void,
	) {
		super(app);
		this.setPlaceholder(t('filter.suggest'));
	}

	override getItems(): FacetCount[] {
		// Stable: within "has reviews due" and "has none", the kinds' and values' order stays.
		return [...this.facets].sort((a, b) => Number(b.due > 0) - Number(a.due > 0));
	}

	override getItemText(facet: FacetCount): string {
		return termLabel(facet.kind, facet.value);
	}

	override renderSuggestion(match: FuzzyMatch<FacetCount>, el: HTMLElement): void {
		const facet = match.item;
		el.createDiv({ text: this.getItemText(facet) });
		el.createEl('small', { cls: 'forgetting-curve-suggest-note', text: `${kindHeading(facet.kind)} · ${t('filter.suggest-count', { count: facet.due, total: facet.notes })}` });
	}

	override onChooseItem(facet: FacetCount): void {
		this.choose([{ kind: facet.kind, value: facet.value }]);
	}
}
