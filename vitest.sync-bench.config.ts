import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run bench:sync` (also part of `npm run bench`): first and incremental sync at 1,000 and 10,000
 * notes against a real Apache httpd + mod_dav on loopback; time, requests and bytes. Writes
 * .tmp/bench/sync.json; asserts only that everything arrived. IndexedDB is fake-indexeddb here.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/bench/sync-bench.ts'],
    testTimeout: 1_800_000,
  },
});
