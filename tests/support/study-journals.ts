import { historyLine, isoOfDayNumber, type HistoryEntry, type ReviewEntry } from '../../src/engine';

/** A deterministic half year of study: busier on weekdays, a few gaps, some late reviews, one undo. */
export function studyJournals(notes: string[], today: number): Record<string, string> {
	let seed = 7;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	const laptop: ReviewEntry[] = [];
	const devices: Record<string, HistoryEntry[]> = { laptop, phone: [] };
	for (let day = today - 182; day <= today; day++) {
		const weekday = (day + 4) % 7;
		// The last twelve days without a gap: a current streak to show.
		const count = Math.max(day > today - 12 ? 1 : 0, random() < 0.18 ? 0 : Math.floor(random() * (weekday === 0 || weekday === 6 ? 3 : 7)));
		for (let i = 0; i < count; i++) {
			const device = random() < 0.4 ? 'phone' : 'laptop';
			const hour = String(7 + Math.floor(random() * 14)).padStart(2, '0');
			const late = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0;
			devices[device]!.push({ at: `${isoOfDayNumber(day)}T${hour}:${String(i * 5).padStart(2, '0')}:00+09:00`, path: notes[Math.floor(random() * notes.length)]!, stage: [1, 4, 7, 14][i % 4]!, due: isoOfDayNumber(day - late), action: 'done' });
		}
	}
	const last = laptop.at(-1)!;
	laptop.push({ ...last, at: last.at.replace(/:00\+09:00$/, ':30+09:00'), action: 'undo' });
	laptop.push({ ...last, at: last.at.replace(/:00\+09:00$/, ':40+09:00') });
	return Object.fromEntries(Object.entries(devices).map(([device, entries]) => [device, entries.sort((a, b) => (a.at < b.at ? -1 : 1)).map(historyLine).join('')]));
}
