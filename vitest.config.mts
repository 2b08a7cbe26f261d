import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		alias: { obsidian: 'obsidian-test-mocks/obsidian' },
	},
});
