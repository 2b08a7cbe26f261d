/**
 * Property values as Notion's "Markdown & CSV" export writes them, read into what a note's frontmatter
 * holds: dates in the forms a learner's workspace produces (`October 1, 2024`, `@October 1, 2024`,
 * `2024/10/01`, `2024-10-01`, `2024년 10월 1일`, each with an optional time: `2:00 PM`, `오후 2:00`;
 * a range keeps its start), and checkboxes as `Yes` / `No`.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
	const date = new Date(year, month - 1, day);
	return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** `2:00 PM`, `14:00`, `오후 2:00`: minutes since midnight, or null. */
function readTime(text: string): number | null {
	const match = /^(?:(오전|오후)\s*)?(\d{1,2}):(\d{2})(?:\s*(AM|PM))?$/i.exec(text.trim());
	if (!match) return null;
	let hour = Number(match[2]);
	const minute = Number(match[3]);
	const half = (match[1] ?? match[4] ?? '').toUpperCase();
	if (minute > 59 || hour > 23 || (half !== '' && (hour < 1 || hour > 12))) return null;
	if (half === 'PM' || half === '오후') hour = (hour % 12) + 12;
	if (half === 'AM' || half === '오전') hour %= 12;
	return hour * 60 + minute;
}

export interface NotionDate {
	/** `YYYY-MM-DD`. */
	date: string;
	/** `HH:mm` when the value had a time. */
	time?: string;
}

/** A Notion date as written in the export, or null when the text is not one. */
export function readNotionDate(raw: string): NotionDate | null {
	// A range "May 10, 2024 → May 26, 2024" starts on its first day; a mention keeps its "@".
	const text = raw.split('→')[0]!.trim().replace(/^@/, '').trim();
	const forms: [RegExp, (m: RegExpExecArray) => [number, number, number] | null][] = [
		[/^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})(.*)$/, (m) => (MONTHS.includes(m[1]!.toLowerCase()) ? [Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2])] : null)],
		[/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(.*)$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
		[/^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일(.*)$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
	];
	for (const [pattern, parts] of forms) {
		const match = pattern.exec(text);
		const ymd = match ? parts(match) : null;
		if (!match || !ymd) continue;
		const [year, month, day] = ymd;
		if (!validDay(year, month, day)) return null;
		const rest = (match[4] ?? '').trim().replace(/^T/, '');
		const date = `${year}-${pad(month)}-${pad(day)}`;
		if (rest === '') return { date };
		const minutes = readTime(rest);
		return minutes === null ? null : { date, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
	}
	return null;
}

/** A checkbox as the export writes it; null for anything else. */
export function readNotionCheckbox(text: string): boolean | null {
	const value = text.trim();
	return value === 'Yes' ? true : value === 'No' ? false : null;
}
