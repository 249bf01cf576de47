import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: files in parallel pairs, each with its own temp dirs and fake servers.
    maxWorkers: 2,
  },
});
