import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{server,sync,shared,client,bench}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // vitest's default (cores − 1) runs one file at a time on two cores; most files are
    // integration tests that wait on fsync and sockets, so two at a time keep both cores busy
    // (the unit tests went from about 350 s to 260 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
