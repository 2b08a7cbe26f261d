// vitest setupFiles: Obsidian's DOM helpers (createDiv, Element.empty, …) for every test that runs in
// happy-dom. Tests in plain Node (engine, CLI, locale) have no document, and the mocks' module reads
// it when loaded, so it is loaded only where there is one.
if (typeof document !== 'undefined') {
	const { setup } = await import('obsidian-test-mocks/setup');
	setup();
}
export {};
