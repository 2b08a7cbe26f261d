/**
 * A note's tags as Obsidian reads them, for the CLI, which reads files rather than Obsidian's cache
 * (the plugin takes the inline tags from the metadata cache): the frontmatter's `tags` (a list, or a
 * string of names split by commas or spaces) and `#tags` in the body outside code.
 */

/** The frontmatter's `tags` value as tag names (a list's items, or a string split by commas or spaces). */
export function frontmatterTags(value: unknown): string[] {
	const items = Array.isArray(value) ? (value as unknown[]) : [value];
	const tags: string[] = [];
	for (const item of items) {
		if (typeof item !== 'string' && typeof item !== 'number') continue;
		for (const name of String(item).split(/[,\s]+/)) {
			const tag = name.replace(/^#/, '');
			if (isTagName(tag)) tags.push(tag);
		}
	}
	return tags;
}

/**
 * `#name` at the start of a line or after a space, where a name is letters, digits, `_`, `-` and `/`
 * with at least one that is not a digit (Obsidian's rule: `#2024` is not a tag). Fenced code blocks
 * and inline code are skipped; so is a heading's `# `, which has a space after the mark.
 */
export function inlineTags(body: string): string[] {
	const tags: string[] = [];
	let fence: string | null = null;
	for (const line of body.split('\n')) {
		const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (fence !== null) {
			if (opening && opening[1]!.startsWith(fence)) fence = null;
			continue;
		}
		if (opening) {
			fence = opening[1]!;
			continue;
		}
		const text = line.replace(/(`+)[^`]*?\1/g, ' ');
		for (const match of text.matchAll(/(?:^|\s)#([\p{L}\p{N}\p{M}_/-]+)/gu)) {
			if (isTagName(match[1]!)) tags.push(match[1]!);
		}
	}
	return tags;
}

function isTagName(name: string): boolean {
	return name !== '' && !/^[\d/]*$/.test(name);
}
