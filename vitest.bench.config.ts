import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run bench`, second part: library search latency per keystroke and JSON import time at 1,000
 * and 10,000 generated articles, in Node (IndexedDB is fake-indexeddb, so import times are an upper
 * bound for the logic, not a browser's IndexedDB). Prints figures; asserts only that things ran.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/bench/**/*.bench.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
