/**
 * Where the frontmatter sits in a note: an optional BOM, a first line `---`, the YAML, and a closing
 * line `---`. Offsets are UTF-16 indices into the note, as the yaml library and Obsidian's editor use.
 */
export interface FrontmatterBlock {
	/** Offset of the first YAML character (just after the opening `---` line). */
	start: number;
	/** Offset of the closing `---` line. */
	end: number;
	/** Where new keys are inserted: the closing line, or a `...` end marker line just before it. */
	insertAt: number;
	/** The line ending the note uses, taken from the opening line. */
	eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';

export function findFrontmatter(text: string): FrontmatterBlock | null {
	const open = text.startsWith(BOM) ? BOM.length : 0;
	if (!text.startsWith('---', open)) return null;
	let eol: FrontmatterBlock['eol'];
	if (text.startsWith('\r\n', open + 3)) eol = '\r\n';
	else if (text.startsWith('\n', open + 3)) eol = '\n';
	else return null;
	const start = open + 3 + eol.length;
	for (let pos = start; pos <= text.length; ) {
		const newline = text.indexOf('\n', pos);
		const lineEnd = newline < 0 ? text.length : newline;
		const line = text.slice(pos, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
		if (line === '---') return { start, end: pos, insertAt: endMarkerBefore(text, start, pos) ?? pos, eol };
		if (newline < 0) break;
		pos = newline + 1;
	}
	// An opening line with no closing one is not frontmatter (Obsidian reads it as body text).
	return null;
}

/** The start of a `...` (YAML document end) line right before the closing line, if there is one. */
function endMarkerBefore(text: string, start: number, closing: number): number | null {
	if (closing <= start) return null;
	const lineEnd = text[closing - 2] === '\r' ? closing - 2 : closing - 1;
	const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
	return lineStart >= start && text.slice(lineStart, lineEnd).trimEnd() === '...' ? lineStart : null;
}
