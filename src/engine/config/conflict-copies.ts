/**
 * Copies that sync services leave beside a note when two devices changed it at once. They carry the
 * note's frontmatter, first-study key included, but are not review notes of their own: counting them
 * would list, remind and calendar the same review twice. Data, one pattern per service; matched on the
 * file name only (a folder may be called anything).
 */
export const CONFLICT_COPY_PATTERNS: readonly { service: string; pattern: RegExp }[] = [
	// Obsidian Sync "Note (Conflicted copy Laptop 202411281230).md", Dropbox "Note (Jane's conflicted
	// copy 2024-11-28).md", Nextcloud "Note (conflicted copy 2024-11-28 123456).md"
	{ service: 'Obsidian Sync, Dropbox, Nextcloud', pattern: /\([^)]*\bconflicted copy\b[^)]*\)/i },
	// Syncthing: "Note.sync-conflict-20241128-123456-ABCDEFG.md"
	{ service: 'Syncthing', pattern: /\.sync-conflict-\d{8}-\d{6}(-[A-Z0-9]+)?/ },
];

export function isConflictCopy(path: string): boolean {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return CONFLICT_COPY_PATTERNS.some(({ pattern }) => pattern.test(name));
}
