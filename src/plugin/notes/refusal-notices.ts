import { Notice } from 'obsidian';
import type { Refusal } from '../../engine';
import { problemText, t } from '../../locale';

/**
 * One notice per refused note per session, never one per keystroke. Once the note is fixed it is
 * forgotten, so a later, different problem is reported again.
 */
export class RefusalNotices {
	/** Refused notes, until they are fixed. */
	private readonly reported = new Set<string>();

	report(path: string, refusal: Refusal): void {
		if (this.reported.has(path)) return;
		this.reported.add(path);
		new Notice(t('notice.refused', { path, reason: problemText(refusal) }));
	}

	clear(path: string): void {
		this.reported.delete(path);
	}
}
