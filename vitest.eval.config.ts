import { defineConfig } from 'vitest/config';

// `npm run eval`: scores the classifier on the labelled dev set and prints the tables.
export default defineConfig({
  test: {
    environment: 'node',
    // `.only` fails the run instead of quietly running one test (CI=1 does the same; this holds locally too).
    allowOnly: false,
    include: ['tests/eval/**/*.eval.ts'],
  },
});
