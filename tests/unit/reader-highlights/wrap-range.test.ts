// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyHighlights } from '@/utils/term-marks/mark-terms';
import { rangeFromSpan, spanOfRange, wrapRange } from '@/utils/reader-highlights/wrap-range';
import { createSimpleFinder, DEMO_TERMS } from '../../support/simple-finder';

const find = createSimpleFinder(DEMO_TERMS);

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

const mark = (doc: Document) => () => {
  const el = doc.createElement('jl-note-mark');
  el.setAttribute('data-jl-highlight', 'h1');
  return el;
};

const markedText = (root: HTMLElement) =>
  [...root.querySelectorAll('jl-note-mark')].map((m) => m.textContent).join('');

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

describe('wrapRange', () => {
  it('wraps a range across elements, keeps the text, and undo restores the page nodes', () => {
    const root = setUp('<p>Alpha <b>beta gamma</b> delta <i>eps</i></p>');
    const before = root.innerHTML;
    const originals = [...root.querySelectorAll('p, b, i')].flatMap((el) => [...el.childNodes]);
    const range = rangeOfText(root, 'pha beta gamma del');

    const wrapped = wrapRange(range, mark(root.ownerDocument));
    expect(wrapped.marks).toHaveLength(3);
    expect(markedText(root)).toBe('pha beta gamma del');
    expect(root.textContent).toBe('Alpha beta gamma delta eps');
    expect(root.querySelector('b > jl-note-mark')?.textContent).toBe('beta gamma');

    wrapped.undo();
    expect(root.innerHTML).toBe(before);
    const restored = [...root.querySelectorAll('p, b, i')].flatMap((el) => [...el.childNodes]);
    expect(restored).toEqual(originals);
    wrapped.undo(); // a second undo changes nothing
    expect(root.innerHTML).toBe(before);
  });

  it('never wraps whitespace between table rows', () => {
    const root = setUp(
      '<table><tbody><tr><td>one</td></tr>\n<tr><td>two</td></tr></tbody></table>',
    );
    const before = root.innerHTML;
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(root.querySelector('tbody')!);
    const wrapped = wrapRange(range, mark(root.ownerDocument));
    expect(wrapped.marks.map((m) => m.parentElement?.tagName)).toEqual(['TD', 'TD']);
    wrapped.undo();
    expect(root.innerHTML).toBe(before);
  });

  it('nests inside term marks it overlaps, and both undo in reverse order exactly', () => {
    const root = setUp('<p>Oral baricitinib and tofacitinib in JDM.</p>');
    const original = root.innerHTML;
    const terms = applyHighlights(root, find);
    expect(terms.count).toBe(3);
    const withTerms = root.innerHTML;

    // Starts inside the "baricitinib" term mark, ends inside "tofacitinib".
    const wrapped = wrapRange(rangeOfText(root, 'citinib and tofa'), mark(root.ownerDocument));
    expect(markedText(root)).toBe('citinib and tofa');
    expect(root.querySelectorAll('jl-mark > jl-note-mark')).toHaveLength(2);
    expect(root.querySelector('jl-note-mark jl-mark')).toBeNull();
    expect(root.textContent).toBe('Oral baricitinib and tofacitinib in JDM.');

    wrapped.undo();
    expect(root.innerHTML).toBe(withTerms);
    terms.undo();
    expect(root.innerHTML).toBe(original);
  });

  it('lets the term highlighter mark text inside a reader highlight (vice versa)', () => {
    const root = setUp('<p>Oral baricitinib and tofacitinib in JDM.</p>');
    const original = root.innerHTML;
    const wrapped = wrapRange(rangeOfText(root, 'Oral baricitinib and'), mark(root.ownerDocument));
    const withNote = root.innerHTML;
    const terms = applyHighlights(root, find);
    expect(root.querySelector('jl-note-mark > jl-mark')?.textContent).toBe('baricitinib');
    expect(root.textContent).toBe('Oral baricitinib and tofacitinib in JDM.');

    terms.undo();
    expect(root.innerHTML).toBe(withNote);
    wrapped.undo();
    expect(root.innerHTML).toBe(original);
  });

  it('nests a second reader highlight inside an overlapping first one', () => {
    const root = setUp('<p>one two three four</p>');
    const original = root.innerHTML;
    const first = wrapRange(rangeOfText(root, 'two three'), mark(root.ownerDocument));
    const second = wrapRange(rangeOfText(root, 'three four'), mark(root.ownerDocument));
    expect(root.querySelector('jl-note-mark jl-note-mark')?.textContent).toBe('three');
    expect(root.textContent).toBe('one two three four');
    second.undo();
    first.undo();
    expect(root.innerHTML).toBe(original);
  });
});
