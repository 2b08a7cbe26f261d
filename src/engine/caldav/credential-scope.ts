/**
 * Where the learner's password may go: the browsers' rule. Browsers drop the Authorization header on
 * every cross-origin redirect (WHATWG Fetch, "HTTP-redirect fetch"), so the password goes only to the
 * origin the learner configured (scheme, host and port). Hosts that merely share a domain are other
 * people: `alice.synology.me` and `mallory.synology.me` are two customers of one dynamic-DNS suffix.
 *
 * The only exceptions are named providers that move every account to a host of their own, each as
 * data with a test: iCloud sends each account from caldav.icloud.com to its partition host
 * pNN-caldav.icloud.com. Never over plain http once the learner chose https, never to an address that
 * carries a user name or password of its own.
 */

/** A provider whose accounts live on hosts other than the one learners type: from `from`, requests may go to `to`. */
interface HostException {
	provider: string;
	from: RegExp;
	to: RegExp;
}

export const HOST_EXCEPTIONS: readonly HostException[] = [
	// iCloud: discovery starts at caldav.icloud.com and answers with the account's partition, pNN-caldav.icloud.com.
	{ provider: 'icloud', from: /^(caldav|p\d{1,3}-caldav)\.icloud\.com$/, to: /^p\d{1,3}-caldav\.icloud\.com$/ },
];

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
	return isNamedException(trusted, target) ? null : 'elsewhere';
}

/** A provider's own move between its hosts: https on both sides, default port, hosts the exception names. */
function isNamedException(trusted: URL, target: URL): boolean {
	if (trusted.protocol !== 'https:' || target.protocol !== 'https:' || trusted.port !== '' || target.port !== '') return false;
	const from = trusted.hostname.toLowerCase();
	const to = target.hostname.toLowerCase();
	return HOST_EXCEPTIONS.some((e) => e.from.test(from) && e.to.test(to));
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

/**
 * Every form in which the password could come back in a server's answer or a redirect's address: the
 * password, user:password, the Basic token and the whole header value; each of them in base64 (padded
 * or not, and base64url); and every one of those as is, percent-encoded (encodeURIComponent and
 * encodeURI, upper- and lower-case hex) and with `+` for spaces as forms write. Longest first, so a
 * longer form is hidden whole.
 */
export function secretForms(user: string, password: string): string[] {
	const token = base64(`${user}:${password}`);
	const plain = [password, `${user}:${password}`, token, `Basic ${token}`];
	const encoded = plain.map(base64);
	const texts = [...plain, ...encoded, ...encoded.map((b) => b.replace(/=+$/, '')), ...[token, ...encoded].map((b) => b.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'))];
	const forms = new Set<string>();
	for (const text of texts) {
		for (const form of [text, encodeURIComponent(text), encodeURI(text)]) {
			forms.add(form);
			forms.add(form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
			forms.add(form.replace(/%20/g, '+'));
		}
	}
	// Shorter than three characters, a "secret" would blank out ordinary words of every message.
	return [...forms].filter((form) => form.length >= 3).sort((a, b) => b.length - a.length);
}

/** Base64 of a text's UTF-8 bytes, as Basic authentication writes it. */
export function base64(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** `text` with every form of a secret replaced by `***`. */
export function redact(text: string, forms: readonly string[]): string {
	let safe = text;
	for (const form of forms) if (safe.includes(form)) safe = safe.split(form).join('***');
	return safe;
}
