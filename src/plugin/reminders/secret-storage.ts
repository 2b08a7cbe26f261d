import { type App, requireApiVersion, SecretComponent, type Setting } from 'obsidian';

/*
 * Obsidian's SecretStorage and SecretComponent (1.11.4) keep the CalDAV password out of data.json.
 * minAppVersion stays lower, so each use is guarded by requireApiVersion, here and nowhere else (the
 * version is written out in each guard because the review lint reads the literal there).
 */

/** Whether this Obsidian keeps secrets. */
export function secretStorageAvailable(): boolean {
	return requireApiVersion('1.11.4');
}

/** The secret saved under `id`, or null (none saved, or an Obsidian without SecretStorage). */
export function readSecret(app: App, id: string): string | null {
	return requireApiVersion('1.11.4') && id !== '' ? app.secretStorage.getSecret(id) : null;
}

/** Obsidian's own secret picker in a settings row; it reports the chosen secret's name, never its value. */
export function addSecretPicker(setting: Setting, app: App, id: string, onChange: (id: string) => void): void {
	if (requireApiVersion('1.11.4')) setting.addComponent((el) => new SecretComponent(app, el).setValue(id).onChange(onChange));
}
