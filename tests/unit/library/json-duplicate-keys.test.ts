import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from '@/utils/library/json-duplicate-keys';

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"b":2}', null],
    ['[{"a":1},{"a":2}]', null],
    ['{"a":{"x":1},"b":{"x":2}}', null],
    ['{"s":"{\\"a\\":1,\\"a\\":2}"}', null],
    ['{"a":1,"a":2}', { path: [], key: 'a' }],
    [
      '{"notes":[{"body":"x"},{"body":"y","tags":[],"body":"z"}]}',
      { path: ['notes', 1], key: 'body' },
    ],
    ['{"k\\u0065y":1,"key":2}', { path: [], key: 'key' }],
    ['{"a":[1,[2,{"b":1,"b":1}]]}', { path: ['a', 1, 1], key: 'b' }],
  ])('%s → %o', (json, expected) => {
    JSON.parse(json);
    expect(findDuplicateKey(json)).toEqual(expected);
  });
});
