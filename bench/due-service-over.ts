import { clockAt, type ReviewConfig } from '../src/engine';
import { DueService } from '../src/plugin/due/due-service';
import type { PluginContext } from '../src/plugin/notes';

/**
 * The plugin's own DueService over notes given as Obsidian's metadata cache holds them (path and
 * frontmatter), built as on start-up: what the due view draws from in the benchmarks, in Node and in
 * Chromium alike. `cache` is the metadata the service reads; change it and tell the service
 * (`onMetadataChanged`) as Obsidian's 'changed' event does.
 */
export function dueServiceOver(config: ReviewConfig, notes: readonly (readonly [string, Record<string, unknown>])[], now: Date): { service: DueService; cache: Map<string, { frontmatter: Record<string, unknown> }>; files: { path: string }[] } {
	const stored = new Map<string, unknown>();
	const files = notes.map(([path]) => ({ path }));
	const cache = new Map(notes.map(([path, frontmatter]) => [path, { frontmatter }]));
	const ctx = {
		app: {
			loadLocalStorage: (key: string) => stored.get(key) ?? null,
			saveLocalStorage: (key: string, value: unknown) => void stored.set(key, value),
			vault: { getMarkdownFiles: () => files },
			metadataCache: { getFileCache: (file: { path: string }) => cache.get(file.path) ?? null },
		},
		config: () => config,
		clock: () => clockAt(now),
		inScope: () => true,
	} as unknown as PluginContext;
	const service = new DueService(ctx);
	service.rebuild();
	return { service, cache, files };
}
