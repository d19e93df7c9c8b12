import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', '.cache/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				project: ['./tsconfig.json', './tsconfig.node.json', './tsconfig.core.json'],
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/switch-exhaustiveness-check': [
				'error',
				{ considerDefaultExhaustiveForUnions: true }
			],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{ files: ['**/*.js'], ...ts.configs.disableTypeChecked },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		// The core is pure: no UI, no workers, no Svelte, no Node, no hidden randomness or clock.
		files: ['src/core/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'**/ui/**',
						'**/workers/**',
						'svelte',
						'svelte/*',
						'node:*',
						'fs',
						'path',
						'idb',
						'vega'
					]
				}
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Take an Rng (util/rng.ts).' },
				{ object: 'Date', property: 'now', message: 'Take a clock from the caller.' }
			],
			'no-restricted-globals': [
				'error',
				'window',
				'document',
				'self',
				'Worker',
				'localStorage',
				'indexedDB',
				'performance'
			]
		}
	},
	{
		// Workers and the UI talk to the core; they never import each other's internals.
		files: ['src/workers/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['**/ui/**', 'svelte', 'svelte/*'] }] }
	}
);
