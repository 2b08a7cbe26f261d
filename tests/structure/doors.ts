import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';

/**
 * The house rules for imports, checked over a source tree. A feature is a folder under
 * `src/engine/` or `src/plugin/`; `src/locale/` and `src/cli/` are one feature each. A file may
 * import its own feature's files, and another feature only through its door (`index.ts`).
 * Which top-level parts may use which is data (`MAY_USE`): the engine uses nothing of ours and no
 * `obsidian`, so the CLI and the tests can run it.
 */
export const MAY_USE: Record<string, readonly string[]> = {
	engine: [],
	locale: ['engine'],
	cli: ['engine', 'locale'],
	plugin: ['engine', 'locale'],
	'main.ts': ['plugin', 'engine', 'locale'],
};
/** Packages only the Obsidian side may import. */
const OBSIDIAN_ONLY = /^(obsidian|@codemirror\/|electron$)/;

export interface Breach {
	file: string;
	imports: string;
	why: 'internals' | 'layer' | 'obsidian-in-engine' | 'unresolved';
}

function sourceFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) sourceFiles(path, out);
		else if (entry.endsWith('.ts')) out.push(path);
	}
	return out;
}

/** `engine/schedule`, `plugin/due`, `locale`, `cli`, `main.ts`: the unit whose insides are private. */
function featureOf(rel: string): string {
	const [top = '', feature = '', ...rest] = rel.split('/');
	return (top === 'engine' || top === 'plugin') && rest.length > 0 ? `${top}/${feature}` : top;
}

function resolveTarget(srcRoot: string, fromRel: string, spec: string): string | null {
	const base = posix.normalize(posix.join(posix.dirname(fromRel), spec));
	for (const candidate of [`${base}.ts`, `${base}/index.ts`]) {
		try {
			if (statSync(join(srcRoot, candidate)).isFile()) return candidate;
		} catch {
			/* try the next */
		}
	}
	return null;
}

/** Each file of the tree with its imports: what each names, and the file it resolves to (null: a package, or nothing). */
function* filesWithImports(srcRoot: string): Generator<{ file: string; imports: { spec: string; target: string | null }[] }> {
	for (const path of sourceFiles(srcRoot)) {
		const file = relative(srcRoot, path).split('\\').join('/');
		const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
		yield { file, imports: importedFiles.map(({ fileName: spec }) => ({ spec, target: spec.startsWith('.') ? resolveTarget(srcRoot, file, spec) : null })) };
	}
}

export function importBreaches(srcRoot: string): Breach[] {
	const breaches: Breach[] = [];
	for (const { file, imports } of filesWithImports(srcRoot)) {
		const top = file.split('/')[0] ?? '';
		for (const { spec, target } of imports) {
			if (!spec.startsWith('.')) {
				if (top === 'engine' && OBSIDIAN_ONLY.test(spec)) breaches.push({ file, imports: spec, why: 'obsidian-in-engine' });
				continue;
			}
			if (!target) {
				breaches.push({ file, imports: spec, why: 'unresolved' });
				continue;
			}
			const targetTop = target.split('/')[0] ?? '';
			if (targetTop !== top && !(MAY_USE[top] ?? []).includes(targetTop)) {
				breaches.push({ file, imports: target, why: 'layer' });
				continue;
			}
			const from = featureOf(file);
			const to = featureOf(target);
			const isDoor = target === `${to}/index.ts` || target === `${targetTop}/index.ts`;
			if (from !== to && !isDoor) breaches.push({ file, imports: target, why: 'internals' });
		}
	}
	return breaches;
}

/** Which file imports which (type imports too, as madge counts them), for the check that files form no cycle. */
export function fileGraph(srcRoot: string): Map<string, Set<string>> {
	return importGraph(srcRoot, (file) => file, () => true);
}

/** Which feature uses which, for the check that features form no cycle. */
export function featureGraph(srcRoot: string): Map<string, Set<string>> {
	// the engine's door re-exports its features: seen through, not a feature of its own
	return importGraph(srcRoot, featureOf, (target) => target !== 'engine/index.ts');
}

function importGraph(srcRoot: string, nodeOf: (file: string) => string, follows: (target: string) => boolean): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const { file, imports } of filesWithImports(srcRoot)) {
		const from = nodeOf(file);
		const edges = graph.get(from) ?? new Set<string>();
		graph.set(from, edges);
		for (const { target } of imports) if (target && follows(target) && nodeOf(target) !== from) edges.add(nodeOf(target));
	}
	return graph;
}

/** One cycle in a graph (of features or files), or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (node: string): string[] | null => {
		if (state.get(node) === 'done') return null;
		if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		stack.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		const cycle = visit(node);
		if (cycle) return cycle;
	}
	return null;
}

export const SRC_ROOT = join(dirname(dirname(__dirname)), 'src');
