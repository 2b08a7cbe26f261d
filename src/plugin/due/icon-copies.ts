import { setIcon } from 'obsidian';

/** Each icon drawn once by Obsidian, kept aside to be copied. */
const DRAWN = new Map<string, HTMLElement>();

/**
 * Puts icon `name` into `el` as a copy of one drawn once: setIcon builds the SVG anew on every call,
 * and the due list draws the same two icons in every row and on every live update.
 */
export function copyIcon(el: HTMLElement, name: string): void {
	let drawn = DRAWN.get(name);
	if (!drawn) {
		drawn = createDiv();
		setIcon(drawn, name);
		DRAWN.set(name, drawn);
	}
	for (const node of Array.from(drawn.childNodes)) el.appendChild(node.cloneNode(true));
}

/** The due list's icons, drawn when the app is idle after start-up rather than in the list's first frame. */
const DUE_LIST_ICONS = ['check', 'bar-chart-3'] as const;

export function prepareIcons(): void {
	for (const name of DUE_LIST_ICONS) copyIcon(createDiv(), name);
}
