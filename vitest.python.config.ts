// The Python export's tests: the exported code run by Debian's python3 (see tests/python).
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
	viteConfig,
	defineConfig({ test: { include: ['tests/python/**/*.test.ts'], testTimeout: 300_000 } })
);
