import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 30_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    // Two cores on CI: files in parallel pairs, each with its own temp dirs and fake servers.
    maxWorkers: 2,
    projects: [
      {
        // Pure functions over text: no mocks, no servers, no process.env. Run in one module registry per
        // worker, they import the text modules once, not once a file (all unit files: 24 s -> 8 s, 2026-12-05).
        test: { ...shared, name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Each file isolated: module mocks (build-place), engines, watchers, fake servers.
        // The fault suite runs apart (npm run test:faults): minutes of child processes.
        test: { ...shared, name: 'integration', include: ['test/integration/**/*.test.ts'] },
      },
    ],
  },
});
