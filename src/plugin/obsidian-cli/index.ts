/** Obsidian's own command line (1.12.2+): `forgetting-curve:due` and `forgetting-curve:stats`. The feature's one door: other features import only what is named here. */
export { registerObsidianCli } from './obsidian-cli';
