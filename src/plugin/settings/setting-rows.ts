import type { Setting } from 'obsidian';

/** One row of the settings tab, drawn by display() and by getSettingDefinitions() alike. */
export interface Row {
	name: string;
	desc?: string;
	build: (setting: Setting) => unknown;
}

export interface Section {
	heading?: string;
	rows: Row[];
}
