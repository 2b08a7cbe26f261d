/**
 * When two frontmatter keys are the same key. Phone emoji keyboards add the variation selector U+FE0F
 * ("❤️" for "❤"), and text pasted from some macOS apps arrives with Hangul decomposed (NFD). A key is
 * compared in NFC with U+FE0E/U+FE0F removed; the note's own spelling is kept when it is written.
 */
export function canonicalKey(key: string): string {
	// ASCII is its own canonical form: most keys skip the normalisation.
	if (isAscii(key)) return key;
	return key.normalize('NFC').replace(/[\uFE0E\uFE0F]/g, '');
}

function isAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
	return true;
}

/**
 * The value of `key` in a frontmatter object (Obsidian's metadata cache), spelled exactly or any way
 * that is the same key; undefined when absent. Allocation-free: the due index calls it for every note
 * whose first-study key is not spelled exactly, which is most notes that are not review notes, so it
 * passes `target` (the key's canonical form) made once.
 */
export function lookupKey(frontmatter: Record<string, unknown>, key: string, target = canonicalKey(key)): unknown {
	const exact = frontmatter[key];
	if (exact !== undefined) return exact;
	for (const name in frontmatter) {
		// An ASCII name is its own canonical form: equal only when it is the target itself.
		if (isAscii(name) ? name === target : canonicalKey(name) === target) return frontmatter[name];
	}
	return undefined;
}

/** Looks keys up in a frontmatter object as spelled, else canonically (see lookupKey). */
export function frontmatterLookup(frontmatter: Record<string, unknown>): (key: string) => unknown {
	return (key) => lookupKey(frontmatter, key);
}
