import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder with its bytes and modification time: what a second run must leave alone. */
export function folderSnapshot(folder: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (dir: string, prefix = '') => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
			else files[`${prefix}${entry.name}`] = `${readFileSync(path).toString('base64')} @${statSync(path).mtimeMs}`;
		}
	};
	walk(folder);
	return files;
}
