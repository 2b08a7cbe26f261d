import type { ReviewConfig } from '../config';
import { listOrPlainValue, plainValue } from '../frontmatter';
import type { OpenedNote } from '../recompute';
import { subjectText } from './facets';
import { frontmatterTags, inlineTags } from './note-tags';

/**
 * The subject and tags of a note read from its text (the CLI's way; the plugin reads Obsidian's
 * cache): the subject key's text value, and the frontmatter's and body's tags.
 */
export function textFacets(text: string, note: Extract<OpenedNote, { kind: 'ok' }>, config: Pick<ReviewConfig, 'subjectKey'>): { subject: string | null; tags: string[] } {
	const subject = config.subjectKey === null ? undefined : plainValue(note.map, config.subjectKey);
	const written = listOrPlainValue(note.map, 'tags') ?? listOrPlainValue(note.map, 'tag');
	const closing = text.indexOf('\n', note.block.end);
	const body = closing < 0 ? '' : text.slice(closing + 1);
	return {
		subject: subjectText(subject),
		tags: [...(written === undefined || written === null ? [] : frontmatterTags(written)), ...inlineTags(body)],
	};
}
