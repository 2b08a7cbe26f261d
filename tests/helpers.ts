import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings, resolveConfig, type ForgettingCurveSettings, type ReviewConfig } from '../src/engine';

export function fixture(name: string): string {
	return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

export function configWith(overrides: Partial<ForgettingCurveSettings> = {}): ReviewConfig {
	const resolved = resolveConfig(loadSettings(overrides).settings);
	if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
	return resolved.config;
}

/** A local date-time, the way a learner's clock shows it. */
export function at(year: number, month: number, day: number, hour = 0, minute = 0): Date {
	return new Date(year, month - 1, day, hour, minute);
}
