/**
 * Calendar days as integers (days since 1970-01-01 in the proleptic Gregorian calendar). The due index
 * works on these: integer arithmetic needs no Date objects and cannot meet a DST hour.
 * Algorithms after Howard Hinnant's "chrono-compatible low-level date algorithms".
 */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The local calendar date of a Date, as a day number. */
export function dayNumberOf(date: Date): number {
	return daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Local midnight of a day number. */
export function dateOfDayNumber(days: number): Date {
	const { year, month, day } = civilFromDays(days);
	const date = new Date(year, month - 1, day);
	date.setFullYear(year);
	return date;
}

export function isoOfDayNumber(days: number): string {
	const { year, month, day } = civilFromDays(days);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const ZERO = 48;

/**
 * Fast path for the common "YYYY-MM-DD" (and YYYY/MM/DD, YYYY.MM.DD) form, reading characters rather
 * than running a regex; null when the text is anything else (the caller then takes the general parser)
 * or names a day that does not exist.
 */
export function fastDayNumber(text: string): number | null {
	return text.length === 10 ? dayNumberAt(text, 0) : null;
}

/** The same read of ten characters at `at` inside a longer text (a journal's time stamp), with no copy. */
export function dayNumberAt(text: string, at: number): number | null {
	const sep = text.charCodeAt(at + 4);
	if ((sep !== 45 && sep !== 47 && sep !== 46) || text.charCodeAt(at + 7) !== sep) return null;
	let year = 0;
	for (let i = at; i < at + 4; i++) {
		const c = text.charCodeAt(i) - ZERO;
		if (!(c >= 0 && c <= 9)) return null;
		year = year * 10 + c;
	}
	const m1 = text.charCodeAt(at + 5) - ZERO;
	const m2 = text.charCodeAt(at + 6) - ZERO;
	const d1 = text.charCodeAt(at + 8) - ZERO;
	const d2 = text.charCodeAt(at + 9) - ZERO;
	if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return null;
	const month = m1 * 10 + m2;
	const day = d1 * 10 + d2;
	if (month < 1 || month > 12 || day < 1) return null;
	const length = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
	if (day > length) return null;
	return daysFromCivil(year, month, day);
}
