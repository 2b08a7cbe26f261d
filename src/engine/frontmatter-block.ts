/**
 * Where the frontmatter sits in a note: an optional BOM, a first line `---`, the YAML, and a closing
 * line `---`. Offsets are UTF-16 indices into the note, as the yaml library and Obsidian's editor use.
 */
export interface FrontmatterBlock {
	/** Offset of the first YAML character (just after the opening `---` line). */
	start: number;
	/** Offset of the closing `---` line; new keys are inserted here. */
	end: number;
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
		if (line === '---') return { start, end: pos, eol };
		if (newline < 0) break;
		pos = newline + 1;
	}
	// An opening line with no closing one is not frontmatter (Obsidian reads it as body text).
	return null;
}
