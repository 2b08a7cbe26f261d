import type { ProblemParams } from '../engine';

/** A value the engine passed with a code, as text ('' when absent). */
export const s = (p: ProblemParams, name: string): string => String(p[name] ?? '');
