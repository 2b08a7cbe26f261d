import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featureGraph, fileGraph, findCycle, importBreaches, SRC_ROOT } from './doors';

describe('the doors between features', () => {
	it('holds in src/: no feature reaches into another one, the engine imports no obsidian, and features form no cycle', () => {
		expect(importBreaches(SRC_ROOT)).toEqual([]);
		const graph = featureGraph(SRC_ROOT);
		expect(findCycle(graph)).toBeNull();
		// the check sees the real tree: the features exist and use each other through their doors
		expect([...graph.keys()]).toEqual(expect.arrayContaining(['engine/schedule', 'engine/frontmatter', 'plugin/due', 'plugin/notes', 'locale', 'cli']));
		expect(graph.get('plugin/stats')).toContain('plugin/due');
		// and no two files import each other, however far round (what madge --circular reports)
		const files = fileGraph(SRC_ROOT);
		expect(findCycle(files)).toBeNull();
		expect(files.get('engine/recompute/recompute.ts')).toContain('engine/recompute/recompute-flat.ts');
	});

	const tree = mkdtempSync(join(tmpdir(), 'fc-doors-'));
	afterAll(() => rmSync(tree, { recursive: true, force: true }));
	const write = (files: Record<string, string>) => {
		rmSync(tree, { recursive: true, force: true });
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(tree, path)), { recursive: true });
			writeFileSync(join(tree, path), text);
		}
	};

	it('fails on a file that imports another feature’s internals, and passes it through the door', () => {
		write({
			'engine/schedule/dates.ts': 'export const a = 1;',
			'engine/schedule/index.ts': "export { a } from './dates';",
			'engine/due/due-index.ts': "import { a } from '../schedule/dates';",
		});
		expect(importBreaches(tree)).toEqual([{ file: 'engine/due/due-index.ts', imports: 'engine/schedule/dates.ts', why: 'internals' }]);
		writeFileSync(join(tree, 'engine/due/due-index.ts'), "import { a } from '../schedule';");
		expect(importBreaches(tree)).toEqual([]);
	});

	it('fails on the engine importing obsidian or CodeMirror, or using the plugin', () => {
		write({
			'engine/schedule/dates.ts': "import { Notice } from 'obsidian';\nimport type { EditorView } from '@codemirror/view';",
			'engine/due/due-index.ts': "import { x } from '../../plugin/due';",
			'plugin/due/index.ts': 'export const x = 1;',
		});
		expect(importBreaches(tree).map((b) => `${b.file} ${b.why} ${b.imports}`).sort()).toEqual([
			'engine/due/due-index.ts layer plugin/due/index.ts',
			'engine/schedule/dates.ts obsidian-in-engine @codemirror/view',
			'engine/schedule/dates.ts obsidian-in-engine obsidian',
		]);
	});

	it('finds a cycle between two features even when each goes through a door', () => {
		write({
			'plugin/due/index.ts': "export { s } from '../stats';",
			'plugin/stats/index.ts': "export { d } from '../due';",
		});
		expect(findCycle(featureGraph(tree))).toEqual(['plugin/due', 'plugin/stats', 'plugin/due']);
	});

	it('finds two files of one feature that import each other', () => {
		write({
			'engine/recompute/recompute.ts': "import { flat } from './recompute-flat';\nexport const full = 1;",
			'engine/recompute/recompute-flat.ts': "import type { full } from './recompute';\nexport const flat = 1;",
		});
		const cycle = findCycle(fileGraph(tree));
		expect(cycle?.[0]).toBe(cycle?.at(-1));
		expect([...new Set(cycle)].sort()).toEqual(['engine/recompute/recompute-flat.ts', 'engine/recompute/recompute.ts']);
		expect(findCycle(featureGraph(tree))).toBeNull();
	});
});
