import { existsSync } from 'node:fs';
import { nodeHttp } from '../src/cli/node-http';
import { CalDavClient, reviewEvents, syncCalendar, type CalendarNote, type HttpClient } from '../src/engine';
import { configWith, englishStageNames } from '../tests/helpers';
import { RADICALE, startRadicale } from '../tests/support/radicale';
import { round } from './measure';

/**
 * The CalDAV push against a local Radicale: 500 review notes into an empty calendar (2,500 events), and
 * the requests a sync makes when nothing changed (target 1: the REPORT). Skipped, with a note on
 * stderr, where Radicale is not installed.
 */
export async function caldavBench(): Promise<Record<string, number>> {
	if (!existsSync(RADICALE)) {
		process.stderr.write(`caldav figures skipped: ${RADICALE} is not installed (apt-get install radicale)\n`);
		return {};
	}
	const server = await startRadicale();
	try {
		const today = 20_000;
		const notes: CalendarNote[] = Array.from({ length: 500 }, (_, i) => ({ path: `Reviews/note ${i}.md`, firstDay: today - (i % 40), doneMask: 0 }));
		const events = reviewEvents(notes, configWith({ preset: 'en' }), { today, vaultName: 'Bench', reminderMinutes: 540, stageName: englishStageNames });
		let requests = 0;
		const counting: HttpClient = (request) => {
			requests++;
			return nodeHttp(request);
		};
		const client = new CalDavClient(counting, server.user, server.password, server.url);
		const { home } = await client.discover(server.url);
		const calendar = (await client.createCalendar(home, 'bench', 'Bench')).url;
		const now = new Date();
		const start = performance.now();
		const first = await syncCalendar(client, calendar, events, now, 'Bench');
		const firstMs = performance.now() - start;
		if (first.created !== events.length) throw new Error(`first sync created ${first.created} of ${events.length}`);
		requests = 0;
		const noopStart = performance.now();
		await syncCalendar(client, calendar, events, now, 'Bench');
		const noopMs = performance.now() - noopStart;
		return {
			caldav_first_sync_500_ms: round(firstMs, 0),
			caldav_first_sync_500_events: events.length,
			caldav_noop_sync_requests: requests,
			caldav_noop_sync_500_ms: round(noopMs, 1),
		};
	} finally {
		await server.dispose();
	}
}
