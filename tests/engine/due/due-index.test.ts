import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockAt, computeSchedule, dueBucket, DueIndex, isoOfDayNumber, parseCalendarDate, type Frontmatter } from '../../../src/engine';
import { at, configWith } from '../../helpers';

const CONFIG = configWith({ preset: 'en' });
const KEYS = ['review 1d done', 'review 4d done', 'review 7d done', 'review 14d done', 'long-term memory'];

const frontmatter: fc.Arbitrary<Frontmatter> = fc.oneof(
	fc.constant(undefined),
	fc.constant({ title: 'not a review note' }),
	fc
		.record({
			first: fc.oneof(
				fc.date({ min: new Date(2024, 0, 1), max: new Date(2024, 11, 31), noInvalidDate: true }).map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`),
				fc.constantFrom('2024/10/01', '2024.10.01', '2024-10-01T23:00', '2024-02-30', 'soon', 20241001),
			),
			boxes: fc.array(fc.constantFrom<unknown>(true, false, 'true', 'false', null, undefined, 'yes'), { minLength: 5, maxLength: 5 }),
			subject: fc.option(fc.constantFrom('Kubernetes', '쿠버네티스', ''), { nil: undefined }),
		})
		.map(({ first, boxes, subject }) => {
			const fm: Record<string, unknown> = { 'first study': first, subject };
			boxes.forEach((value, i) => {
				if (value !== undefined) fm[KEYS[i] ?? ''] = value;
			});
			return fm;
		}),
);

type Event = { kind: 'changed'; path: string; fm: Frontmatter } | { kind: 'deleted'; path: string } | { kind: 'renamed'; from: string; to: string };
const path = fc.constantFrom('a.md', 'b.md', 'c.md', 'dir/d.md', 'dir/e.md', '한글.md');
const event: fc.Arbitrary<Event> = fc.oneof(
	fc.record({ kind: fc.constant('changed' as const), path, fm: frontmatter }),
	fc.record({ kind: fc.constant('deleted' as const), path }),
	fc.record({ kind: fc.constant('renamed' as const), from: path, to: path }),
);

describe('due index', () => {
	it('equals a from-scratch build after any sequence of changed, deleted and renamed events', () => {
		fc.assert(
			fc.property(fc.array(event, { maxLength: 40 }), (events) => {
				const index = new DueIndex(CONFIG);
				const vault = new Map<string, Frontmatter>();
				for (const e of events) {
					if (e.kind === 'changed') {
						vault.set(e.path, e.fm);
						index.update(e.path, e.fm);
					} else if (e.kind === 'deleted') {
						vault.delete(e.path);
						index.remove(e.path);
					} else if (e.from !== e.to && vault.has(e.from) && !vault.has(e.to)) {
						vault.set(e.to, vault.get(e.from));
						vault.delete(e.from);
						index.rename(e.from, e.to);
					}
				}
				const fresh = new DueIndex(CONFIG);
				fresh.build(vault.entries());
				const byPath = (i: DueIndex) => i.entries().sort((a, b) => (a.path < b.path ? -1 : 1));
				expect(byPath(index)).toEqual(byPath(fresh));
				expect(index.size).toBe(fresh.size);
			}),
			{ numRuns: 1000 },
		);
	});

	it('puts each note in the same section as the engine schedule does', () => {
		fc.assert(
			fc.property(fc.array(frontmatter, { maxLength: 20 }), fc.date({ min: new Date(2024, 0, 1), max: new Date(2025, 2, 1), noInvalidDate: true }), (fms, now) => {
				const index = new DueIndex(CONFIG);
				index.build(fms.map((fm, i) => [`n${i}.md`, fm] as const));
				const clock = clockAt(now);
				const snapshot = index.snapshot(clock.today);
				const section = (p: string) =>
					snapshot.overdue.some((n) => n.path === p) ? 'overdue' : snapshot.dueToday.some((n) => n.path === p) ? 'dueToday' : snapshot.upcoming.some((n) => n.path === p) ? 'upcoming' : null;
				fms.forEach((fm, i) => {
					const first = typeof fm?.['first study'] === 'string' ? parseCalendarDate(fm['first study']) : null;
					const boxes = KEYS.map((k) => fm?.[k]);
					const valid = first?.ok === true && boxes.every((b) => b === undefined || b === null || b === true || b === false || b === 'true' || b === 'false');
					const expected = valid && first.ok ? dueBucket(computeSchedule(first.date, clock.today, CONFIG.stages, new Map(CONFIG.stages.map((s, j) => [s.id, boxes[j] === true || boxes[j] === 'true'])))) : null;
					expect(section(`n${i}.md`)).toBe(expected);
				});
			}),
			{ numRuns: 1000 },
		);
	});

	it('cuts each section to the first k rows without changing the order or the counts', () => {
		fc.assert(
			fc.property(fc.array(frontmatter, { maxLength: 60 }), fc.nat({ max: 8 }), fc.date({ min: new Date(2024, 0, 1), max: new Date(2025, 2, 1), noInvalidDate: true }), (fms, k, now) => {
				const index = new DueIndex(CONFIG);
				index.build(fms.map((fm, i) => [`n${String(i % 7)}-${i}.md`, fm] as const));
				const full = index.snapshot(now);
				const cut = index.snapshot(now, { limits: { overdue: k, dueToday: k, upcoming: k } });
				expect(cut.overdue).toEqual(full.overdue.slice(0, k));
				expect(cut.dueToday).toEqual(full.dueToday.slice(0, k));
				expect(cut.upcoming).toEqual(full.upcoming.slice(0, k));
				expect(cut.counts).toEqual({ overdue: full.overdue.length, dueToday: full.dueToday.length, upcoming: full.upcoming.length });
				expect(index.counts(now)).toEqual(cut.counts);
				expect(cut.forecast).toEqual(full.forecast);
				const sorted = [...full.overdue].sort((a, b) => a.dueDay - b.dueDay || (a.path < b.path ? -1 : 1));
				expect(full.overdue).toEqual(sorted);
			}),
			{ numRuns: 1000 },
		);
	});

	it("gives a chosen set of notes (a base's rows) the same sections in the order given, leaving other paths out", () => {
		fc.assert(
			fc.property(fc.array(frontmatter, { maxLength: 60 }), fc.nat({ max: 8 }), fc.date({ min: new Date(2024, 0, 1), max: new Date(2025, 2, 1), noInvalidDate: true }), fc.integer(), (fms, k, now, seed) => {
				const index = new DueIndex(CONFIG);
				const paths = fms.map((_, i) => `n${String(i % 7)}-${i}.md`);
				index.build(fms.map((fm, i) => [paths[i]!, fm] as const));
				// A base's own order: the paths shuffled, with a path that is no review note at all.
				const order = [...paths, 'not indexed.md'].sort((a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7) || (a < b ? 1 : -1));
				const full = index.snapshot(now);
				const of = index.snapshotOf(order, now);
				const rank = (path: string) => order.indexOf(path);
				for (const section of ['overdue', 'dueToday', 'upcoming'] as const) {
					expect(of[section]).toEqual([...full[section]].sort((a, b) => rank(a.path) - rank(b.path)));
				}
				expect(of.counts).toEqual(full.counts);
				expect(of.forecast).toEqual(full.forecast);
				const cut = index.snapshotOf(order, now, { limits: { overdue: k, dueToday: k, upcoming: k } });
				expect(cut.dueToday).toEqual(of.dueToday.slice(0, k));
				expect(cut.counts).toEqual(of.counts);
				expect(index.snapshotOf(order.slice(0, 3), now).counts.overdue).toBeLessThanOrEqual(3);
			}),
			{ numRuns: 500 },
		);
	});

	it('moves notes between sections when the day rolls over, and counts the forecast', () => {
		const index = new DueIndex(CONFIG);
		index.build([
			['due-today.md', { 'first study': '2024-10-01' }],
			['due-tomorrow.md', { 'first study': '2024-10-02' }],
			['done-1d.md', { 'first study': '2024-10-01', 'review 1d done': true, subject: 'K8s' }],
		]);
		const day1 = index.snapshot(at(2024, 10, 2, 9));
		expect([day1.overdue, day1.dueToday, day1.upcoming].map((list) => list.map((n) => n.path))).toEqual([[], ['due-today.md'], ['due-tomorrow.md', 'done-1d.md']]);
		expect(day1.forecast.slice(0, 4)).toEqual([1, 1, 0, 1]);
		const day2 = index.snapshot(at(2024, 10, 3, 0, 1));
		expect([day2.overdue, day2.dueToday, day2.upcoming].map((list) => list.map((n) => n.path))).toEqual([['due-today.md'], ['due-tomorrow.md'], ['done-1d.md']]);
		expect(day2.forecast.slice(0, 3)).toEqual([2, 0, 1]);
		expect(isoOfDayNumber(day2.upcoming[0]?.dueDay ?? 0)).toBe('2024-10-05');
		expect(day2.upcoming[0]?.subject).toBe('K8s');
	});
});
