/**
 * A small evaluator for the part of Obsidian Bases' formula language the review base uses, to check
 * its formulas and filters against the engine: literals, `note["key"]` / `note.key`, `file.*`
 * functions, `date()`, `today()`, `if()`, `+ - == != && ||`, `!`, `( )` and `.days`. Dates are local
 * midnights (Bases' `date("2024-10-01")`); `date + "4d"` adds calendar days; `date - date` is a duration.
 * Anything else (e.g. `dateModify`, removed in 1.9.2) is an error, so a formula outside the language fails here.
 */
export interface FileContext {
	path: string;
	properties: Record<string, unknown>;
	tags: string[];
}

type Value = string | number | boolean | null | Date | { days: number };

class Parser {
	private at = 0;
	constructor(private readonly text: string) {}

	parse(): Node {
		const node = this.or();
		this.space();
		if (this.at < this.text.length) throw new Error(`unexpected "${this.text.slice(this.at)}"`);
		return node;
	}

	private space(): void {
		while (/\s/.test(this.text[this.at] ?? '')) this.at++;
	}

	private eat(token: string): boolean {
		this.space();
		if (this.text.startsWith(token, this.at)) {
			this.at += token.length;
			return true;
		}
		return false;
	}

	private or(): Node {
		let left = this.and();
		while (this.eat('||')) left = { op: '||', left, right: this.and() };
		return left;
	}

	private and(): Node {
		let left = this.equality();
		while (this.eat('&&')) left = { op: '&&', left, right: this.equality() };
		return left;
	}

	private equality(): Node {
		let left = this.additive();
		for (;;) {
			if (this.eat('==')) left = { op: '==', left, right: this.additive() };
			else if (this.eat('!=')) left = { op: '!=', left, right: this.additive() };
			else return left;
		}
	}

	private additive(): Node {
		let left = this.unary();
		for (;;) {
			if (this.eat('+')) left = { op: '+', left, right: this.unary() };
			else if (this.eat('-')) left = { op: '-', left, right: this.unary() };
			else return left;
		}
	}

	private unary(): Node {
		if (this.eat('!')) return { op: '!', left: this.unary() };
		return this.postfix();
	}

	private postfix(): Node {
		let node = this.primary();
		for (;;) {
			if (this.eat('[')) {
				const key = this.or();
				if (!this.eat(']')) throw new Error('expected ]');
				node = { index: node, key };
			} else if (this.eat('.')) {
				const name = this.name();
				node = this.eat('(') ? { call: name, target: node, args: this.args() } : { member: name, target: node };
			} else {
				return node;
			}
		}
	}

	private args(): Node[] {
		const args: Node[] = [];
		if (this.eat(')')) return args;
		do args.push(this.or());
		while (this.eat(','));
		if (!this.eat(')')) throw new Error('expected )');
		return args;
	}

	private name(): string {
		this.space();
		const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
		if (!match) throw new Error(`expected a name at "${this.text.slice(this.at)}"`);
		this.at += match[0].length;
		return match[0];
	}

	private primary(): Node {
		this.space();
		if (this.eat('(')) {
			const inner = this.or();
			if (!this.eat(')')) throw new Error('expected )');
			return inner;
		}
		const rest = this.text.slice(this.at);
		const string = /^"(?:[^"\\]|\\.)*"/.exec(rest);
		if (string) {
			this.at += string[0].length;
			return { value: JSON.parse(string[0]) as string };
		}
		const number = /^\d+(\.\d+)?/.exec(rest);
		if (number) {
			this.at += number[0].length;
			return { value: Number(number[0]) };
		}
		const name = this.name();
		if (name === 'true' || name === 'false') return { value: name === 'true' };
		if (name === 'null') return { value: null };
		if (this.eat('(')) return { call: name, args: this.args() };
		return { name };
	}
}

type Node =
	| { value: Value }
	| { name: string }
	| { op: string; left: Node; right?: Node }
	| { index: Node; key: Node }
	| { member: string; target: Node }
	| { call: string; target?: Node; args: Node[] };

const DAY = 86_400_000;

const text = (value: Value): string => (typeof value === 'string' ? value : JSON.stringify(value));

