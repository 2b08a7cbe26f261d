import { ButtonComponent } from 'obsidian-test-mocks/obsidian';
import { vi } from 'vitest';
import { ForgettingCurveSettingTab } from '../../../src/plugin/settings/settings-tab';
import type { Harness } from '../harness';

/** Lets real I/O run (a server answers) until `done` holds, without moving a fake clock. */
export async function until(done: () => Promise<boolean> | boolean, limitMs = 10_000): Promise<void> {
	const start = process.hrtime.bigint();
	while (!(await done())) {
		if (Number(process.hrtime.bigint() - start) / 1e6 > limitMs) throw new Error(`timed out waiting for ${done.toString()}`);
		await new Promise((resolve) => setImmediate(resolve));
	}
}

/**
 * The settings tab as Obsidian before 1.13 shows it (imperatively; its rows are the same as the
 * declarative ones), with a way to press its buttons by their text and the calendar picker.
 */
export function openSettingsTab(h: Harness): { tab: ForgettingCurveSettingTab; press: (text: string) => void; picker: HTMLSelectElement | undefined } {
	const clicks = vi.spyOn(ButtonComponent.prototype, 'onClick');
	const tab = new ForgettingCurveSettingTab(h.app as never, h.plugin);
	(tab as { display(): void }).display();
	const press = (text: string) => {
		const index = clicks.mock.contexts.findIndex((b) => (b as ButtonComponent).buttonEl.textContent === text);
		const handler = clicks.mock.calls[index]?.[0];
		if (!handler) throw new Error(`no button "${text}"`);
		void handler(new MouseEvent('click'));
	};
	return { tab, press, picker: [...tab.containerEl.querySelectorAll('select')].at(-1) };
}
