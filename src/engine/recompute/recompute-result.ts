import type { Refusal, TextEdit } from '../frontmatter';
import type { Schedule } from '../schedule';

/** What recomputing a note comes to, on either path (recompute.ts, recompute-flat.ts): its own file, so neither path imports the other's module for it. */
export type RecomputeResult =
	| { kind: 'not-review' }
	| { kind: 'refused'; refusal: Refusal }
	| { kind: 'unchanged'; schedule: Schedule }
	| { kind: 'changed'; text: string; edits: TextEdit[]; schedule: Schedule };
