// @vitest-environment jsdom
// Edge cases of the text walk behind anchoring, on minimal inline DOM (the real-capture cases are in
// anchoring.test.ts). jsdom, for XML documents with CDATA sections.
import { describe, expect, it } from 'vitest';
import {
  anchorSelectors,
  describeRange,
  uniqueQuoteMatch,
  type HighlightSelectors,
} from '@/utils/reader-highlights/anchoring';

/** A root built from parts: strings become Text nodes, arrays become <b> elements around them. */
type Part = string | Part[];
function build(parts: Part[], doc: Document = document): HTMLElement {
  const root = doc.createElement('div');
  const add = (parent: Node, items: Part[]) => {
    for (const item of items) {
      if (typeof item === 'string') parent.appendChild(doc.createTextNode(item));
      else add(parent.appendChild(doc.createElement('b')), item);
    }
  };
  add(root, parts);
  return root;
}

/** Text offset of a boundary point, measured independently with a Range over the root. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const before = root.ownerDocument!.createRange();
  before.selectNodeContents(root);
  before.setEnd(node, offset);
  return before.toString().length;
}

function spanOf(root: Node, range: Range) {
  return {
    start: offsetIn(root, range.startContainer, range.startOffset),
    end: offsetIn(root, range.endContainer, range.endOffset),
  };
}

function selectors(
  exact: string,
  prefix: string,
  suffix: string,
  start: number,
): HighlightSelectors {
  return {
    textQuote: { exact, prefix, suffix },
    textPosition: { start, end: start + exact.length },
  };
}

describe('describeRange', () => {
  it('reads a quote spanning several text nodes and elements, with offsets like textContent', async () => {
    const root = build(['Tofaci', ['tinib in', ['', ' JDM']], ' improved ', '', 'rash.']);
    const range = document.createRange();
    range.setStart(root.firstChild!, 3); // "aci|tinib…"
    range.setEnd(root.lastChild!, 4); // "…rash"
    const { textQuote, textPosition } = await describeRange(root, range);
    expect(textQuote.exact).toBe('acitinib in JDM improved rash');
    expect(textQuote.prefix).toBe('Tof');
    expect(textQuote.suffix).toBe('.');
    expect(textPosition).toEqual({ start: 3, end: 32 });
    expect(root.textContent!.slice(3, 32)).toBe(textQuote.exact);
  });

  it('takes boundaries given on elements (a selection of whole nodes)', async () => {
    const root = build(['Before ', ['baricitinib'], ' after']);
    const range = document.createRange();
    range.setStart(root, 1);
    range.setEnd(root, 2);
    const { textQuote, textPosition } = await describeRange(root, range);
    expect(textQuote).toEqual({ exact: 'baricitinib', prefix: 'Before ', suffix: ' after' });
    expect(textPosition).toEqual({ start: 7, end: 18 });
  });

  it('keeps CONTEXT_CHARS (32) of context, fewer at the edges of the root', async () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    const root = build([text]);
    const range = document.createRange();
    range.setStart(root.firstChild!, 40);
    range.setEnd(root.firstChild!, 45);
    const { textQuote } = await describeRange(root, range);
    expect(textQuote.prefix).toBe('a'.repeat(32));
    expect(textQuote.suffix).toBe('b'.repeat(32));

    const edges = build(['QUOTE at the start, and at the end QUOTE']);
    const first = document.createRange();
    first.setStart(edges.firstChild!, 0);
    first.setEnd(edges.firstChild!, 5);
    expect((await describeRange(edges, first)).textQuote.prefix).toBe('');
    const end = edges.textContent!.length;
    const last = document.createRange();
    last.setStart(edges.firstChild!, end - 5);
    last.setEnd(edges.firstChild!, end);
    const described = await describeRange(edges, last);
    expect(described.textQuote.suffix).toBe('');
    expect(described.textPosition).toEqual({ start: end - 5, end });
  });

  it('widens the context until a repeated quote with its context is unique', async () => {
    // Two copies of the quote sit inside 60 identical characters: 32 of context cannot tell them apart.
    const same = 'x'.repeat(60);
    const root = build([`A ${same}QUOTE${same} B ${same}QUOTE${same} C`]);
    const text = root.textContent!;
    const second = text.lastIndexOf('QUOTE');
    const range = document.createRange();
    range.setStart(root.firstChild!, second);
    range.setEnd(root.firstChild!, second + 5);
    const { textQuote } = await describeRange(root, range);
    expect(textQuote.prefix.length).toBeGreaterThan(60);
    const pattern = textQuote.prefix + textQuote.exact + textQuote.suffix;
    expect(text.indexOf(pattern)).toBe(text.lastIndexOf(pattern));
    expect(uniqueQuoteMatch(root, textQuote)).not.toBeNull();
  });
});

describe('anchorSelectors', () => {
  it('returns a range over several text nodes, starting and ending inside the right ones', async () => {
    const root = build(['ab', '', ['cd', ['']], 'ef', '']);
    const range = await anchorSelectors(root, selectors('bcde', 'a', 'f', 1));
    expect(range?.toString()).toBe('bcde');
    expect(range!.startContainer.textContent).toBe('ab');
    expect(range!.startOffset).toBe(1);
    expect(range!.endContainer.textContent).toBe('ef');
    expect(range!.endOffset).toBe(1);
  });

  it('never starts a range in an empty node or at the tail of the previous node', async () => {
    const root = build(['one', '', ['', 'two'], 'three']);
    const range = await anchorSelectors(root, selectors('two', 'one', 'three', 3));
    expect(range?.toString()).toBe('two');
    expect(range!.startContainer.textContent).toBe('two');
    expect(range!.startOffset).toBe(0);
    expect(range!.endContainer.textContent).toBe('two');
    expect(range!.endOffset).toBe(3);
  });

  it('finds a quote at the very start and at the very end of the root', async () => {
    const root = build([['JDM'], ' and then ', ['JDM']]);
    const first = await anchorSelectors(root, selectors('JDM', '', ' and', 0));
    expect(spanOf(root, first!)).toEqual({ start: 0, end: 3 });
    const last = await anchorSelectors(root, selectors('JDM', 'then ', '', 13));
    expect(spanOf(root, last!)).toEqual({ start: 13, end: 16 });
  });

  it('picks the repeated quote nearest the stored offset when the context cannot tell', async () => {
    const root = build(['rash; rash; rash; rash']);
    for (const start of [0, 6, 12, 18]) {
      const range = await anchorSelectors(root, selectors('rash', '', '', start));
      expect(spanOf(root, range!).start).toBe(start);
    }
    // Offset 8 is nearer 6 than 12.
    const near = await anchorSelectors(root, selectors('rash', '', '', 8));
    expect(spanOf(root, near!).start).toBe(6);
  });

  it('finds overlapping occurrences (each start counts, not only non-overlapping ones)', async () => {
    const root = build(['aaaa']);
    // "a" + "aa" occurs at 0 and at 1 (overlapping), so the quote starts at 1 or 2.
    const range = await anchorSelectors(root, selectors('aa', 'a', '', 2));
    expect(spanOf(root, range!)).toEqual({ start: 2, end: 4 });
  });

  it('orphans a quote whose stored offsets lie beyond the text when the context is gone', async () => {
    const root = build(['short text']);
    expect(await anchorSelectors(root, selectors('text', 'old ', ' gone', 500))).toBeNull();
    expect(await anchorSelectors(root, selectors('text', 'x', 'y', -3))).toBeNull();
    // With its context intact it is found wherever it now is.
    const found = await anchorSelectors(root, selectors('text', 'short ', '', 500));
    expect(spanOf(root, found!)).toEqual({ start: 6, end: 10 });
  });

  it('accepts the bare quote only at exactly the stored offset', async () => {
    const root = build(['new words QUOTE new words']);
    expect(
      spanOf(root, (await anchorSelectors(root, selectors('QUOTE', 'old ', ' old', 10)))!),
    ).toEqual({ start: 10, end: 15 });
    expect(await anchorSelectors(root, selectors('QUOTE', 'old ', ' old', 11))).toBeNull();
  });

  it('orphans on an empty root and on an empty quote', async () => {
    expect(await anchorSelectors(build([]), selectors('x', '', '', 0))).toBeNull();
    expect(await anchorSelectors(build(['abc']), selectors('', '', '', 0))).toBeNull();
  });

  it('ignores comments, and CDATA sections in XML, as text', async () => {
    const root = build(['alpha ', 'beta']);
    root.insertBefore(document.createComment('beta gamma'), root.lastChild);
    const described = await describeRange(root, rangeAt(root.lastChild!, 0, 4));
    expect(described.textPosition).toEqual({ start: 6, end: 10 });
    expect(described.textQuote.prefix).toBe('alpha ');
    const range = await anchorSelectors(root, selectors('gamma', '', '', 0));
    expect(range).toBeNull();

    const xml = new DOMParser().parseFromString(
      '<doc>one <![CDATA[hidden]]>two</doc>',
      'application/xml',
    );
    const doc = xml.documentElement;
    expect(doc.childNodes[1]!.nodeType).toBe(4); // CDATA_SECTION_NODE
    expect(await anchorSelectors(doc, selectors('hidden', '', '', 4))).toBeNull();
    const two = await anchorSelectors(doc, selectors('two', 'one ', '', 4));
    expect(two?.toString()).toBe('two');
    expect(two!.startContainer).toBe(doc.lastChild);
  });

  it('round-trips every span of a fragmented root', async () => {
    const root = build(['a', ['bc', ''], '', ['d', ['ef']], 'g']);
    const text = root.textContent!;
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const described = await describeRange(root, rangeFor(root, start, end));
        expect(described.textPosition).toEqual({ start, end });
        const range = await anchorSelectors(root, described);
        expect(range?.toString()).toBe(text.slice(start, end));
        expect(spanOf(root, range!)).toEqual({ start, end });
      }
    }
  });
});

function rangeAt(node: Node, start: number, end: number): Range {
  const range = node.ownerDocument!.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

/** A Range over [start, end) of root's text, built by walking text nodes here in the test. */
function rangeFor(root: Node, start: number, end: number): Range {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument!.createRange();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (start >= offset && start < offset + length) range.setStart(node, start - offset);
    if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
    offset += length;
  }
  return range;
}
