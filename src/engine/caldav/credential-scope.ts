/**
 * Where the learner's password may go. The CalDAV client sends it only to the server the learner
 * configured: the same origin, or over https a host of the same registrable domain (iCloud sends each
 * account from caldav.icloud.com to its partition host pNN-caldav.icloud.com). Never over plain http
 * once the learner chose https, never to an address that carries a user name or password of its own.
 */

/** Public suffixes of two labels that our learners' providers live under; the rest take the last two labels. */
const TWO_LABEL_SUFFIXES = new Set(['co.kr', 'or.kr', 'ne.kr', 'go.kr', 'ac.kr', 're.kr', 'pe.kr', 'co.uk', 'org.uk', 'ac.uk', 'co.jp', 'ne.jp', 'or.jp', 'com.au', 'net.au', 'org.au', 'com.br', 'com.cn', 'com.tw', 'co.nz', 'co.in']);

function isIpAddress(host: string): boolean {
	return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The domain a host belongs to for trust (example.co.kr for caldav.example.co.kr). An approximation of
 * the Public Suffix List, which is too large to ship: it errs towards the longer, narrower domain only
 * for the suffixes listed; an IP address is its own domain.
 */
export function registrableDomain(host: string): string {
	const lower = host.toLowerCase().replace(/\.$/, '');
	if (isIpAddress(lower)) return lower;
	const labels = lower.split('.');
	const take = labels.length >= 3 && TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
	return labels.slice(-take).join('.');
}

/** True when an address carries a user name or password (`https://user:pw@host/`). */
export function hasUserinfo(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.username !== '' || parsed.password !== '';
	} catch {
		return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
	}
}

/** Why a request to `target` may not carry the credentials of `trusted`; null when it may. */
export function credentialBar(trusted: URL, target: URL): 'insecure' | 'elsewhere' | null {
	if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'elsewhere';
	if (trusted.protocol === 'https:' && target.protocol !== 'https:') return 'insecure';
	if (target.username !== '' || target.password !== '') return 'elsewhere';
	if (target.origin === trusted.origin) return null;
	const sameDomain = !isIpAddress(target.hostname) && registrableDomain(target.hostname) === registrableDomain(trusted.hostname);
	return sameDomain && target.protocol === 'https:' && trusted.protocol === 'https:' ? null : 'elsewhere';
}

/**
 * True for a plain http address to a host that is neither this machine nor a private network
 * (RFC 1918, link-local, unique-local IPv6, .local/.lan/.home.arpa names): the password would cross
 * the internet readable by anyone on the way.
 */
export function isPlainHttpToRemote(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (parsed.protocol !== 'http:') return false;
	const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost') || /\.(local|lan|internal|home\.arpa)$/.test(host)) return false;
	const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		const private4 = a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
		return !private4;
	}
	if (host.includes(':')) return !(host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host));
	return true;
}
