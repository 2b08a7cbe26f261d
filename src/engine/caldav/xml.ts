/**
 * A small namespace-aware XML reader for WebDAV multistatus answers (RFC 4918 §14.16). It needs no DOM,
 * so the CLI (Node) and the plugin (desktop and mobile) read servers' answers with the same code.
 * Enough of XML for that: elements, attributes (only xmlns matters), text, CDATA, comments, processing
 * instructions, a DOCTYPE without an internal subset, and the five named plus numeric entities.
 */
export interface XmlElement {
	/** Namespace URI ("DAV:", "urn:ietf:params:xml:ns:caldav", …); "" when none. */
	ns: string;
	/** Local name, without prefix. */
	name: string;
	children: XmlElement[];
	/** Attributes other than namespace declarations, by local name. */
	attributes: Record<string, string>;
	/** The element's own text (CDATA included), decoded; children's text not included. */
	text: string;
}

export class XmlError extends Error {}

/**
 * What one answer may cost to read. The plugin parses on Obsidian's UI thread, so a hostile or broken
 * server must not be able to make it slow or large: the reader is one pass over the text (no regular
 * expression that can backtrack across a tag, no copy of the namespace map per element), and it stops
 * at these limits. A real multistatus answer is a handful of levels deep and a few elements per event.
 */
export const XML_LIMITS = {
	/** Characters of one answer (the HTTP layer stops downloading at the same size). */
	maxChars: 20 * 1024 * 1024,
	maxDepth: 64,
	maxElements: 400_000,
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,8});/g, (_, body: string) => {
		const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : body.startsWith('#') ? parseInt(body.slice(1), 10) : -1;
		if (code >= 0) {
			if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(`bad character reference near offset ${at}`);
			return String.fromCodePoint(code);
		}
		const named = ENTITIES[body];
		// The server's own text is never repeated in a message: it may echo what we sent it.
		if (named === undefined) throw new XmlError(`unknown entity near offset ${at}`);
		return named;
	});
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** One start tag read by hand: its qualified name, its attributes, where it ends, whether it closes itself. */
function readStartTag(source: string, lt: number): { qname: string; attributes: [string, string][]; end: number; selfClosing: boolean } {
	let pos = lt + 1;
	while (pos < source.length && !isSpace(source.charCodeAt(pos)) && source[pos] !== '>' && source[pos] !== '/') pos++;
	const qname = source.slice(lt + 1, pos);
	if (qname === '') throw new XmlError(`bad tag at offset ${lt}`);
	const attributes: [string, string][] = [];
	for (;;) {
		while (pos < source.length && isSpace(source.charCodeAt(pos))) pos++;
		if (pos >= source.length) throw new XmlError(`unclosed tag at offset ${lt}`);
		if (source[pos] === '>') return { qname, attributes, end: pos + 1, selfClosing: false };
		if (source.startsWith('/>', pos)) return { qname, attributes, end: pos + 2, selfClosing: true };
		const nameStart = pos;
		while (pos < source.length && !isSpace(source.charCodeAt(pos)) && source[pos] !== '=' && source[pos] !== '>' && source[pos] !== '/') pos++;
		const name = source.slice(nameStart, pos);
		while (pos < source.length && isSpace(source.charCodeAt(pos))) pos++;
		if (name === '' || source[pos] !== '=') throw new XmlError(`bad attribute at offset ${nameStart}`);
		pos++;
		while (pos < source.length && isSpace(source.charCodeAt(pos))) pos++;
		const open = source[pos];
		if (open !== '"' && open !== "'") throw new XmlError(`bad attribute at offset ${nameStart}`);
		const close = source.indexOf(open, pos + 1);
		if (close < 0) throw new XmlError(`unclosed attribute at offset ${nameStart}`);
		attributes.push([name, decode(source.slice(pos + 1, close), pos)]);
		pos = close + 1;
	}
}

/** Reads a whole answer at once (the CLI, the tests). */
export function parseXml(source: string): XmlElement {
	const steps = readSteps(source);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Reads an answer in slices of at most `sliceMs`, handing the thread back between them (`pause`), so
 * a large calendar never holds Obsidian's UI thread for more than a frame or so.
 */
export async function parseXmlInSlices(source: string, sliceMs: number, pause: () => Promise<void>): Promise<XmlElement> {
	const steps = readSteps(source);
	let sliceStart = performance.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (performance.now() - sliceStart >= sliceMs) {
			await pause();
			sliceStart = performance.now();
		}
	}
}

