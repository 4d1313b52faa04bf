import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

// @testing-library/preact only cleans up by itself with vitest `globals: true`.
afterEach(() => cleanup());
