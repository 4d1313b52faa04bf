// @vitest-environment jsdom
// jsdom, not happy-dom: Apache Annotator walks text with NodeIterator.referenceNode, which happy-dom 21
// does not implement (every browser does).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anchorSelectors, describeRange } from '@/utils/reader-highlights/anchoring';
import { readFixture } from '../../support/fixtures';

/** The abstract of a real PubMed capture (PMID 37882686); anchoring runs over its text. */
let captured: Document;
let abstract: HTMLElement;
let paragraph: HTMLParagraphElement;

beforeAll(() => {
  captured = new DOMParser().parseFromString(
    readFixture('pubmed-article/PMID-37882686.html'),
    'text/html',
  );
});

beforeEach(() => {
  // A fresh copy per test (parsing the whole capture each time is slow in jsdom); tests edit it.
  const doc = document.implementation.createHTMLDocument('');
  abstract = doc.importNode(captured.getElementById('eng-abstract')!, true);
  doc.body.append(abstract);
  paragraph = abstract.querySelector('p')!;
});

/** A Range over the `occurrence`-th (0-based) appearance of `text` in the root's text. */
function rangeOf(root: Node, text: string, occurrence = 0): Range {
  const all = root.textContent ?? '';
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = all.indexOf(text, start + 1);
  if (start < 0) throw new Error(`"${text}" #${occurrence} not in the text`);
  return rangeAt(root, start, start + text.length);
}

function rangeAt(root: Node, start: number, end: number): Range {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
    if (end >= offset && end <= offset + length) {
      range.setEnd(node, end - offset);
      break;
    }
    offset += length;
  }
  return range;
}

/** Text offset of a range's start within the root (to tell occurrences apart). */
function startOf(root: Node, range: Range): number {
  const before = root.ownerDocument!.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
}

const PASSAGE = 'Mortality rates were similar in both';

describe('describeRange', () => {
  it('records the exact text, some context on both sides, and the text offsets', async () => {
    const range = rangeOf(abstract, PASSAGE);
    const selectors = await describeRange(abstract, range);
    expect(selectors.textQuote.exact).toBe(PASSAGE);
    expect(selectors.textQuote.prefix.length).toBeGreaterThanOrEqual(20);
    expect(selectors.textQuote.suffix.length).toBeGreaterThanOrEqual(20);
    const start = (abstract.textContent ?? '').indexOf(PASSAGE);
    expect(selectors.textPosition).toEqual({ start, end: start + PASSAGE.length });
  });
});

describe('anchorSelectors', () => {
  it('finds the passage again on the unchanged page', async () => {
    const selectors = await describeRange(abstract, rangeOf(abstract, PASSAGE));
    const range = await anchorSelectors(abstract, selectors);
    expect(range?.toString()).toBe(PASSAGE);
    expect(startOf(abstract, range!)).toBe(selectors.textPosition.start);
  });

  it('re-anchors to the same text after text is inserted before it', async () => {
    const selectors = await describeRange(abstract, rangeOf(abstract, PASSAGE));
    paragraph.prepend('Erratum: the abstract was updated on 2024-01-01. ');
    const range = await anchorSelectors(abstract, selectors);
    expect(range?.toString()).toBe(PASSAGE);
    expect(startOf(abstract, range!)).toBe(selectors.textPosition.start + 49);
  });

  it('re-anchors when the words right before the passage changed (one side of context intact)', async () => {
    const selectors = await describeRange(abstract, rangeOf(abstract, PASSAGE));
    paragraph.firstChild!.textContent = paragraph.textContent!.replace(
      'were compared. Mortality',
      'were contrasted. Mortality',
    );
    const range = await anchorSelectors(abstract, selectors);
    expect(range?.toString()).toBe(PASSAGE);
  });

  it('orphans a highlight whose passage was removed (null, not a guess)', async () => {
    const selectors = await describeRange(abstract, rangeOf(abstract, PASSAGE));
    paragraph.textContent = paragraph.textContent!.replace(
      /Mortality rates were similar in both\s+intervention groups\./,
      '',
    );
    expect(await anchorSelectors(abstract, selectors)).toBeNull();
  });

  it('orphans a highlight whose quoted words were edited', async () => {
    const selectors = await describeRange(abstract, rangeOf(abstract, PASSAGE));
    paragraph.textContent = paragraph.textContent!.replace(
      'rates were similar',
      'rates were alike',
    );
    expect(await anchorSelectors(abstract, selectors)).toBeNull();
  });

  describe('a passage that occurs several times', () => {
    const REPEATED = 'ascending aorta replacement';

    it('occurs three times in this abstract (the premise of these tests)', () => {
      expect((abstract.textContent ?? '').split(REPEATED)).toHaveLength(4);
    });

    it.each([0, 1, 2])('anchors occurrence %i to itself, not to a twin', async (occurrence) => {
      const original = rangeOf(abstract, REPEATED, occurrence);
      const selectors = await describeRange(abstract, original);
      const range = await anchorSelectors(abstract, selectors);
      expect(range?.toString()).toBe(REPEATED);
      expect(startOf(abstract, range!)).toBe(startOf(abstract, original));
    });

    it('keeps the right occurrence after text is inserted before all of them', async () => {
      const selectors = await describeRange(abstract, rangeOf(abstract, REPEATED, 1));
      paragraph.prepend('A long added sentence that shifts every offset in the abstract. ');
      const range = await anchorSelectors(abstract, selectors);
      // Occurrence 1 is "chances of future ascending aorta replacement".
      const context = abstract.ownerDocument.createRange();
      context.setStart(range!.startContainer, range!.startOffset - 'future '.length);
      context.setEnd(range!.endContainer, range!.endOffset);
      expect(context.toString()).toBe(`future ${REPEATED}`);
    });

    it('orphans it when its sentence is removed, though twins remain on the page', async () => {
      const selectors = await describeRange(abstract, rangeOf(abstract, REPEATED, 1));
      paragraph.textContent = paragraph.textContent!.replace(
        /it is proposed that concomitant AAR[^.]*\./,
        '',
      );
      expect(abstract.textContent).toContain(REPEATED);
      expect(await anchorSelectors(abstract, selectors)).toBeNull();
    });
  });

  it('returns null for an empty quote or offsets past the end of the text', async () => {
    const empty = {
      textQuote: { exact: '', prefix: '', suffix: '' },
      textPosition: { start: 0, end: 0 },
    };
    expect(await anchorSelectors(abstract, empty)).toBeNull();
    const gone = {
      textQuote: { exact: 'not on this page', prefix: 'x', suffix: 'y' },
      textPosition: { start: 999_999, end: 1_000_015 },
    };
    expect(await anchorSelectors(abstract, gone)).toBeNull();
  });
});
