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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
		if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
		if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
		const named = ENTITIES[body];
		if (named === undefined) throw new XmlError(`unknown entity ${whole}`);
		return named;
	});
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(source: string): XmlElement {
	const root: XmlElement = { ns: '', name: '#document', attributes: {}, children: [], text: '' };
	const stack: { element: XmlElement; scope: Map<string, string>; qname: string }[] = [{ element: root, scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), qname: '' }];
	let pos = 0;
	const top = () => stack[stack.length - 1] as (typeof stack)[number];
	while (pos < source.length) {
		const lt = source.indexOf('<', pos);
		const textEnd = lt < 0 ? source.length : lt;
		if (textEnd > pos) top().element.text += decode(source.slice(pos, textEnd));
		if (lt < 0) break;
		if (source.startsWith('<!--', lt)) {
			pos = closeOf(source, '-->', lt);
		} else if (source.startsWith('<![CDATA[', lt)) {
			const end = source.indexOf(']]>', lt);
			if (end < 0) throw new XmlError('unclosed CDATA section');
			top().element.text += source.slice(lt + 9, end);
			pos = end + 3;
		} else if (source.startsWith('<?', lt)) {
			pos = closeOf(source, '?>', lt);
		} else if (source.startsWith('<!', lt)) {
			pos = closeOf(source, '>', lt);
		} else if (source.startsWith('</', lt)) {
			const end = closeOf(source, '>', lt);
			const qname = source.slice(lt + 2, end - 1).trim();
			if (stack.length < 2 || top().qname !== qname) throw new XmlError(`unexpected </${qname}>`);
			stack.pop();
			pos = end;
		} else {
			const end = closeOf(source, '>', lt);
			const selfClosing = source[end - 2] === '/';
			const inner = source.slice(lt + 1, selfClosing ? end - 2 : end - 1);
			const qname = /^[^\s/>]+/.exec(inner)?.[0];
			if (!qname) throw new XmlError(`bad tag at ${lt}`);
			const scope = new Map(top().scope);
			const attributes: Record<string, string> = {};
			for (const match of inner.slice(qname.length).matchAll(ATTRIBUTE)) {
				const [, attribute = '', , double, single] = match;
				const value = decode(double ?? single ?? '');
				if (attribute === 'xmlns') scope.set('', value);
				else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
				else attributes[attribute.slice(attribute.indexOf(':') + 1)] = value;
			}
			const colon = qname.indexOf(':');
			const prefix = colon < 0 ? '' : qname.slice(0, colon);
			const ns = scope.get(prefix);
			if (ns === undefined && prefix !== '') throw new XmlError(`undeclared prefix ${prefix}`);
			const element: XmlElement = { ns: ns ?? '', name: colon < 0 ? qname : qname.slice(colon + 1), attributes, children: [], text: '' };
			top().element.children.push(element);
			if (!selfClosing) stack.push({ element, scope, qname });
			pos = end;
		}
	}
	if (stack.length !== 1) throw new XmlError(`unclosed <${top().qname}>`);
	const [document] = root.children;
	if (!document || root.children.length !== 1) throw new XmlError('no single root element');
	return document;
}

function closeOf(source: string, marker: string, from: number): number {
	const end = source.indexOf(marker, from);
	if (end < 0) throw new XmlError(`unclosed markup at ${from}`);
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
