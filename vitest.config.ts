import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite runs apart (npm run test:faults): minutes of child processes.
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: files in parallel pairs, each with its own temp dirs and fake servers.
    maxWorkers: 2,
  },
});
