/**
 * A review session: working through the due list one note at a time. It keeps only what the learner
 * did in it; the queue itself is always the live due list (overdue first, then today's, oldest due
 * first), so a note done elsewhere drops out and one that falls due joins. A note comes up once per
 * session, even when marking it done leaves another of its reviews overdue.
 */
export type SessionOutcome = 'done' | 'snoozed' | 'skipped';

export interface SessionSummary {
	done: number;
	snoozed: number;
	skipped: number;
}

export class ReviewSession {
	private readonly outcomes = new Map<string, SessionOutcome>();
	/** The note shown now; null once the session has run out of notes. */
	current: string | null = null;

	/** Moves to the first due note not yet handled; returns it (null: nothing left). */
	advance(due: readonly string[]): string | null {
		this.current = due.find((path) => !this.outcomes.has(path)) ?? null;
		return this.current;
	}

	record(path: string, outcome: SessionOutcome): void {
		this.outcomes.set(path, outcome);
	}

	/** A note moved: what was done to it stays with it. */
	rename(oldPath: string, newPath: string): void {
		const outcome = this.outcomes.get(oldPath);
		if (outcome) {
			this.outcomes.delete(oldPath);
			this.outcomes.set(newPath, outcome);
		}
		if (this.current === oldPath) this.current = newPath;
	}

	/** "2 of 8": handled notes plus the current one, out of handled plus every note still due. */
	position(due: readonly string[]): { index: number; total: number } {
		const waiting = due.filter((path) => !this.outcomes.has(path) && path !== this.current).length;
		const index = this.outcomes.size + (this.current === null ? 0 : 1);
		return { index, total: index + waiting };
	}

	summary(): SessionSummary {
		const summary: SessionSummary = { done: 0, snoozed: 0, skipped: 0 };
		for (const outcome of this.outcomes.values()) summary[outcome]++;
		return summary;
	}
}
