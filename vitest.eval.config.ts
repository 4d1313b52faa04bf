import { defineConfig } from 'vitest/config';

// `npm run eval`: scores the classifier on the labelled dev set and prints the tables.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/eval/**/*.eval.ts'],
  },
});
