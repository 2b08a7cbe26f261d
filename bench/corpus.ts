import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clockAt, recompute, toIsoDate, type ReviewConfig } from '../src/engine';
import { random } from './synthetic-vault';

/**
 * A generated vault with the variety of real ones: review notes from the Notion template (some fully
 * computed a while ago, some with fields missing), with the keys learners add (tags as flow and block
 * lists, aliases, dates, a URL, a block-scalar summary, comments), values of every length, quoted and
 * plain, Korean and emoji; ordinary notes with and without frontmatter; bodies from a line to pages.
 */
const LEARNER_KEYS: readonly ((next: () => number, i: number) => string)[] = [
	(next) => `tags: [${['study', 'kubernetes', '네트워크', 'db', 'exam'].filter(() => next() < 0.5).join(', ')}]`,
	(next, i) => `related:\n${[1, 2, 3].filter(() => next() < 0.7).map((k) => `  - "[[note-${(i + k * 7) % 5000}]]"`).join('\n') || '  - "[[index]]"'}`,
	(_, i) => `aliases: ["topic ${i}", "주제 ${i}"]`,
	(next) => `created: 2024-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
	(_, i) => `source: https://example.com/articles/${i}?ref=notes`,
	() => `summary: |\n  첫 줄 요약입니다.\n  Second line of the summary.`,
	() => `# my own fields below`,
	(next) => `rating: ${Math.floor(next() * 5) + 1}`,
	(next) => `status: ${next() < 0.5 ? 'draft' : '"in progress"'}`,
	(next) => `note: ${'긴 설명 '.repeat(1 + Math.floor(next() * 30))}`.trimEnd(),
];

function body(next: () => number, i: number): string {
	const paragraphs = Math.floor(next() * next() * 40) + 1;
	const lines = [`# Topic ${i}`, ''];
	for (let p = 0; p < paragraphs; p++) lines.push(`${'복습할 내용과 example text, '.repeat(1 + Math.floor(next() * 8))}`.trimEnd(), '');
	return `${lines.join('\n')}\n`;
}

/**
 * `count` notes, `reviewShare` of them review notes, all stale for `today`: their computed fields were
 * last written days before (or never). Returns the notes as [relative path, text].
 */
export function generateCorpus(count: number, reviewShare: number, config: ReviewConfig, today: Date, seed = 7): [string, string][] {
	const next = random(seed);
	const notes: [string, string][] = [];
	for (let i = 0; i < count; i++) {
		const path = `topics/${i % 50}/note-${i}.md`;
		const extras = LEARNER_KEYS.filter(() => next() < 0.3).map((make) => make(next, i));
		if (next() >= reviewShare) {
			const frontmatter = next() < 0.4 ? '' : `---\ntitle: Note ${i}\n${extras.join('\n')}${extras.length ? '\n' : ''}---\n`;
			notes.push([path, `${frontmatter}${body(next, i)}`]);
			continue;
		}
		const first = new Date(today);
		first.setDate(first.getDate() - 1 - Math.floor(next() * 60));
		const daysAgo = Math.round((today.getTime() - first.getTime()) / 86_400_000);
		const done = [1, 4, 7, 14, 30].filter((d) => d <= daysAgo && next() < 0.85).length;
		const inputs = [
			`❕첫 학습날: ${toIsoDate(first)}`,
			`❕과목: Subject ${i % 37}`,
			'❕학습정도: 🤔중',
			...['❤1일복습여부', '🧡4일복습여부', '💛7일복습여부', '💚14일복습여부', '🧠장기기억'].map((key, stage) => `${key}: ${stage < done}`),
		];
		let text = `---\n${inputs.join('\n')}\n${extras.join('\n')}${extras.length ? '\n' : ''}---\n${body(next, i)}`;
		// Most notes were computed on an earlier day (the fields are there, out of date); some never were.
		if (next() < 0.8) {
			const earlier = new Date(first);
			earlier.setDate(earlier.getDate() + Math.floor(next() * Math.max(1, daysAgo - 1)));
			const filled = recompute(text, config, clockAt(earlier));
			if (filled.kind === 'changed') text = filled.text;
		}
		notes.push([path, text]);
	}
	return notes;
}

export function writeCorpus(folder: string, notes: readonly [string, string][]): void {
	for (const [path, text] of notes) {
		mkdirSync(join(folder, path, '..'), { recursive: true });
		writeFileSync(join(folder, path), text);
	}
}
