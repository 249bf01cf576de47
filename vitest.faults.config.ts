import { defineConfig } from 'vitest/config';

// The fault suite (npm run test:faults): the real CLI as child processes, killed, run side by side,
// on bad files, a read-only folder and a full disk. Minutes, not seconds: apart from npm test.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    // One file at a time: the faults time processes against each other on two cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
