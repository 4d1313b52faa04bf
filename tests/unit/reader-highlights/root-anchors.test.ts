// @vitest-environment jsdom
// jsdom, not happy-dom: Apache Annotator walks text with NodeIterator.referenceNode (see anchoring.test.ts).
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  anchorInRoots,
  describeInRoots,
  locateSelection,
  trimSpan,
} from '@/utils/reader-highlights/root-anchors';
import { TabMessageSchema } from '@/utils/messaging/messages';

/** Two roots with an unrelated block between them, like PubMed's heading and abstract. */
function page(title: string, abstract: string): Element[] {
  document.body.replaceChildren();
  const roots = [title, 'Authors and affiliations', abstract].map((text) => {
    const el = document.createElement('div');
    el.textContent = text;
    document.body.append(el);
    return el;
  });
  return [roots[0]!, roots[2]!];
}

function rangeOver(node: Node, from: number, toNode: Node, to: number): Range {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(toNode, to);
  return range;
}

describe('trimSpan', () => {
  it.each([
    ['  word ', { start: 0, end: 7 }, { start: 2, end: 6 }],
    ['word', { start: 0, end: 4 }, { start: 0, end: 4 }],
    [' \n ', { start: 0, end: 3 }, null],
  ])('trims %j', (text, span, expected) => {
    expect(trimSpan(text, span)).toEqual(expected);
  });
});

describe('locateSelection', () => {
  it('keeps the part of a selection inside the first root it touches', () => {
    const [title, abstract] = page('JAK inhibitors in JDM', 'Baricitinib was used.');
    // From "in JDM" in the title, over the author block, into the abstract.
    const range = rangeOver(title!.firstChild!, 15, abstract!.firstChild!, 11);
    expect(locateSelection([title!, abstract!], range)).toEqual({ root: 0, start: 15, end: 21 });
  });

  it('returns null outside the roots or for whitespace only', () => {
    const roots = page('Title ', 'Abstract');
    const authors = document.body.children[1]!;
    expect(locateSelection(roots, rangeOver(authors.firstChild!, 0, authors.firstChild!, 7))).toBe(
      null,
    );
    expect(
      locateSelection(roots, rangeOver(roots[0]!.firstChild!, 5, roots[0]!.firstChild!, 6)),
    ).toBe(null);
  });
});

describe('describeInRoots / anchorInRoots', () => {
  it('counts offsets over the roots joined, and finds the passage in its own root', async () => {
    const roots = page('Tofacitinib in JDM', 'In JDM, tofacitinib helped.');
    const selectors = await describeInRoots(roots, { root: 1, start: 3, end: 6 });
    expect(selectors.textQuote.exact).toBe('JDM');
    expect(selectors.textPosition).toEqual({ start: 18 + 3, end: 18 + 6 });
    await expect(anchorInRoots(roots, selectors)).resolves.toEqual({ root: 1, start: 3, end: 6 });
  });

  it('leaves a highlight orphaned rather than moving it onto a look-alike in another root', async () => {
    let roots = page('In JDM: tofacitinib', 'In JDM, tofacitinib helped.');
    const selectors = await describeInRoots(roots, { root: 1, start: 3, end: 6 });
    expect(selectors.textQuote.prefix).toBe('In ');
    // The abstract no longer says JDM; the title still has "In JDM" (same prefix, other suffix).
    roots = page('In JDM: tofacitinib', 'In juvenile myositis, tofacitinib helped.');
    await expect(anchorInRoots(roots, selectors)).resolves.toBeNull();
  });

  it('still finds the passage with its whole context when the title before it grew', async () => {
    let roots = page('JDM', 'Oral tofacitinib helped in refractory JDM.');
    const selectors = await describeInRoots(roots, { root: 1, start: 5, end: 16 });
    // The stored offset (3 + 5) now points into the longer title.
    roots = page('JAK inhibitors in refractory JDM', 'Oral tofacitinib helped in refractory JDM.');
    await expect(anchorInRoots(roots, selectors)).resolves.toEqual({ root: 1, start: 5, end: 16 });
  });
});

describe('tab messages', () => {
  it('accepts the highlight-the-selection relay and nothing extra on it', () => {
    const ok = v.safeParse(TabMessageSchema, { type: 'highlight/create-from-selection' });
    expect(ok.success).toBe(true);
    const extra = v.safeParse(TabMessageSchema, {
      type: 'highlight/create-from-selection',
      text: 'injected',
    });
    expect(extra.success).toBe(false);
  });
});
