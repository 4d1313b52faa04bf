// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHighlights, applyHighlightsChunked } from '../../../utils/term-marks/mark-terms';
import type { Mention, MentionFinder } from '../../../utils/match/mention';
import { createSimpleFinder, DEMO_TERMS } from '../../support/simple-finder';

/** A page fragment as plain data, so the test can know independently what is excluded. */
type Tree = { text: string } | { tag: string; attr: string | null; children: Tree[] };

const EXCLUDE = 'nav, .skip';
const SKIP_TAGS = new Set(
  'script style noscript textarea select option button svg jl-mark input'.split(' '),
);
const SKIPPED_SELECTOR = `${[...SKIP_TAGS].join(',')},[contenteditable],[data-jl-ui],${EXCLUDE}`;

const find = createSimpleFinder(DEMO_TERMS);

const termArb = fc
  .constantFrom(...DEMO_TERMS.map((t) => t.term))
  .chain((t) => fc.constantFrom(t, t.toUpperCase(), t.toLowerCase()));
const glueArb = fc.constantFrom(' ', ', ', '-', '\n   ', 'x', '1', '_', '\u00a0', 'é', '(', '');
const textArb = fc
  .array(fc.oneof(termArb, glueArb, fc.string({ maxLength: 6 })), { maxLength: 8 })
  .map((parts) => ({ text: parts.join('') }));

const tagArb = fc.constantFrom(
  'div', 'p', 'span', 'b', 'a', 'li', 'section', 'nav', 'script', 'style', 'noscript',
  'textarea', 'select', 'option', 'button', 'svg', 'jl-mark', 'input',
); // prettier-ignore
const attrArb = fc.constantFrom(null, null, null, 'contenteditable', 'data-jl-ui', 'class=skip');

const { tree: treeArb } = fc.letrec<{ tree: Tree; element: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, textArb, tie('element')),
  element: fc.record({
    tag: tagArb,
    attr: attrArb,
    children: fc.array(tie('tree'), { maxLength: 4 }),
  }),
}));
const forestArb = fc.array(treeArb, { minLength: 1, maxLength: 6 });

function isExcluded(node: Tree): boolean {
  return 'tag' in node && (SKIP_TAGS.has(node.tag) || node.tag === 'nav' || node.attr !== null);
}

function build(doc: Document, node: Tree): Node {
  if ('text' in node) return doc.createTextNode(node.text);
  const el = doc.createElement(node.tag);
  if (node.attr === 'class=skip') el.className = 'skip';
  else if (node.attr) el.setAttribute(node.attr, node.attr === 'contenteditable' ? 'true' : '');
  // Appended one by one, so adjacent text children stay separate nodes, as pages sometimes have.
  for (const child of node.children) el.appendChild(build(doc, child));
  return el;
}

function mount(forest: Tree[]): HTMLElement {
  const root = document.createElement('div');
  for (const node of forest) root.appendChild(build(document, node));
  return root;
}

/** How many mentions the finder reports in text that is not inside an excluded element. */
function expectedCount(nodes: Tree[], finder: MentionFinder): number {
  let n = 0;
  for (const node of nodes) {
    if ('text' in node) n += finder(node.text).length;
    else if (!isExcluded(node)) n += expectedCount(node.children, finder);
  }
  return n;
}

function textNodes(root: Node): Node[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Node[] = [];
  while (walker.nextNode()) out.push(walker.currentNode);
  return out;
}

const opts = { exclude: EXCLUDE };

describe('applyHighlights on random trees', () => {
  it('keeps textContent and marks exactly the eligible mentions', () => {
    fc.assert(
      fc.property(forestArb, (forest) => {
        const root = mount(forest);
        const text = root.textContent;
        const result = applyHighlights(root, find, opts);
        expect(root.textContent).toBe(text);
        expect(result.count).toBe(expectedCount(forest, find));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(forestArb, (forest) => {
        const root = mount(forest);
        applyHighlights(root, find, opts);
        const once = root.outerHTML;
        const nodesOnce = textNodes(root);
        expect(applyHighlights(root, find, opts).count).toBe(0);
        expect(root.outerHTML).toBe(once);
        expect(textNodes(root)).toStrictEqual(nodesOnce);
      }),
      { numRuns: 300 },
    );
  });

  it('undo gives back identical outerHTML and the same text node objects', () => {
    fc.assert(
      fc.property(forestArb, fc.boolean(), (forest, twice) => {
        const root = mount(forest);
        const html = root.outerHTML;
        const nodes = textNodes(root);
        const first = applyHighlights(root, find, opts);
        const second = twice ? applyHighlights(root, find, opts) : null;
        second?.undo();
        first.undo();
        expect(root.outerHTML).toBe(html);
        const after = textNodes(root);
        expect(after.length).toBe(nodes.length);
        expect(after.every((n, i) => n === nodes[i])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never marks inside excluded elements and never nests marks', () => {
    fc.assert(
      fc.property(forestArb, (forest) => {
        const root = mount(forest);
        for (const mark of applyHighlights(root, find, opts).marks) {
          expect(mark.parentElement?.closest(SKIPPED_SELECTOR) ?? null).toBeNull();
          expect(mark.children).toHaveLength(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, even with a finder that returns garbage', () => {
    const garbage = fc.array(
      fc.record({
        start: fc.integer({ min: -5, max: 60 }),
        end: fc.integer({ min: -5, max: 60 }),
        termId: fc.string({ maxLength: 4 }),
        kind: fc.constantFrom('drug', 'target', 'disease'),
      }),
      { maxLength: 6 },
    ) as fc.Arbitrary<Mention[]>;
    fc.assert(
      fc.property(forestArb, garbage, (forest, mentions) => {
        const root = mount(forest);
        const html = root.outerHTML;
        const text = root.textContent;
        const result = applyHighlights(root, () => mentions, opts);
        expect(root.textContent).toBe(text);
        result.undo();
        expect(root.outerHTML).toBe(html);
      }),
      { numRuns: 300 },
    );
  });

  it('the chunked version gives the same DOM as the synchronous one', async () => {
    await fc.assert(
      fc.asyncProperty(forestArb, async (forest) => {
        const syncRoot = mount(forest);
        const chunkRoot = mount(forest);
        const html = chunkRoot.outerHTML;
        applyHighlights(syncRoot, find, opts);
        const result = await applyHighlightsChunked(chunkRoot, find, {
          ...opts,
          budgetMs: 0,
          yieldFn: () => Promise.resolve(),
        });
        expect(chunkRoot.outerHTML).toBe(syncRoot.outerHTML);
        result.undo();
        expect(chunkRoot.outerHTML).toBe(html);
      }),
      { numRuns: 150 },
    );
  });
});
