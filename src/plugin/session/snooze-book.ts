import { dayNumberOf, type IndexSnooze, indexSnoozes, liveSnoozes, type Snoozes, type Stage, type StageId, toIsoDate } from '../../engine';

/**
 * The learner's snoozes, kept in the plugin's data (synced with it, so every device hides the same
 * reviews). Expired ones are dropped on load and on every change; a rename carries the snooze along;
 * marking the review done clears it. The note itself is never touched.
 */
export class SnoozeBook {
	private snoozes: Snoozes = {};

	constructor(
		/** Null while the settings do not work: snoozes are then kept as they are. */
		private readonly stages: () => readonly Stage[] | null,
		private readonly today: () => Date,
		/** Saves the data and tells the due list; called after every change. */
		private readonly changed: () => Promise<void>,
	) {}

	load(raw: unknown): void {
		this.snoozes = this.live(raw);
	}

	/** For data.json. */
	toJSON(): Snoozes {
		return this.snoozes;
	}

	/** For the due index: stage indexes and day numbers. */
	forIndex(): Map<string, IndexSnooze> {
		return indexSnoozes(this.snoozes, this.stages() ?? []);
	}

	async snooze(path: string, stage: StageId, until: Date): Promise<void> {
		this.snoozes = this.live({ ...this.snoozes, [path]: { stage, until: toIsoDate(until) } });
		await this.changed();
	}

	/** The snoozes that still hold (see liveSnoozes); all of them, unchecked, while there is no schedule. */
	private live(raw: unknown): Snoozes {
		const stages = this.stages();
		if (stages) return liveSnoozes(raw, stages, dayNumberOf(this.today()));
		return typeof raw === 'object' && raw !== null ? (raw as Snoozes) : {};
	}

	async clear(path: string): Promise<void> {
		if (!(path in this.snoozes)) return;
		const { [path]: _cleared, ...rest } = this.snoozes;
		this.snoozes = rest;
		await this.changed();
	}

	async rename(oldPath: string, newPath: string): Promise<void> {
		const snooze = this.snoozes[oldPath];
		if (!snooze) return;
		const { [oldPath]: _moved, ...rest } = this.snoozes;
		this.snoozes = { ...rest, [newPath]: snooze };
		await this.changed();
	}
}
