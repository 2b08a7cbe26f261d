import type { ImportSkip, ZipProblem } from '../engine';
import { t } from './ui';

/** A Notion row left out of an import, in words: "Broken date: skipped, "someday" in ❕첫 학습날 is not a date". */
export function importSkipText(skip: ImportSkip): string {
	const params = { key: skip.key ?? '', value: skip.value ?? '' };
	return t('import.skipped', { name: skip.name, reason: t(`import.why.${skip.code}`, params) });
}

/** Why a Notion export zip was not imported, in words; sizes in MB. */
export function zipProblemText(problem: ZipProblem): string {
	const limit = problem.code === 'zip-too-large' ? Math.round((problem.limit ?? 0) / 1024 / 1024) : (problem.limit ?? 0);
	const name = problem.code === 'zip-unreadable' ? (problem.name ? ` (${problem.name})` : '') : (problem.name ?? '');
	return t(`import.zip.${problem.code}`, { name, limit });
}
