import { createServer } from 'node:http';
import { nodeHttp } from '../src/cli/node-http';
import { CalDavClient } from '../src/engine';
import { round } from './measure';

/**
 * Hostile answers as the CLI meets them: a server on 127.0.0.1 sends each, the client reads the
 * calendar, and the figure is the time until it ends in a clear error (or, for a long but valid tag, in
 * an answer) and the process's resident memory at its peak, sampled every 5 ms.
 */
const CASES: Record<string, () => Generator<string | Buffer>> = {
	tag_300kb: function* () {
		yield `<d:multistatus xmlns:d="DAV:"><d:response ${'a '.repeat(150_000)}`;
	},
	nested_16000_namespaces: function* () {
		yield `<d:multistatus xmlns:d="DAV:">${'<x:e xmlns:x="urn:x">'.repeat(16_000)}${'</x:e>'.repeat(16_000)}</d:multistatus>`;
	},
	answer_50mb: function* () {
		yield '<d:multistatus xmlns:d="DAV:">';
		for (let i = 0; i < 50; i++) yield Buffer.from('<d:a/>'.repeat(174_763));
	},
	answer_600mb: function* () {
		const chunk = Buffer.alloc(1024 * 1024, 0x20);
		for (let i = 0; i < 600; i++) yield chunk;
	},
	bad_href: function* () {
		yield '<d:multistatus xmlns:d="DAV:"><d:response><d:href>http://[::1</d:href></d:response></d:multistatus>';
	},
};

export async function caldavHostileBench(): Promise<Record<string, number>> {
	const results: Record<string, number> = {};
	for (const [name, body] of Object.entries(CASES)) {
		const server = createServer((_req, res) => {
			res.writeHead(207);
			const parts = body();
			const more = () => {
				for (let next = parts.next(); !next.done; next = parts.next()) if (!res.write(next.value)) return void res.once('drain', more);
				res.end();
			};
			res.on('error', () => undefined);
			more();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
		global.gc?.();
		let peak = process.memoryUsage().rss;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
		const start = performance.now();
		const outcome = await new CalDavClient(nodeHttp, 'learner', 'password', url).events(`${url}cal/`).then(
			() => 'read',
			(e: Error) => e.constructor.name,
		);
		const ms = performance.now() - start;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		server.closeAllConnections();
		server.close();
		if (outcome !== 'CalDavError' && name !== 'bad_href') throw new Error(`caldav hostile ${name}: ${outcome}`);
		results[`caldav_hostile_${name}_ms`] = round(ms, 0);
		results[`caldav_hostile_${name}_peak_rss_mb`] = round(peak / 1024 / 1024, 0);
	}
	return results;
}
