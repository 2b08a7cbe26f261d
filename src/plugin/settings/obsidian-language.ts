import { getLanguage } from 'obsidian';
import { setUiLanguage } from '../../locale';

/** Picks the UI language from Obsidian's; called once on load. */
export function useObsidianLanguage(): void {
	setUiLanguage(getLanguage());
}
