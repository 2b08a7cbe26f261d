import { existsSync } from 'node:fs';
import { nodeHttp } from '../src/cli/node-http';
import { CalDavClient, dailyEvents, syncCalendar, type CalendarNote, type HttpClient, type ReviewConfig } from '../src/engine';
import { writeEventResource } from '../src/engine/calendar/ical';
import { dayWords } from '../src/locale';
import { configWith, englishStageNames } from '../tests/helpers';
import { RADICALE, startRadicale } from '../tests/support/radicale';
import { round } from './measure';

const NOTES = 500;

/**
 * 500 review notes of a learner who reviews on time: first studied over the last 60 days, every review
 * due before today done, so each note waits at its current stage on today or a day ahead.
 */
function onTimeNotes(config: ReviewConfig, today: number): CalendarNote[] {
	return Array.from({ length: NOTES }, (_, i) => {
		const firstDay = today - (i % 60);
		const doneMask = config.stages.reduce((mask, stage, bit) => (firstDay + stage.days < today ? mask | (1 << bit) : mask), 0);
		return { path: `Reviews/note ${i}.md`, firstDay, doneMask };
	});
}

/**
 * The daily reminder's first push of a 500-note vault into an empty calendar on a local Radicale: its
 * PUTs (one per day with reviews) and time, beside Radicale's own time for as many PUTs of a similar
 * event (the same resources under other names, one request after another, nothing else) in the same
 * run; then the requests of a sync with nothing to change (target 1: the REPORT). Skipped, with a note
 * on stderr, where Radicale is not installed.
 */
export async function caldavBench(): Promise<Record<string, number>> {
	if (!existsSync(RADICALE)) {
		process.stderr.write(`caldav figures skipped: ${RADICALE} is not installed (apt-get install radicale)\n`);
		return {};
	}
	const server = await startRadicale();
	try {
		const today = 20_000;
		const config = configWith({ preset: 'en' });
		const events = dailyEvents(onTimeNotes(config, today), config, { today, vaultName: 'Bench', reminderMinutes: 540, stageName: englishStageNames, dayWords: dayWords('ko'), timeZone: 'Asia/Seoul' });
		const methods: string[] = [];
		const counting: HttpClient = (request) => {
			methods.push(request.method);
			return nodeHttp(request);
		};
		const client = new CalDavClient(counting, server.user, server.password, server.url);
		const { home } = await client.discover(server.url);
		const calendar = (await client.createCalendar(home, 'bench', 'Bench')).url;
		const floorCalendar = (await client.createCalendar(home, 'floor', 'Floor')).url;
		const now = new Date();
		methods.length = 0;
		const start = performance.now();
		const first = await syncCalendar(client, calendar, events, now, 'Bench');
		const firstMs = performance.now() - start;
		if (first.created !== events.length) throw new Error(`first sync created ${first.created} of ${events.length}`);
		const puts = methods.filter((m) => m === 'PUT').length;
		const firstRequests = methods.length;
		// Radicale's own time for as many PUTs of the same events, bare.
		const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
		const stamp = '20241001T000000Z';
		const floorStart = performance.now();
		for (const [i, event] of events.entries()) {
			const answer = await nodeHttp({ url: `${floorCalendar}floor-${i}.ics`, method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'text/calendar; charset=utf-8' }, body: writeEventResource({ ...event, uid: `floor-${i}` }, stamp, ['X-FORGETTING-CURVE-HASH:0000000000000000']) });
			if (answer.status >= 300) throw new Error(`floor PUT: HTTP ${answer.status}`);
		}
		const floorMs = performance.now() - floorStart;
		methods.length = 0;
		const noopStart = performance.now();
		await syncCalendar(client, calendar, events, now, 'Bench');
		const noopMs = performance.now() - noopStart;
		return {
			caldav_daily_first_push_500_notes_ms: round(firstMs, 0),
			caldav_daily_first_push_500_notes_puts: puts,
			caldav_daily_first_push_requests: firstRequests,
			caldav_daily_floor_radicale_puts_ms: round(floorMs, 0),
			caldav_daily_first_push_vs_floor: round(firstMs / floorMs, 2),
			caldav_noop_sync_requests: methods.length,
			caldav_noop_sync_500_ms: round(noopMs, 1),
		};
	} finally {
		await server.dispose();
	}
}
