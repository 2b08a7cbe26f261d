import { DONE, RENAME, UNDO, type Journals } from './journal';

/**
 * Indexes of every entry in one timeline: by instant, and for equal instants in file order (devices
 * sorted by id), so the result does not depend on the order the files were listed in. Each device's
 * file is already in time order as appending makes it (checked, and sorted when not: a clock set
 * back), so the devices are merged in one pass rather than sorted together.
 */
export function timeline(journals: Journals): Int32Array {
	const instants = journals.instants;
	const runs = journals.devices.map(({ start, end }) => {
		const order = new Int32Array(end - start);
		let sorted = true;
		for (let i = 0; i < order.length; i++) {
			order[i] = start + i;
			if (i > 0 && instants[start + i]! < instants[start + i - 1]!) sorted = false;
		}
		if (!sorted) order.sort((a, b) => instants[a]! - instants[b]! || a - b);
		return order;
	});
	const merged = new Int32Array(journals.length);
	if (runs.length === 1) return runs[0]!;
	const heads = new Int32Array(runs.length);
	const count = runs.length;
	for (let out = 0; out < merged.length; out++) {
		let best = 0;
		let bestInstant = Infinity;
		for (let k = 0; k < count; k++) {
			const run = runs[k]!;
			const head = heads[k]!;
			if (head < run.length) {
				const instant = instants[run[head]!]!;
				if (instant < bestInstant) {
					best = k;
					bestInstant = instant;
				}
			}
		}
		merged[out] = runs[best]![heads[best]!]!;
		heads[best]!++;
	}
	return merged;
}

/** The reviews that count, as entry indexes in time order, with the path each note is last known by. */
export interface Counted {
	/** Indexes into the journals' columns of the "done" entries no undo took back, in time order. */
	entries: Int32Array;
	/** Per counted entry: the note's latest path (index into pathNames), renames followed. */
	latestPaths: Int32Array;
}

/**
 * An "undo" cancels the latest earlier "done" of the same note and stage not already cancelled,
 * following renames, so a review done, moved and then undone is still taken back.
 */
export function countReviews(journals: Journals): Counted {
	const order = timeline(journals);
	const stageCount = Math.max(1, journals.stageNames.length);
	// A note's identity per path; a rename hands it to the new path.
	const identityOfPath = new Int32Array(journals.pathNames.length).fill(-1);
	const latestPathOf: number[] = [];
	const identity = (path: number) => {
		let id = identityOfPath[path]!;
		if (id < 0) {
			id = latestPathOf.length;
			latestPathOf.push(path);
			identityOfPath[path] = id;
		}
		return id;
	};
	const identities = new Int32Array(journals.length);
	const cancelled = new Uint8Array(journals.length);
	const open = new Map<number, number[]>();
	const { actions, paths, froms, stages } = journals;
	for (let o = 0; o < order.length; o++) {
		const i = order[o]!;
		const action = actions[i]!;
		if (action === RENAME) {
			const id = identity(froms[i]!);
			identityOfPath[froms[i]!] = -1;
			identityOfPath[paths[i]!] = id;
			latestPathOf[id] = paths[i]!;
			continue;
		}
		if (action !== DONE && action !== UNDO) continue;
		const id = identity(paths[i]!);
		identities[i] = id;
		const key = id * stageCount + stages[i]!;
		if (action === DONE) {
			const stack = open.get(key);
			if (stack) stack.push(i);
			else open.set(key, [i]);
		} else {
			const taken = open.get(key)?.pop();
			if (taken !== undefined) cancelled[taken] = 1;
		}
	}
	const entries: number[] = [];
	for (let o = 0; o < order.length; o++) {
		const i = order[o]!;
		if (actions[i] === DONE && cancelled[i] === 0) entries.push(i);
	}
	const latestPaths = new Int32Array(entries.length);
	for (let k = 0; k < entries.length; k++) latestPaths[k] = latestPathOf[identities[entries[k]!]!]!;
	return { entries: Int32Array.from(entries), latestPaths };
}
