import { type ForgettingCurveSettings, isConflictCopy } from '../../engine';

/**
 * Which notes the plugin looks at, beyond having the first-study key: optional include/exclude folders
 * and an optional tag (nested tags count: "study" matches "#study/k8s"). Tags are asked for only when a
 * tag is set: building the due index checks every note, so the common case stays a string compare.
 * A sync service's conflict copy is never in scope: it would count the same reviews twice.
 */
export function isInScope(path: string, tags: () => readonly string[], settings: ForgettingCurveSettings): boolean {
	if (!path.endsWith('.md') || isConflictCopy(path)) return false;
	const inFolder = (folder: string) => {
		const clean = folder.trim().replace(/^\/+|\/+$/g, '');
		return clean === '' || path.startsWith(`${clean}/`);
	};
	const include = settings.includeFolders.filter((f) => f.trim() !== '');
	if (include.length > 0 && !include.some(inFolder)) return false;
	if (settings.excludeFolders.some((f) => f.trim() !== '' && inFolder(f))) return false;
	const tag = settings.tag.trim().replace(/^#/, '').toLowerCase();
	if (tag === '') return true;
	return tags().some((t) => {
		const name = t.replace(/^#/, '').toLowerCase();
		return name === tag || name.startsWith(`${tag}/`);
	});
}
