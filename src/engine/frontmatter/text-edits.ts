/** A replacement of text[from, to) by `insert`: the unit both the file writer and the editor apply. */
export interface TextEdit {
	from: number;
	to: number;
	insert: string;
}

/** Applies non-overlapping edits; every byte outside them is kept as it was. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.from - b.from);
	let out = '';
	let cursor = 0;
	for (const edit of sorted) {
		if (edit.from < cursor || edit.to < edit.from || edit.to > text.length) {
			throw new RangeError(`Overlapping or out-of-range edit at ${edit.from}-${edit.to}`);
		}
		out += text.slice(cursor, edit.from) + edit.insert;
		cursor = edit.to;
	}
	return out + text.slice(cursor);
}
