import type { ImportSkip } from '../engine';
import { t } from './ui';

/** A Notion row left out of an import, in words: "Broken date: skipped, "someday" in ❕첫 학습날 is not a date". */
export function importSkipText(skip: ImportSkip): string {
	const params = { key: skip.key ?? '', value: skip.value ?? '' };
	return t('import.skipped', { name: skip.name, reason: t(`import.why.${skip.code}`, params) });
}
