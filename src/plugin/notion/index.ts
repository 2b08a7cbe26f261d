/** Importing a Notion export from inside the vault: the command, its dialog, and the vault's reads and writes. The feature's one door: other features import only what is named here. */
export { notionImporter } from './notion-features';
