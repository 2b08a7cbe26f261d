import { EN, type LocaleTable } from './en';
import { KO } from './ko';

/** The languages Forgetting Curve speaks. The CLI speaks English; the plugin follows Obsidian's language. */
export type Language = 'en' | 'ko';

export const TABLES: Record<Language, LocaleTable> = { en: EN, ko: KO };

/** Obsidian's language code as one of ours; English for every language we do not have. */
export const languageOf = (code: string): Language => (Object.prototype.hasOwnProperty.call(TABLES, code) ? (code as Language) : 'en');
