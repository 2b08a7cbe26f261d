/** A note's title as Obsidian shows it: the file name without folder or ".md". */
export function noteTitle(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
}
