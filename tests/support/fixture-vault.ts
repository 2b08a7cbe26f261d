import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 30 end-to-end review notes (tests/fixtures/e2e-vault), by vault path under `Reviews/`. */
export function e2eVaultNotes(): Record<string, string> {
	const folder = join(__dirname, '..', 'fixtures', 'e2e-vault');
	return Object.fromEntries(readdirSync(folder).map((name) => [`Reviews/${name}`, readFileSync(join(folder, name), 'utf8')]));
}
