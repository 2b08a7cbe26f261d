import type { App } from 'obsidian-test-mocks/obsidian';

/**
 * Makes obsidian-test-mocks' vault read files the way Obsidian does: the mock keeps text and binary
 * files apart, so readBinary fails on a note and read fails on bytes. In Obsidian both work on every
 * file, and read decodes bytes that are not UTF-8 lossily (U+FFFD), which is what the plugin guards
 * against.
 */
export function faithfulVault(app: App): void {
	const vault = app.vault;
	const readBinary = vault.readBinary.bind(vault);
	const read = vault.read.bind(vault);
	const cachedRead = vault.cachedRead.bind(vault);
	vault.readBinary = async (file) => {
		try {
			return await readBinary(file);
		} catch {
			const bytes = new TextEncoder().encode(await read(file));
			return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
		}
	};
	const lossy = async (file: Parameters<typeof read>[0], text: (f: typeof file) => Promise<string>) => {
		try {
			return await text(file);
		} catch {
			return new TextDecoder().decode(await readBinary(file));
		}
	};
	vault.read = (file) => lossy(file, read);
	vault.cachedRead = (file) => lossy(file, cachedRead);
}
