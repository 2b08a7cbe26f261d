import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		alias: { obsidian: 'obsidian-test-mocks/obsidian' },
		setupFiles: ['tests/setup.ts'],
		// Property tests run ≥ 1,000 cases each; the machine is shared, so allow them time.
		testTimeout: 120_000,
	},
});
