import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';

export default defineConfig([
	globalIgnores(['node_modules/', 'main.js', 'build/', 'demo-vault/', 'test-results/', 'coverage/']),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'version-bump.mjs', 'scripts/*.mjs'],
				},
			},
		},
	},
	{
		// The CLI, the build scripts, the benchmark and the tests run in Node, never inside Obsidian.
		files: ['src/cli/**', 'tests/**', 'bench/**', 'scripts/**', '*.mjs', 'vitest.config.mts'],
		languageOptions: { globals: globals.node },
		rules: {
			'obsidianmd/no-nodejs-modules': 'off',
			'import/no-nodejs-modules': 'off',
			'obsidianmd/prefer-window-timers': 'off',
			'obsidianmd/no-global-this': 'off',
		},
	},
	{
		// The demo script creates a fresh vault, whose config folder is `.obsidian` by definition.
		files: ['scripts/**'],
		rules: { 'obsidianmd/hardcoded-config-path': 'off' },
	},
]);
