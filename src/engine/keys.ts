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

/** A frontmatter object's values by canonical key (the first spelling wins). */
export function canonicalFrontmatter(frontmatter: Record<string, unknown>): Map<string, unknown> {
	const byKey = new Map<string, unknown>();
	for (const key of Object.keys(frontmatter)) {
		const canonical = canonicalKey(key);
		if (!byKey.has(canonical)) byKey.set(canonical, frontmatter[key]);
	}
	return byKey;
}

/** Looks keys up in a frontmatter object (Obsidian's metadata cache) as spelled, else canonically. */
export function frontmatterLookup(frontmatter: Record<string, unknown>): (key: string) => unknown {
	let canonical: Map<string, unknown> | null = null;
	return (key) => {
		if (key in frontmatter) return frontmatter[key];
		canonical ??= canonicalFrontmatter(frontmatter);
		return canonical.get(canonicalKey(key));
	};
}
