import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsProblemText } from '../src/locale/problems';
import { formatStage } from '../src/locale/stages';
import { loadSettings, PRESETS, resolveConfig, type ForgettingCurveSettings, type ReviewConfig, type Stage } from '../src/engine';

export function fixture(name: string): string {
	return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

export function configWith(overrides: Partial<ForgettingCurveSettings> = {}): ReviewConfig {
	const resolved = resolveConfig(loadSettings(overrides).settings);
	if (!resolved.ok) throw new Error(resolved.errors.map((e) => settingsProblemText(e, 'en')).join('\n'));
	return resolved.config;
}

/** A local date-time, the way a learner's clock shows it. */
export function at(year: number, month: number, day: number, hour = 0, minute = 0): Date {
	return new Date(year, month - 1, day, hour, minute);
}

/** The seed note (shared/fixtures) recomputed on 2024-10-28 at 09:05 with the template's rate formula. */
export function seedRecomputedOct28(): string {
	return fixture('seed-note.md')
		.replace('⏰오늘 : 2024/10/27', '⏰오늘 : 2024/10/28')
		.replace('❤26일째❤', '❤27일째❤')
		.replace('"@2024년 10월 27일 오후 2:00"', '"@2024년 10월 28일 오전 9:05"')
		.replace('오늘2: 2024/10/27', '오늘2: 2024/10/28')
		.replace('오늘과 첫학습날 사이: "26"', '오늘과 첫학습날 사이: "27"')
		.replace('사이: "26"\n"1일', '사이: "27"\n"1일');
}

/** Calendar events' stage names as the CLI gives them (English). */
export const englishStageNames = (stage: Stage) => formatStage(stage, 'review', 'en');

/**
 * A review note written the `en` preset's way: the first-study date, the first `done` checkboxes
 * ticked, an optional subject, extra frontmatter lines and a body. The one note builder of the tests.
 */
export function reviewNote({ first, done = 0, subject, extra = '', body = '' }: { first: string; done?: number; subject?: string; extra?: string; body?: string }): string {
	const preset = PRESETS.en;
	if (!preset) throw new Error('en preset missing');
	const ticked = Object.values(preset.checkboxKeys).slice(0, done).map((key) => `${key}: true\n`);
	return `---\n${preset.firstStudyKey}: ${first}\n${ticked.join('')}${subject ? `${preset.subjectKey}: ${subject}\n` : ''}${extra}---\n${body}`;
}