/** The reader, as steps: it stops after every few hundred elements so a caller may pause there. */
function* readSteps(source: string): Generator<undefined, XmlElement, undefined> {
	if (source.length > XML_LIMITS.maxChars) throw new XmlError(`the answer is larger than ${XML_LIMITS.maxChars / 1024 / 1024} MB`);
	const root: XmlElement = { ns: '', name: '#document', attributes: {}, children: [], text: '' };
	// Each prefix's declarations, innermost last; each open element remembers what it declared.
	const namespaces = new Map<string, string[]>([['xml', ['http://www.w3.org/XML/1998/namespace']]]);
	const stack: { element: XmlElement; qname: string; declared: string[] }[] = [{ element: root, qname: '', declared: [] }];
	let elements = 0;
	let pos = 0;
	const top = () => stack[stack.length - 1] as (typeof stack)[number];
	while (pos < source.length) {
		const lt = source.indexOf('<', pos);
		const textEnd = lt < 0 ? source.length : lt;
		if (textEnd > pos) top().element.text += decode(source.slice(pos, textEnd), pos);
		if (lt < 0) break;
		if (source.startsWith('<!--', lt)) {
			pos = closeOf(source, '-->', lt);
		} else if (source.startsWith('<![CDATA[', lt)) {
			const end = source.indexOf(']]>', lt);
			if (end < 0) throw new XmlError(`unclosed CDATA section at offset ${lt}`);
			top().element.text += source.slice(lt + 9, end);
			pos = end + 3;
		} else if (source.startsWith('<?', lt)) {
			pos = closeOf(source, '?>', lt);
		} else if (source.startsWith('<!', lt)) {
			pos = closeOf(source, '>', lt);
		} else if (source.startsWith('</', lt)) {
			const end = closeOf(source, '>', lt);
			const qname = source.slice(lt + 2, end - 1).trim();
			if (stack.length < 2 || top().qname !== qname) throw new XmlError(`unexpected end tag at offset ${lt}`);
			for (const prefix of top().declared) namespaces.get(prefix)?.pop();
			stack.pop();
			pos = end;
		} else {
			const tag = readStartTag(source, lt);
			if (++elements > XML_LIMITS.maxElements) throw new XmlError(`more than ${XML_LIMITS.maxElements} elements`);
			if ((elements & 255) === 0) yield;
			if (stack.length > XML_LIMITS.maxDepth) throw new XmlError(`nested more than ${XML_LIMITS.maxDepth} levels`);
			const declared: string[] = [];
			const attributes: Record<string, string> = {};
			for (const [attribute, value] of tag.attributes) {
				const prefix = attribute === 'xmlns' ? '' : attribute.startsWith('xmlns:') ? attribute.slice(6) : null;
				if (prefix === null) {
					attributes[attribute.slice(attribute.indexOf(':') + 1)] = value;
					continue;
				}
				const list = namespaces.get(prefix) ?? [];
				list.push(value);
				namespaces.set(prefix, list);
				declared.push(prefix);
			}
			const colon = tag.qname.indexOf(':');
			const prefix = colon < 0 ? '' : tag.qname.slice(0, colon);
			const ns = namespaces.get(prefix)?.at(-1);
			if (ns === undefined && prefix !== '') throw new XmlError(`undeclared prefix at offset ${lt}`);
			const element: XmlElement = { ns: ns ?? '', name: colon < 0 ? tag.qname : tag.qname.slice(colon + 1), attributes, children: [], text: '' };
			top().element.children.push(element);
			if (tag.selfClosing) for (const p of declared) namespaces.get(p)?.pop();
			else stack.push({ element, qname: tag.qname, declared });
			pos = tag.end;
		}
	}
	if (stack.length !== 1) throw new XmlError('an element is not closed');
	const [document] = root.children;
	if (!document || root.children.length !== 1) throw new XmlError('no single root element');
	return document;
}

function closeOf(source: string, marker: string, from: number): number {
	const end = source.indexOf(marker, from);
	if (end < 0) throw new XmlError(`unclosed markup at offset ${from}`);
	return end + marker.length;
}

export const DAV = 'DAV:';
export const CALDAV = 'urn:ietf:params:xml:ns:caldav';

export function child(element: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
	return element?.children.find((c) => c.ns === ns && c.name === name);
}

export function children(element: XmlElement | undefined, ns: string, name: string): XmlElement[] {
	return element?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

/** Characters that must be escaped in XML text. */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
