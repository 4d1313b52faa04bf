// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyHighlights,
  applyHighlightsChunked,
  INITIAL_WRAP_LIMIT,
  MAX_WRAP_LIMIT,
  MIN_WRAP_LIMIT,
  nextWrapLimit,
  RENDER_TARGET_MS,
  removeAllHighlights,
} from '../../../utils/term-marks/mark-terms';
import type { MentionFinder } from '../../../utils/match/mention';
import { createSimpleFinder, DEMO_TERMS, FIXTURE_TERMS } from '../../support/simple-finder';

const find = createSimpleFinder(FIXTURE_TERMS);
const SKIPPED = 'script,style,noscript,textarea,input,select,option,[contenteditable],[data-jl-ui]';

function loadFixture(path: string): Document {
  // Resolved from the project root: under happy-dom, `URL` is not Node's and fs rejects it.
  const html = readFileSync(resolve('tests/fixtures', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function parse(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
}

const captures = [
  ['PMC full text', 'pmc-article/PMC8885717.html', 400],
  ['PubMed article', 'pubmed-article/PMID-37882686.html', 10],
] as const;

for (const [name, path, atLeast] of captures)
  describe(`round trip on the ${name} capture`, () => {
    it('applies, is idempotent, and undo restores the exact HTML', () => {
      const doc = loadFixture(path);
      const before = doc.documentElement.outerHTML;
      const text = doc.body.textContent;
      const first = applyHighlights(doc.body, find);
      expect(first.count).toBeGreaterThanOrEqual(atLeast);
      expect(doc.querySelectorAll('jl-mark')).toHaveLength(first.count);
      expect(doc.body.textContent).toBe(text);
      const afterFirst = doc.documentElement.outerHTML;

      const second = applyHighlights(doc.body, find);
      expect(second.count).toBe(0);
      expect(doc.documentElement.outerHTML).toBe(afterFirst);

      second.undo();
      first.undo();
      expect(doc.documentElement.outerHTML).toBe(before);
      expect(doc.querySelectorAll('jl-mark')).toHaveLength(0);
    });

    it('puts back the very same text node objects (removeAllHighlights too)', () => {
      const doc = loadFixture(path);
      const textNodes = () => {
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        const out: Node[] = [];
        while (walker.nextNode()) out.push(walker.currentNode);
        return out;
      };
      const before = textNodes();
      const { marks } = applyHighlights(doc.body, find);
      expect(removeAllHighlights(doc.body)).toBe(marks.length);
      const after = textNodes();
      expect(after).toHaveLength(before.length);
      expect(after.every((node, i) => node === before[i])).toBe(true);
    });

    it('never marks inside excluded elements', () => {
      const doc = loadFixture(path);
      const { marks } = applyHighlights(doc.body, find, { exclude: 'nav, footer, .ncbi-footer' });
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) {
        expect(
          mark.parentElement!.closest(`${SKIPPED},jl-mark,nav,footer,.ncbi-footer`),
        ).toBeNull();
      }
    });

    it('marks the same nodes in chunks as in one go', async () => {
      const syncDoc = loadFixture(path);
      const chunkDoc = loadFixture(path);
      const before = chunkDoc.documentElement.outerHTML;
      applyHighlights(syncDoc.body, find);
      const chunks: number[] = [];
      const result = await applyHighlightsChunked(chunkDoc.body, find, {
        budgetMs: 0.5,
        yieldFn: () => Promise.resolve(),
        onChunk: (ms) => chunks.push(ms),
      });
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunkDoc.documentElement.outerHTML).toBe(syncDoc.documentElement.outerHTML);
      result.undo();
      expect(chunkDoc.documentElement.outerHTML).toBe(before);
    });
  });

describe('applyHighlights', () => {
  const demo = createSimpleFinder(DEMO_TERMS);

  it('wraps each match in a focusable jl-mark with kind and term', () => {
    const doc = parse('<p>Baricitinib blocks JAK1 in JDM.</p>');
    const { marks } = applyHighlights(doc.body, demo);
    expect(marks.map((m) => [m.textContent, m.dataset.jlKind, m.dataset.jlTerm])).toEqual([
      ['Baricitinib', 'drug', 'drug:baricitinib'],
      ['JAK1', 'target', 'target:JAK1'],
      ['JDM', 'disease', 'disease:jdm'],
    ]);
    expect(marks.every((m) => m.localName === 'jl-mark' && m.tabIndex === 0)).toBe(true);
    expect(doc.body.textContent).toBe('Baricitinib blocks JAK1 in JDM.');
  });

  it('skips code, form controls, editable areas, our UI and opts.exclude', () => {
    const doc = parse(
      '<script>var d = "JAK1"</script><style>.JAK1{}</style><textarea>JAK1</textarea>' +
        '<select><option>JAK1</option></select><div contenteditable="true"><b>JAK1</b></div>' +
        '<div data-jl-ui><p>JAK1</p></div><nav>JAK1</nav><p>JAK1</p>',
    );
    const result = applyHighlights(doc.body, demo, { exclude: 'nav' });
    expect(result.count).toBe(1);
    expect(result.marks[0]!.parentElement!.localName).toBe('p');
  });

  it('marks only the requested kinds', () => {
    const doc = parse('<p>tofacitinib and TYK2 in dermatomyositis</p>');
    const result = applyHighlights(doc.body, demo, { kinds: new Set(['target']) });
    expect(result.marks.map((m) => m.textContent)).toEqual(['TYK2']);
  });

  it('stays idempotent with a finder that depends on context (end of string)', () => {
    const atEnd: MentionFinder = (text) => {
      const m = /JAK1(?=\s*$)/.exec(text);
      return m ? [{ start: m.index, end: m.index + 4, termId: 'target:JAK1', kind: 'target' }] : [];
    };
    const doc = parse('<p>JAK1 JAK1</p>');
    expect(applyHighlights(doc.body, atEnd).count).toBe(1);
    const once = doc.body.outerHTML;
    // The piece "JAK1 " would match on its own; it is ours, so it is not searched again.
    expect(applyHighlights(doc.body, atEnd).count).toBe(0);
    expect(doc.body.outerHTML).toBe(once);
  });

  it('does nothing when the root itself is excluded', () => {
    const doc = parse('<div data-jl-ui><p id="x">JAK1</p></div>');
    expect(applyHighlights(doc.getElementById('x')!, demo).count).toBe(0);
  });

  it('keeps text nodes the page split itself when undoing', () => {
    const doc = parse('<p id="p"></p>');
    const p = doc.getElementById('p')!;
    p.append(doc.createTextNode('before JAK2 '), doc.createTextNode('and STAT1 after'));
    const [a, b] = [...p.childNodes];
    applyHighlights(doc.body, demo).undo();
    expect([...p.childNodes]).toEqual([a, b]);
    expect(p.childNodes[0]).toBe(a);
    expect(p.childNodes[1]).toBe(b);
  });

  it('ignores overlapping, empty and out-of-range mentions from a sloppy finder', () => {
    const doc = parse('<p>abcdef</p>');
    const result = applyHighlights(doc.body, () => [
      { start: 3, end: 5, termId: 'b', kind: 'target' },
      { start: 0, end: 4, termId: 'a', kind: 'drug' },
      { start: 5, end: 5, termId: 'empty', kind: 'drug' },
      { start: 4, end: 99, termId: 'far', kind: 'drug' },
    ]);
    expect(result.marks.map((m) => m.textContent)).toEqual(['abcd']);
  });

  it('survives the page removing a marked paragraph before undo', () => {
    const doc = parse('<p id="gone">JAK1</p><p>JAK2</p>');
    const before = doc.body.outerHTML;
    const result = applyHighlights(doc.body, demo);
    doc.getElementById('gone')!.remove();
    expect(() => result.undo()).not.toThrow();
    expect(doc.body.outerHTML).toBe(before.replace('<p id="gone">JAK1</p>', ''));
  });
});

describe('removeAllHighlights', () => {
  it('restores marks it made and merges back marks left by an earlier script', () => {
    const doc = parse(
      '<p>a JAK1 b</p><p id="old">x <jl-mark data-jl-kind="target">TYK2</jl-mark> y</p>',
    );
    applyHighlights(doc.body, createSimpleFinder(DEMO_TERMS));
    expect(removeAllHighlights(doc.body)).toBe(2);
    expect(doc.body.querySelectorAll('p')[0]!.childNodes).toHaveLength(1);
    const old = doc.getElementById('old')!;
    expect(old.childNodes).toHaveLength(1);
    expect(old.textContent).toBe('x TYK2 y');
  });
});

describe('applyHighlightsChunked', () => {
  it('undoes its work and rejects when aborted between chunks', async () => {
    const doc = parse('<p>JAK1</p>'.repeat(200));
    const before = doc.body.outerHTML;
    const controller = new AbortController();
    const run = applyHighlightsChunked(doc.body, createSimpleFinder(DEMO_TERMS), {
      budgetMs: 0,
      signal: controller.signal,
      yieldFn: async () => controller.abort(new Error('stop')),
    });
    await expect(run).rejects.toThrow('stop');
    expect(doc.body.outerHTML).toBe(before);
  });
});

describe('nextWrapLimit', () => {
  it('leaves the limit alone when nothing was measured or wrapped', () => {
    expect(nextWrapLimit(64, 64, undefined)).toBe(64);
    expect(nextWrapLimit(64, 0, 500)).toBe(64);
    expect(nextWrapLimit(64, 64, Number.NaN)).toBe(64);
  });

  it('scales the limit down in proportion to a slow frame, not below the minimum', () => {
    expect(nextWrapLimit(64, 60, RENDER_TARGET_MS * 3)).toBe(20);
    expect(nextWrapLimit(64, 60, RENDER_TARGET_MS * 1000)).toBe(MIN_WRAP_LIMIT);
  });

  it('doubles the limit after a fast frame only when the limit was what ended the chunk', () => {
    expect(nextWrapLimit(64, 64, 1)).toBe(128);
    expect(nextWrapLimit(64, 10, 1)).toBe(64);
    expect(nextWrapLimit(MAX_WRAP_LIMIT, MAX_WRAP_LIMIT, 1)).toBe(MAX_WRAP_LIMIT);
    // Between half the target and the target: keep it.
    expect(nextWrapLimit(64, 64, RENDER_TARGET_MS * 0.75)).toBe(64);
  });
});

describe('applyHighlightsChunked pacing', () => {
  /** Runs over `n` one-mark paragraphs; returns how many text nodes each chunk wrapped. */
  async function chunkSizes(n: number, renderMs: number | undefined): Promise<number[]> {
    const doc = parse('<p>JAK1</p>'.repeat(n));
    const sizes: number[] = [];
    let seen = 0;
    const count = () => doc.getElementsByTagName('jl-mark').length;
    const result = await applyHighlightsChunked(doc.body, createSimpleFinder(DEMO_TERMS), {
      // A budget no chunk reaches: only the wrap limit ends chunks here.
      budgetMs: 60_000,
      yieldFn: async () => {
        sizes.push(count() - seen);
        seen = count();
        return renderMs;
      },
    });
    sizes.push(count() - seen);
    expect(result.count).toBe(n);
    return sizes;
  }

  it('wraps at most INITIAL_WRAP_LIMIT text nodes before the first frame', async () => {
    const sizes = await chunkSizes(INITIAL_WRAP_LIMIT * 3, undefined);
    expect(sizes).toEqual([INITIAL_WRAP_LIMIT, INITIAL_WRAP_LIMIT, INITIAL_WRAP_LIMIT]);
  });

  it('shrinks chunks after slow frames and grows them after fast ones', async () => {
    const slow = await chunkSizes(400, RENDER_TARGET_MS * 4);
    expect(slow[0]).toBe(INITIAL_WRAP_LIMIT);
    expect(slow[1]).toBeLessThan(INITIAL_WRAP_LIMIT);
    expect(Math.min(...slow.slice(0, -1))).toBe(MIN_WRAP_LIMIT);
    const fast = await chunkSizes(400, 1);
    expect(fast[1]).toBe(INITIAL_WRAP_LIMIT * 2);
    expect(fast.length).toBeLessThan(slow.length);
  });
});
