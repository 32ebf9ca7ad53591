import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Imports the pure numerical core must never make: it runs in Node, in workers and in the page. */
const coreForbiddenImports = {
	patterns: [
		{ group: ['svelte', 'svelte/*'], message: 'src/lib/core is pure TypeScript: no Svelte.' },
		{ group: ['d3', 'd3-*'], message: 'src/lib/core is pure TypeScript: drawing belongs in src/lib/views.' },
		{ group: ['three', 'three/*'], message: 'src/lib/core is pure TypeScript: 3D belongs in src/lib/views.' },
		{ group: ['$app/*', '@sveltejs/*'], message: 'src/lib/core cannot depend on SvelteKit.' },
		{
			group: ['**/views/**', '**/components/**', '**/state/**', '**/export/**', '**/workers/**'],
			message: 'src/lib/core cannot import the layers above it.'
		}
	]
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/fixtures/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error'
		}
	},
	{
		files: ['src/lib/core/**/*.ts'],
		ignores: ['src/lib/core/**/*.test.ts'],
		languageOptions: { globals: { ...globals.es2022 } },
		rules: {
			'no-restricted-imports': ['error', coreForbiddenImports],
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'navigator', 'localStorage', 'location', 'self', 'process'].map((name) => ({
					name,
					message: 'src/lib/core runs everywhere: no DOM or Node globals.'
				}))
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded generator in core/random.' }
			]
		}
	}
);
