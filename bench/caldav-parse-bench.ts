import { parseXml, parseXmlInSlices, reviewEvents } from '../src/engine';
import { writeEventResource } from '../src/engine/calendar/ical';
import { configWith, englishStageNames } from '../tests/helpers';
import { medianMs, round } from './measure';

/**
 * Reading a large calendar's REPORT answer: a realistic 10 MB multistatus (our own events, as a server
 * sends them back, each with its href, ETag and calendar data) parsed by the XML reader, beside its
 * floor, one pass over the text looking at every character (what any reader must at least do).
 */
export function caldavParseBench(): Record<string, number> {
	const text = realisticReport(10 * 1024 * 1024);
	let elements = 0;
	const parseMs = medianMs(() => {
		elements = parseXml(text).children.length;
	}, 1, 5);
	let sink = 0;
	const scanMs = medianMs(() => {
		let tags = 0;
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 60) tags++;
		sink += tags;
	}, 1, 5);
	if (sink === 0 || elements === 0) throw new Error('the report is empty');
	return {
		caldav_parse_10mb_ms: round(parseMs, 0),
		caldav_parse_10mb_floor_scan_ms: round(scanMs, 1),
		caldav_parse_10mb_events: elements,
	};
}

/** The plugin's way: in slices, handing the thread back between them. The longest slice is what the UI feels. */
export async function caldavSlicedParseBench(): Promise<Record<string, number>> {
	const text = realisticReport(10 * 1024 * 1024);
	let longest = 0;
	let last = performance.now();
	const start = last;
	await parseXmlInSlices(text, 8, async () => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		await new Promise((resolve) => setTimeout(resolve, 0));
		last = performance.now();
	});
	longest = Math.max(longest, performance.now() - last);
	return { caldav_parse_10mb_sliced_total_ms: round(performance.now() - start, 0), caldav_parse_10mb_longest_slice_ms: round(longest, 1) };
}

/** A multistatus answer of about `size` characters holding review events. */
export function realisticReport(size: number): string {
	const notes = Array.from({ length: 3000 }, (_, i) => ({ path: `Reviews/Topic ${i} — 복습 노트.md`, firstDay: 20_000 - (i % 40), doneMask: 0 }));
	const events = reviewEvents(notes, configWith({ preset: 'en' }), { today: 20_000, vaultName: 'Bench', reminderMinutes: 540, stageName: englishStageNames });
	const parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'];
	let length = parts[0]?.length ?? 0;
	for (let i = 0; length < size; i++) {
		const event = events[i % events.length];
		if (!event) break;
		const data = writeEventResource({ ...event, uid: `${i}-${event.uid}` }, '20241010T000000Z', ['X-FORGETTING-CURVE-HASH:0123456789abcdef']).replace(/&/g, '&amp;').replace(/</g, '&lt;');
		const part = `<d:response><d:href>/learner/reviews/${i}.ics</d:href><d:propstat><d:prop><d:getetag>"${i}-etag"</d:getetag><c:calendar-data>${data}</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>\n`;
		parts.push(part);
		length += part.length;
	}
	parts.push('</d:multistatus>');
	return parts.join('');
}
