import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // hcl2json's WASM runtime is heavy; forks keep each file's memory separate
    pool: 'forks',
  },
});
