import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { CHROMIUM } from '../support/chromium';

export { buildPage, CHROMIUM, launchChromium, OUT, ROOT, scriptLiteral } from '../support/chromium';

const available = existsSync(CHROMIUM);
/** CI installs Chromium (.ci/run), so there a missing browser is a failure, not a skip. */
export const needsBrowser = available || process.env.CI === 'true';
export const runIt = needsBrowser ? it : it.skip;
