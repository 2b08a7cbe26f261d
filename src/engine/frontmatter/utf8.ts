import { refusal, type Refusal } from './refusal';

// ignoreBOM keeps a BOM in the text (the engine reads past it and writes it back): stripping it here made
// every BOM note look changed on disk when the write compared bytes.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a note's bytes, refusing anything that is not valid UTF-8: decoding lossily and writing back
 * would turn every bad byte, anywhere in the note, into U+FFFD. The refusal names the first bad byte.
 */
export function decodeNote(bytes: Uint8Array): { ok: true; text: string } | { ok: false; refusal: Refusal } {
	try {
		return { ok: true, text: strict.decode(bytes) };
	} catch {
		return { ok: false, refusal: refusal('not-utf8', { offset: firstInvalidByte(bytes) }) };
	}
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidByte(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i] ?? 0;
		let need: number;
		let min: number;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
		else return i;
		let code = b & (0xff >> (need + 2));
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			code = (code << 6) | (c & 0x3f);
		}
		if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
		i += need + 1;
	}
	return -1;
}
