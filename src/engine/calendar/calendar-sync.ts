import { type CalendarEvent, propertyValues, writeEventResource } from './ical';
import { EVENT_UID_SUFFIX, hash, utcStamp, vaultTag } from './review-calendar';
import { asCollection, type CalDavClient, CalDavError, type CalDavFailure, type RemoteResource } from '../caldav';

/**
 * Pushes the review calendar into a CalDAV calendar. The server is the source of truth: each sync
 * fetches the calendar's events (one REPORT), picks out this vault's, compares them with what should be
 * there, and PUTs what is new or changed and DELETEs what is done or gone. Nothing else is kept between
 * syncs, so two devices syncing one calendar converge, and a change missed while offline is delivered
 * by the next sync.
 *
 * Only this vault's events are ever touched: their UID is `<vault>.<note>-<stage>@forgetting-curve`
 * (review-calendar.ts), and they carry X-FORGETTING-CURVE-HASH, a hash of the event's content (DTSTAMP
 * aside), which also tells whether an event changed without comparing texts that servers reformat.
 * Everything is addressed by the resource's URL as the server listed it, never by UID alone.
 */
export const MARK_PROPERTY = 'X-FORGETTING-CURVE-HASH';

/** An event the server would not take, named for the learner. */
export interface FailedEvent {
	summary: string;
	failure: CalDavFailure;
	status: number | null;
}

export interface SyncCounts {
	created: number;
	updated: number;
	deleted: number;
	unchanged: number;
	/** Events the server refused one by one; the others went out. */
	failed: FailedEvent[];
	/** Events with this vault's UID but not its mark and not wanted any more: another app's edit, left alone. */
	leftAlone: string[];
}

interface Desired {
	uid: string;
	hash: string;
	event: CalendarEvent;
}

interface Remote {
	uid: string;
	/** Our mark, or null when the event has our UID without it (rewritten by another app, or imported from the .ics). */
	hash: string | null;
	resource: RemoteResource;
}

/** How many requests run at once: fast on a local server, gentle on a hosted one. */
const PARALLEL = 4;

/** Failures that are the whole server's or the account's, not one event's: the sync stops and says so. */
const WHOLE_SYNC: ReadonlySet<CalDavFailure> = new Set(['unauthorized', 'insecure', 'elsewhere', 'userinfo', 'timeout', 'network', 'too-large', 'not-a-calendar']);

function contentHash(event: CalendarEvent): string {
	// A timed event's time joins the list only when there is one: per-review events keep the marks they had.
	const time = event.time ? [event.time.minutes, event.time.durationMinutes, event.time.zone] : [];
	return hash(JSON.stringify([event.uid, event.day, event.nextDay, event.summary, event.description, event.url ?? '', event.alarmMinutes, ...time]));
}

/** The address of an event's resource: derived from its UID, so every device PUTs to the same one. */
export function resourceUrl(calendarUrl: string, uid: string): string {
	return new URL(`${encodeURIComponent(uid.replace(EVENT_UID_SUFFIX, ''))}.ics`, asCollection(calendarUrl)).href;
}

/** `<vault>.` of a UID this version writes; null for another app's UID or one written before vaults had a part. */
function vaultOf(uid: string): string | null {
	const dot = uid.indexOf('.');
	return uid.endsWith(EVENT_UID_SUFFIX) && dot > 0 ? uid.slice(0, dot) : null;
}

export interface SyncPlan {
	create: Desired[];
	update: { desired: Desired; remote: Remote }[];
	remove: Remote[];
	unchanged: number;
	leftAlone: Remote[];
}

/**
 * What to send: pure, so it is tested without a server. `vault` is this vault's part of the UIDs
 * (vaultTag), given, never guessed from the events: a vault with no review left still owns its events.
 */
export function planSync(events: readonly CalendarEvent[], resources: readonly RemoteResource[], vault: string): SyncPlan {
	const desired = new Map(events.map((event) => [event.uid, { uid: event.uid, hash: contentHash(event), event }]));
	// A UID written before UIDs had the vault's part ("<note>-<stage>@…"), by note and stage: this vault's
	// event for that review replaces it; one no event of this vault matches may be another vault's.
	const legacyWanted = new Set([...desired.keys()].map((uid) => (uid.startsWith(`${vault}.`) ? uid.slice(vault.length + 1) : uid)));
	const plan: SyncPlan = { create: [], update: [], remove: [], unchanged: 0, leftAlone: [] };
	const seen = new Set<string>();
	for (const resource of resources) {
		const [uid] = propertyValues(resource.data, 'UID');
		if (!uid?.endsWith(EVENT_UID_SUFFIX)) continue;
		const [mark] = propertyValues(resource.data, MARK_PROPERTY);
		const remote: Remote = { uid, hash: mark?.trim() ?? null, resource };
		const owner = vaultOf(uid);
		if (owner === null) {
			if (remote.hash !== null && legacyWanted.has(uid)) plan.remove.push(remote);
			continue;
		}
		if (owner !== vault) continue;
		const wanted = desired.get(uid);
		if (seen.has(uid) && remote.hash !== null) plan.remove.push(remote); // a second copy at another address
		else if (!wanted) {
			if (remote.hash !== null) plan.remove.push(remote);
			else plan.leftAlone.push(remote);
		} else if (wanted.hash === remote.hash) plan.unchanged++;
		else plan.update.push({ desired: wanted, remote }); // changed, or ours without the mark: taken over
		seen.add(uid);
	}
	for (const wanted of desired.values()) if (!seen.has(wanted.uid)) plan.create.push(wanted);
	return plan;
}

