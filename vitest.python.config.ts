// The Python export's tests: the exported code run by Debian's python3 (see tests/python).
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

const config = mergeConfig(
	viteConfig,
	defineConfig({ test: { testTimeout: 300_000, maxWorkers: 2 } })
);
// Its own files only: mergeConfig would add them to the unit tests' list.
config.test!.include = ['tests/python/**/*.test.ts'];

export default config;
