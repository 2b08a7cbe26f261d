import { propertyValues, writeEventResource, type CalendarEvent } from '../ical';
import { EVENT_UID_SUFFIX, hash, utcStamp } from '../review-calendar';
import { asCollection, CalDavError, type CalDavClient, type RemoteResource } from './caldav-client';

/**
 * Pushes the review calendar into a CalDAV calendar. The server is the source of truth: each sync
 * fetches the calendar's events (one REPORT), picks out ours, compares them with what should be there, and PUTs what is new or
 * changed and DELETEs what is done or gone. Nothing else is kept between syncs, so two devices syncing
 * one calendar converge, and a change missed while offline is delivered by the next sync.
 *
 * Only our events are ever touched: their UID ends in "@forgetting-curve" and they carry
 * X-FORGETTING-CURVE-HASH, a hash of the event's content (DTSTAMP aside), which also tells whether an
 * event changed without comparing texts that servers reformat.
 */
export const MARK_PROPERTY = 'X-FORGETTING-CURVE-HASH';

export interface SyncCounts {
	created: number;
	updated: number;
	deleted: number;
	unchanged: number;
}

interface Desired {
	uid: string;
	hash: string;
	event: CalendarEvent;
}

interface Ours {
	uid: string;
	hash: string;
	resource: RemoteResource;
}

/** How many requests run at once: fast on a local server, gentle on a hosted one. */
const PARALLEL = 4;

function contentHash(event: CalendarEvent): string {
	return hash(JSON.stringify([event.uid, event.day, event.nextDay, event.summary, event.description, event.url ?? '', event.alarmMinutes]));
}

/** The address of an event's resource: derived from its UID, so every device PUTs to the same one. */
export function resourceUrl(calendarUrl: string, uid: string): string {
	return new URL(`${encodeURIComponent(uid.replace(EVENT_UID_SUFFIX, ''))}.ics`, asCollection(calendarUrl)).href;
}

/** Our events among what the server sent: our UID suffix and our mark, nothing less. */
function oursAmong(resources: readonly RemoteResource[]): Ours[] {
	const ours: Ours[] = [];
	for (const resource of resources) {
		const [uid] = propertyValues(resource.data, 'UID');
		const [mark] = propertyValues(resource.data, MARK_PROPERTY);
		if (uid?.endsWith(EVENT_UID_SUFFIX) && mark) ours.push({ uid, hash: mark.trim(), resource });
	}
	return ours;
}

export interface SyncPlan {
	create: Desired[];
	update: { desired: Desired; remote: Ours }[];
	remove: Ours[];
	unchanged: number;
}

/** What to send: pure, so it is tested without a server. */
export function planSync(events: readonly CalendarEvent[], resources: readonly RemoteResource[]): SyncPlan {
	const desired = new Map(events.map((event) => [event.uid, { uid: event.uid, hash: contentHash(event), event }]));
	const plan: SyncPlan = { create: [], update: [], remove: [], unchanged: 0 };
	const seen = new Set<string>();
	for (const remote of oursAmong(resources)) {
		const wanted = desired.get(remote.uid);
		// Done, deleted or renamed notes; and a second copy of one UID, should a server hold one.
		if (!wanted || seen.has(remote.uid)) plan.remove.push(remote);
		else if (wanted.hash === remote.hash) plan.unchanged++;
		else plan.update.push({ desired: wanted, remote });
		seen.add(remote.uid);
	}
	for (const wanted of desired.values()) if (!seen.has(wanted.uid)) plan.create.push(wanted);
	return plan;
}

/**
 * One sync of the review events into `calendarUrl`. A 412 (another device got there first) refetches
 * and plans again, up to three times. Throws CalDavError when the server refuses.
 */
export async function syncCalendar(client: CalDavClient, calendarUrl: string, events: readonly CalendarEvent[], now: Date): Promise<SyncCounts> {
	const stamp = utcStamp(now);
	const counts: SyncCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
	for (let attempt = 1; ; attempt++) {
		const plan = planSync(events, await client.events(calendarUrl));
		counts.unchanged = plan.unchanged;
		const resource = (d: Desired) => writeEventResource(d.event, stamp, [`${MARK_PROPERTY}:${d.hash}`]);
		const tasks: (() => Promise<void>)[] = [
			...plan.create.map((d) => async () => {
				await client.put(resourceUrl(calendarUrl, d.uid), resource(d), { create: true });
				counts.created++;
			}),
			...plan.update.map(({ desired, remote }) => async () => {
				await client.put(remote.resource.url, resource(desired), { etag: remote.resource.etag });
				counts.updated++;
			}),
			...plan.remove.map((remote) => async () => {
				await client.remove(remote.resource.url, remote.resource.etag);
				counts.deleted++;
			}),
		];
		try {
			await inParallel(tasks, PARALLEL);
			return counts;
		} catch (e) {
			if (!(e instanceof CalDavError && e.failure === 'precondition') || attempt >= 3) throw e;
		}
	}
}

/** Runs tasks, at most `limit` at a time; the first failure is thrown once all started ones settle. */
async function inParallel(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
	let next = 0;
	const failures: Error[] = [];
	const worker = async () => {
		while (next < tasks.length && failures.length === 0) {
			const task = tasks[next++];
			try {
				await task?.();
			} catch (e) {
				failures.push(e instanceof Error ? e : new Error(String(e)));
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	if (failures[0]) throw failures[0];
}
