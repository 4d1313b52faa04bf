// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeFromSpan, spanOfRange } from '@/utils/reader-highlights/text-spans';

function setUp(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  root.innerHTML = html; // test fixture only
  doc.body.append(root);
  return root;
}

/** A Range over the first occurrence of `text` in root's text. */
function rangeOfText(root: HTMLElement, text: string): Range {
  const start = (root.textContent ?? '').indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in the text`);
  return rangeFromSpan(root, { start, end: start + text.length })!;
}

describe('rangeFromSpan / spanOfRange', () => {
  it.each([
    ['inside one node', 'pha be'],
    ['across elements', 'beta gamma delta'],
    ['a whole element', 'eps'],
  ])('round-trips a span %s', (_name, text) => {
    const root = setUp('<p>Alpha <b>beta gamma</b> delta <i>eps</i></p>');
    const range = rangeOfText(root, text);
    expect(range.toString()).toBe(text);
    const start = (root.textContent ?? '').indexOf(text);
    expect(spanOfRange(root, range)).toEqual({ start, end: start + text.length });
  });

  it('rejects spans outside the text and ranges outside the root', () => {
    const root = setUp('<p>short</p>');
    expect(rangeFromSpan(root, { start: 2, end: 99 })).toBeNull();
    expect(rangeFromSpan(root, { start: 3, end: 3 })).toBeNull();
    const elsewhere = root.ownerDocument.createRange();
    elsewhere.selectNodeContents(root.ownerDocument.body);
    expect(spanOfRange(root.querySelector('p')!, elsewhere)).toBeNull();
  });
});
