/**
 * The calendar services learners have, as data: each one's CalDAV address (or, where every account
 * has its own host, an example of it). The settings offer them by name; their names and the line on
 * where to get an app password are words, in the plugin's locale tables.
 */
export type ProviderId = 'icloud' | 'naver' | 'fastmail' | 'nextcloud' | 'synology' | 'other';

export interface CalDavProvider {
	id: ProviderId;
	/** The address discovery starts from; for a provider with a host of the learner's own, an example. */
	server: string;
	/** True when the address depends on the learner's own server (the example is only shown). */
	ownHost: boolean;
}

export const CALDAV_PROVIDERS: readonly CalDavProvider[] = [
	{ id: 'icloud', server: 'https://caldav.icloud.com/', ownHost: false },
	{ id: 'naver', server: 'https://caldav.calendar.naver.com/', ownHost: false },
	{ id: 'fastmail', server: 'https://caldav.fastmail.com/', ownHost: false },
	{ id: 'nextcloud', server: 'https://cloud.example.com/remote.php/dav/', ownHost: true },
	{ id: 'synology', server: 'https://nas.example.com:5001/caldav/', ownHost: true },
	{ id: 'other', server: 'https://caldav.example.com/', ownHost: true },
];

/** The provider a server address belongs to: a fixed address by its host, else "other". */
export function providerOf(server: string): ProviderId {
	let host: string;
	try {
		host = new URL(server).hostname;
	} catch {
		return 'other';
	}
	return CALDAV_PROVIDERS.find((p) => !p.ownHost && new URL(p.server).hostname === host)?.id ?? 'other';
}
