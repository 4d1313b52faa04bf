import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run bench`, second part: library search latency per keystroke, JSON import, library opening
 * and full JSON export at 1,000, 10,000 and 50,000 generated articles, in Node (IndexedDB is
 * fake-indexeddb, so database times are an upper bound for the logic, not a browser's IndexedDB).
 * Prints figures and writes .tmp/bench/library.json; asserts only that things ran.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    // `.only` fails the run instead of quietly running one test (CI=1 does the same; this holds locally too).
    allowOnly: false,
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/bench/**/*.bench.ts'],
    // Per size; 50,000 articles take minutes in fake-indexeddb, far more on a loaded 2-core machine.
    testTimeout: 1_800_000,
    fileParallelism: false,
  },
});
