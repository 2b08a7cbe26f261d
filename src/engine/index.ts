/** The engine's public surface: pure TypeScript, no Obsidian, shared by the plugin, the CLI and the tests. Each feature's door says what it offers. */
export * from './bases';
export * from './caldav';
export * from './calendar';
export * from './config';
export * from './due';
export * from './filter';
export * from './frontmatter';
export * from './history';
export * from './notion';
export * from './recompute';
export * from './reports';
export * from './schedule';
export * from './recall';
