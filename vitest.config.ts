import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{server,sync,shared,client,bench}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