function localDate(value: Value): Date {
	if (value instanceof Date) return new Date(value.getFullYear(), value.getMonth(), value.getDate());
	const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
	if (!match) throw new Error(`date() of ${JSON.stringify(value)}`);
	return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function evaluate(formula: string, file: FileContext, today: Date, formulas: Record<string, string> = {}): Value {
	const run = (node: Node): Value => {
		if ('value' in node) return node.value;
		if ('name' in node) {
			if (node.name in file.properties) return (file.properties[node.name] ?? null) as Value;
			throw new Error(`unknown name ${node.name}`);
		}
		if ('op' in node) {
			if (node.op === '!') return !run(node.left);
			const left = run(node.left);
			if (node.op === '&&') return Boolean(left) && Boolean(run(node.right!));
			if (node.op === '||') return Boolean(left) || Boolean(run(node.right!));
			const right = run(node.right!);
			if (node.op === '==') return left === right;
			if (node.op === '!=') return left !== right;
			if (node.op === '+' && left instanceof Date && typeof right === 'string') {
				const days = /^(\d+)d$/.exec(right);
				if (!days) throw new Error(`duration ${right}`);
				return new Date(left.getFullYear(), left.getMonth(), left.getDate() + Number(days[1]));
			}
			if (node.op === '-' && left instanceof Date && right instanceof Date) return { days: Math.round((left.getTime() - right.getTime()) / DAY) };
			throw new Error(`operator ${node.op} on ${JSON.stringify(left)} and ${JSON.stringify(right)}`);
		}
		if ('index' in node) {
			const target = node.index;
			if (!('name' in target) || target.name !== 'note') throw new Error('only note[...] is indexed');
			const key = run(node.key);
			return (file.properties[text(key)] ?? null) as Value;
		}
		if ('member' in node) {
			if ('name' in node.target && node.target.name === 'note') return (file.properties[node.member] ?? null) as Value;
			if ('name' in node.target && node.target.name === 'formula') return evaluate(formulas[node.member] ?? '', file, today, formulas);
			const target = run(node.target);
			if (node.member === 'days' && target !== null && typeof target === 'object' && 'days' in target) return target.days;
			throw new Error(`unknown member .${node.member}`);
		}
		const args = node.args.map(run);
		if (node.target) {
			if (!('name' in node.target) || node.target.name !== 'file') throw new Error(`unknown method .${node.call}`);
			const [arg] = args;
			if (node.call === 'hasProperty') return Object.prototype.hasOwnProperty.call(file.properties, text(arg ?? null));
			if (node.call === 'inFolder') return file.path.startsWith(`${text(arg ?? null)}/`);
			if (node.call === 'hasTag') return file.tags.some((tag) => tag === arg || tag.startsWith(`${text(arg ?? null)}/`));
			throw new Error(`unknown file function ${node.call}`);
		}
		if (node.call === 'date') return localDate(args[0] ?? null);
		if (node.call === 'today') return new Date(today.getFullYear(), today.getMonth(), today.getDate());
		if (node.call === 'if') return args[0] ? (args[1] ?? null) : (args[2] ?? null);
		throw new Error(`unknown function ${node.call}()`);
	};
	return run(new Parser(formula).parse());
}

/** A `.base` filter (a string, or an object with one of and / or / not) applied to a file. */
export function passes(filter: unknown, file: FileContext, today: Date): boolean {
	if (typeof filter === 'string') return Boolean(evaluate(filter, file, today));
	if (filter === null || typeof filter !== 'object') throw new Error(`not a filter: ${JSON.stringify(filter)}`);
	const entries = Object.entries(filter);
	if (entries.length !== 1) throw new Error(`a filter object has exactly one of and / or / not: ${Object.keys(filter).join(', ')}`);
	const [[kind, list]] = entries as [[string, unknown]];
	if (!Array.isArray(list)) throw new Error(`${kind} takes a list`);
	if (kind === 'and') return list.every((f) => passes(f, file, today));
	if (kind === 'or') return list.some((f) => passes(f, file, today));
	if (kind === 'not') return !list.some((f) => passes(f, file, today));
	throw new Error(`unknown filter kind ${kind}`);
}
