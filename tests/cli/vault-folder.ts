import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_IN_CONFIG } from '../../src/cli/stats-command';

/** Where the CLI looks for the review journals by default: Obsidian's default config folder's. */
export const DEFAULT_HISTORY_FOLDER = `.obsidian/${HISTORY_IN_CONFIG}`;

/** The Korean template's checkboxes, in stage order (1, 4, 7, 14 days, long-term). */
export const KO_CHECKBOXES = ['❤1일복습여부', '🧡4일복습여부', '💛7일복습여부', '💚14일복습여부', '🧠장기기억'];

/** Writes a file into a vault folder on disk, making its folders. */
export function writeIn(vault: string, path: string, text: string): void {
	mkdirSync(join(vault, path, '..'), { recursive: true });
	writeFileSync(join(vault, path), text);
}
