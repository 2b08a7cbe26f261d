import { Lexer } from 'yaml';
import { refusal, type Refusal } from './refusal';

/**
 * What one note may cost to read. The yaml library composes nodes recursively: nesting deep enough
 * overflows the stack, and in V8 an overflow inside a regular expression's compilation is a fatal
 * out-of-memory crash of the whole process, not a RangeError we could catch. So nesting is measured
 * before the library sees the text, in one linear pass, and a frontmatter past either limit is refused
 * as too complex to read safely. Both limits are far beyond any note a person or a tool writes
 * (Obsidian's own Properties view shows a few levels), and small enough that reading stays well under
 * a frame's worth of work per kilobyte on a phone.
 */
export const READ_BUDGET = {
	/** Characters (UTF-16 code units) between the frontmatter's `---` lines. */
	maxFrontmatterChars: 256 * 1024,
	/** Levels of nested lists and maps, block and flow together. */
	maxDepth: 100,
	/** Bytes of a whole note file the CLI reads at all (a string over ~512 MB cannot even exist in V8). */
	maxNoteBytes: 64 * 1024 * 1024,
} as const;

/** A refusal when the frontmatter text is over the budget; null when it may be parsed. */
export function overBudget(yaml: string): Refusal | null {
	if (yaml.length > READ_BUDGET.maxFrontmatterChars) {
		return refusal('too-large', { size: yaml.length, limit: READ_BUDGET.maxFrontmatterChars });
	}
	if (depthBound(yaml) <= READ_BUDGET.maxDepth) return null;
	return nestingDepth(yaml, READ_BUDGET.maxDepth) > READ_BUDGET.maxDepth ? refusal('too-deep', { limit: READ_BUDGET.maxDepth }) : null;
}

/**
 * An upper bound of the nesting depth from characters alone: every flow level needs a `[` or `{`,
 * and every block level on a line needs a column of indentation or an indicator (`-`, `?`, `:`) on
 * that line. Almost every note is far under the limit here, and skips the lexer.
 */
function depthBound(yaml: string): number {
	let openers = 0;
	let lineMost = 0;
	let onLine = 0;
	for (let i = 0; i < yaml.length; i++) {
		const c = yaml.charCodeAt(i);
		if (c === 0x5b || c === 0x7b) openers++;
		else if (c === 0x0a) {
			if (onLine > lineMost) lineMost = onLine;
			onLine = 0;
		} else if (c === 0x20 || c === 0x09 || c === 0x2d || c === 0x3f || c === 0x3a) onLine++;
	}
	return openers + Math.max(lineMost, onLine) + 1;
}

/**
 * The nesting depth as the yaml lexer sees it (quoted text, comments and block scalars hold no
 * levels), stopping as soon as it passes `limit`. The lexer is a linear, non-recursive state machine.
 */
function nestingDepth(yaml: string, limit: number): number {
	let flow = 0;
	let deepest = 0;
	const indents: number[] = [];
	let lineStart = true;
	let indent = 0;
	let indicators = 0;
	let scalarNext = false;
	for (const token of new Lexer().lex(yaml)) {
		if (scalarNext) {
			// The source of a scalar: text, never structure.
			scalarNext = false;
			lineStart = false;
			continue;
		}
		const first = token[0];
		if (first === '\u001f') {
			scalarNext = true;
			if (lineStart) openLine();
			continue;
		}
		if (first === '\n' || first === '\r') {
			lineStart = true;
			indent = 0;
			indicators = 0;
			continue;
		}
		if (first === ' ' || first === '\t') {
			if (lineStart) indent = token.length;
			continue;
		}
		if (first === '#') continue;
		if (lineStart) openLine();
		if (token === '[' || token === '{') flow++;
		else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
		else if (token === '-' || token === '?' || token === ':') indicators++;
		// The top level (the frontmatter's own map) is level 0.
		const depth = Math.max(0, indents.length - 1) + indicators + flow;
		if (depth > deepest) deepest = depth;
		if (deepest > limit) return deepest;
	}
	return deepest;

	// The first content of a line closes the block levels indented deeper than it.
	function openLine(): void {
		lineStart = false;
		if (flow > 0) return;
		while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
		if (indents[indents.length - 1] !== indent) indents.push(indent);
	}
}