/**
 * One sync of the review events into `calendarUrl`. A 412 (another device got there first) refetches
 * and plans again, up to three times. An event the server refuses on its own (403, 413, 5xx) is
 * counted in `failed` and the others go out; a failure of the whole sync (the password, the server
 * gone, an address elsewhere) throws CalDavError. Before the first write the address is checked to be
 * a calendar, so a PUT never lands in an account's home. `vaultName` names the vault whose events
 * these are (review-calendar.ts vaultTag): only its events are changed or deleted.
 */
export async function syncCalendar(client: CalDavClient, calendarUrl: string, events: readonly CalendarEvent[], now: Date, vaultName: string): Promise<SyncCounts> {
	const vault = vaultTag(vaultName);
	const stamp = utcStamp(now);
	// What each event came to over every attempt: an event created before a 412 and found unchanged
	// after it was created, not unchanged; so created + updated + unchanged + refused = events.
	const written = new Map<string, 'created' | 'updated'>();
	const removed = new Set<string>();
	let checked = false;
	for (let attempt = 1; ; attempt++) {
		const plan = planSync(events, await client.events(calendarUrl), vault);
		const writes = plan.create.length + plan.update.length + plan.remove.length;
		if (writes > 0 && !checked) {
			await client.checkCalendar(calendarUrl);
			checked = true;
		}
		const resource = (d: Desired) => writeEventResource(d.event, stamp, [`${MARK_PROPERTY}:${d.hash}`]);
		const wrote = (uid: string, how: 'created' | 'updated') => written.set(uid, written.get(uid) ?? how);
		const tasks: Task[] = [
			...plan.create.map((d) => ({ uid: d.uid, summary: d.event.summary, run: async () => (await client.put(resourceUrl(calendarUrl, d.uid), resource(d), { create: true }), wrote(d.uid, 'created')) })),
			...plan.update.map(({ desired, remote }) => ({ uid: desired.uid, summary: desired.event.summary, run: async () => (await client.put(remote.resource.url, resource(desired), { etag: remote.resource.etag }), wrote(desired.uid, 'updated')) })),
			...plan.remove.map((remote) => ({ uid: null, summary: client.redact(summaryOf(remote.resource.data) ?? remote.uid), run: async () => (await client.remove(remote.resource.url, remote.resource.etag), removed.add(remote.resource.url)) })),
		];
		const failures = await inParallel(tasks, PARALLEL);
		const whole = failures.find((f) => WHOLE_SYNC.has(f.error.failure));
		if (whole) throw whole.error;
		// Every write refused alike (a read-only calendar): that is the calendar's answer, not an event's.
		const [first] = failures;
		if (first && tasks.length > 1 && failures.length === tasks.length && failures.every((f) => f.error.failure === first.error.failure && f.error.failure !== 'precondition')) throw first.error;
		const raced = failures.some((f) => f.error.failure === 'precondition');
		if (raced && attempt < 3) continue;
		const refused = new Set(failures.flatMap((f) => (f.uid === null ? [] : [f.uid])));
		const count = (how: 'created' | 'updated') => [...written].filter(([uid, was]) => was === how && !refused.has(uid)).length;
		const created = count('created');
		const updated = count('updated');
		return {
			created,
			updated,
			deleted: removed.size,
			unchanged: events.length - created - updated - refused.size,
			failed: failures.map((f) => ({ summary: f.summary, failure: f.error.failure, status: f.error.status })),
			leftAlone: plan.leftAlone.map((remote) => client.redact(summaryOf(remote.resource.data) ?? remote.uid)),
		};
	}
}

interface Task {
	/** The event's UID when the task writes one; null for a removal. */
	uid: string | null;
	summary: string;
	run: () => Promise<unknown>;
}

function summaryOf(data: string): string | undefined {
	return propertyValues(data, 'SUMMARY')[0]?.trim();
}

/** Runs every task, at most `limit` at a time, and returns the ones that failed with why. */
async function inParallel(tasks: readonly Task[], limit: number): Promise<{ uid: string | null; summary: string; error: CalDavError }[]> {
	let next = 0;
	const failures: { uid: string | null; summary: string; error: CalDavError }[] = [];
	const worker = async () => {
		while (next < tasks.length) {
			const task = tasks[next++];
			if (!task) continue;
			try {
				await task.run();
			} catch (e) {
				failures.push({ uid: task.uid, summary: task.summary, error: e instanceof CalDavError ? e : new CalDavError('network', null, (e as Error).message) });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return failures;
}
