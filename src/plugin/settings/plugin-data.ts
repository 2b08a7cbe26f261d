import { normalizePath, type Plugin } from 'obsidian';

/** The plugin's own folder in the vault's config folder (data.json, the journals). */
export function pluginFolder(plugin: Plugin): string {
	return plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
}

export interface LoadedPluginData {
	data: unknown;
	/** data.json exists but is not JSON at all: nothing in it could be read. */
	unreadable: boolean;
}

/**
 * data.json as Obsidian's loadData reads it, which rejects when the file is not JSON (a sync conflict's
 * markers, a file cut short, a hand edit): the plugin must still start, with its defaults.
 */
export async function loadPluginData(plugin: Plugin): Promise<LoadedPluginData> {
	try {
		return { data: await plugin.loadData(), unreadable: false };
	} catch {
		return { data: null, unreadable: true };
	}
}

/**
 * Copies a data.json the plugin could not fully read to `data.damaged-<time>.json` beside it, before
 * anything saves over it: the learner's settings that were ignored can still be taken back by hand.
 * Returns the copy's file name, or null when there is no file to keep (or it could not be copied).
 */
export async function keepDamagedCopy(plugin: Plugin, at: Date): Promise<string | null> {
	const adapter = plugin.app.vault.adapter;
	const folder = pluginFolder(plugin);
	const original = normalizePath(`${folder}/data.json`);
	try {
		if (!(await adapter.exists(original))) return null;
		const pad = (n: number) => String(n).padStart(2, '0');
		const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
		const name = `data.damaged-${stamp}.json`;
		const copy = normalizePath(`${folder}/${name}`);
		// The copy keeps everything but a password written into an address (`https://me:pw@host`): that
		// is the one thing the plugin never stores, and the next save drops it from data.json too.
		if (!(await adapter.exists(copy))) await adapter.write(copy, (await adapter.read(original)).replace(/(\bhttps?:\/\/)[^\s/@"'<>]*@/gi, '$1'));
		return name;
	} catch {
		return null;
	}
}
