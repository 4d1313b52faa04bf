import { defineConfig } from 'vitest/config';

/**
 * End-to-end suites: the built extension in real browsers, one file at a time (2-core machines).
 * Two projects so `npm test` reports Chromium and Firefox side by side; the journeys they share live in
 * tests/e2e/journeys/.
 */
const common = {
  environment: 'node',
  setupFiles: ['./tests/e2e/setup.ts'],
  testTimeout: 90_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    fileParallelism: false,
    // `.only` fails the run instead of quietly running one test (CI=1 does the same; this holds locally too).
    allowOnly: false,
    projects: [
      {
        test: {
          ...common,
          name: 'chromium',
          include: ['tests/e2e/**/*.e2e.ts'],
          exclude: ['tests/e2e/firefox*.e2e.ts'],
        },
      },
      { test: { ...common, name: 'firefox', include: ['tests/e2e/firefox*.e2e.ts'] } },
    ],
  },
});
