import { defineConfig } from 'vitest/config';

/** End-to-end suites: the built extension in real browsers. One file at a time (2-core machines). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
