import { CalDavError } from './caldav-types';
import { child, children, DAV, type XmlElement } from './xml';

/**
 * An href from a server's answer as an absolute address, without any user name or password in it;
 * `fallback` (default: throw a protocol error) when it is no address at all (`http://[::1`).
 */
export function resolveHref(href: string, base: string): string;
export function resolveHref(href: string, base: string, fallback: null): string | null;
export function resolveHref(href: string, base: string, fallback?: null): string | null {
	try {
		const url = new URL(href, base);
		url.username = '';
		url.password = '';
		return url.href;
	} catch {
		if (fallback === null) return null;
		throw new CalDavError('protocol', null, 'the server named an address that is not a URL');
	}
}

/** An address's origin for a message (never a path, a query or a user name). */
export function safeOrigin(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return 'an unreadable address';
	}
}

/** A collection's address ends in "/", so relative names resolve inside it, not beside it. */
export function asCollection(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}

/** The first propstat with a 2xx status, as a prop element. */
export function okProp(response: XmlElement): XmlElement | undefined {
	for (const propstat of children(response, DAV, 'propstat')) {
		const status = child(propstat, DAV, 'status')?.text ?? '';
		if (/\s2\d\d\s/.test(` ${status} `)) return child(propstat, DAV, 'prop');
	}
	return undefined;
}

export function firstHref(root: XmlElement | undefined, ns: string, property: string): string | undefined {
	for (const response of children(root, DAV, 'response')) {
		const href = child(child(okProp(response), ns, property), DAV, 'href')?.text.trim();
		if (href) return href;
	}
	return undefined;
}
