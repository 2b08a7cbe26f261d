import { PRESETS, toIsoDate } from '../src/engine';

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same vault. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type SyntheticNote = readonly [path: string, frontmatter: Record<string, unknown> | undefined];

const PRESET = PRESETS['ko-template'];

/**
 * N notes' frontmatter objects the way Obsidian's metadata cache holds them (dates as strings,
 * checkboxes as booleans, the learner's own keys beside them). `reviewShare` of them are review notes;
 * the rest are ordinary notes, some without frontmatter.
 */
export function syntheticVault(count: number, reviewShare: number, today: Date, seed = 42): SyntheticNote[] {
	if (!PRESET) throw new Error('ko-template preset missing');
	const next = random(seed);
	const checkboxes = Object.values(PRESET.checkboxKeys);
	const notes: SyntheticNote[] = [];
	for (let i = 0; i < count; i++) {
		const path = `topics/${i % 100}/note-${i}.md`;
		if (next() >= reviewShare) {
			notes.push([path, next() < 0.5 ? undefined : { title: `Note ${i}`, tags: ['misc'] }]);
			continue;
		}
		const first = new Date(today);
		first.setDate(first.getDate() - Math.floor(next() * 60));
		const daysAgo = Math.round((today.getTime() - first.getTime()) / 86_400_000);
		const done = [1, 4, 7, 14, 30].filter((d) => d <= daysAgo && next() < 0.9).length;
		const frontmatter: Record<string, unknown> = {
			[PRESET.firstStudyKey]: toIsoDate(first),
			'❕과목': `Subject ${i % 37}`,
			'❕학습정도': '🤔중',
			tags: ['study'],
		};
		checkboxes.forEach((key, stage) => {
			frontmatter[key] = stage < done;
		});
		notes.push([path, frontmatter]);
	}
	return notes;
}

/** The note body that goes with a frontmatter object, for an in-memory vault. */
export function noteText(frontmatter: Record<string, unknown> | undefined): string {
	if (!frontmatter) return '# A note\n';
	const lines = Object.entries(frontmatter).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`);
	return `---\n${lines.join('\n')}\n---\n# A note\n`;
}
