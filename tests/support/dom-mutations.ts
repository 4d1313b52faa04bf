/**
 * fast-check mutations of a real capture's DOM, for the parser fuzz tests: remove, move, duplicate
 * elements, replace text or attribute values with random or hostile strings. Elements the parsers read
 * (every selector in utils/pubmed-selectors.ts) are picked as often as any element of the page.
 */
import fc from 'fast-check';
import * as selectors from '@/utils/page/selectors';
import { HOSTILE_STRINGS } from './message-arbitraries';

/** Every selector string utils/pubmed-selectors.ts exports (the parts of a page the parsers read). */
export const PARSER_SELECTORS: string = Object.values(selectors)
  .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
  .join(', ');

/** Attributes the parsers read values from. */
const ATTRIBUTES = [
  'content',
  'href',
  'value',
  'data-article-pmid',
  'data-article-id',
  'class',
  'id',
];

export type DomMutation =
  | { kind: 'remove'; target: number; parserPart: boolean }
  | { kind: 'move'; target: number; parserPart: boolean; to: number }
  | { kind: 'duplicate'; target: number; parserPart: boolean }
  | { kind: 'text'; target: number; parserPart: boolean; node: number; text: string }
  | { kind: 'attribute'; target: number; parserPart: boolean; name: string; value: string | null };

/** Random, hostile, empty, whitespace or very long replacement text. */
export const replacementText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
  fc.constantFrom(...HOSTILE_STRINGS, '', '   \n\t ', '2021', '12345678901234', 'PMC'),
  // Long enough to stress every regex; the 100,000-character case runs in the browser (security.e2e.ts).
  fc.constant('Baricitinib in juvenile dermatomyositis. '.repeat(500)),
);

const target = { target: fc.nat(), parserPart: fc.boolean() };

export const domMutation: fc.Arbitrary<DomMutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), ...target }),
  fc.record({ kind: fc.constant('move' as const), ...target, to: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), ...target }),
  fc.record({
    kind: fc.constant('text' as const),
    ...target,
    node: fc.nat(),
    text: replacementText,
  }),
  fc.record({
    kind: fc.constant('attribute' as const),
    ...target,
    name: fc.constantFrom(...ATTRIBUTES),
    value: fc.option(replacementText, { nil: null }),
  }),
);

export const domMutations = fc.array(domMutation, { minLength: 1, maxLength: 12 });

function pick<T>(items: ArrayLike<T>, index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** The elements mutations pick from; computed once per page (happy-dom's selector engine is slow). */
export interface MutationPools {
  parserParts: Element[];
  all: Element[];
}

export function mutationPools(doc: Document): MutationPools {
  return {
    parserParts: [...doc.querySelectorAll(PARSER_SELECTORS)],
    all: [...doc.querySelectorAll('body *, head > *')],
  };
}

/** Puts a node back where it was (before its old next sibling, or last in its old parent). */
function restorer(node: Node): () => void {
  const parent = node.parentNode;
  const next = node.nextSibling;
  return () => {
    if (parent) parent.insertBefore(node, next && next.parentNode === parent ? next : null);
  };
}

/**
 * Applies the mutations to `doc` in place and returns the undo, which puts back the very same nodes, so
 * one parsed capture serves every run (parsing a capture takes most of a second). html, head and body
 * themselves are never touched.
 */
export function applyDomMutations(
  pools: MutationPools,
  mutations: readonly DomMutation[],
): () => void {
  const undo: (() => void)[] = [];
  for (const m of mutations) {
    const el = pick(m.parserPart ? pools.parserParts : pools.all, m.target);
    if (!el?.isConnected) continue;
    switch (m.kind) {
      case 'remove':
        undo.push(restorer(el));
        el.remove();
        break;
      case 'move': {
        const to = pick(pools.all, m.to);
        if (!to?.isConnected || el.contains(to)) break;
        undo.push(restorer(el));
        to.before(el);
        break;
      }
      case 'duplicate': {
        const copy = el.cloneNode(true);
        el.after(copy);
        undo.push(() => copy.parentNode?.removeChild(copy));
        break;
      }
      case 'text': {
        const texts: Node[] = [];
        const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
        const node = pick(texts, m.node);
        if (node) {
          const old = node.nodeValue;
          node.nodeValue = m.text;
          undo.push(() => void (node.nodeValue = old));
        } else {
          const children = [...el.childNodes];
          el.textContent = m.text;
          undo.push(() => el.replaceChildren(...children));
        }
        break;
      }
      case 'attribute': {
        const old = el.getAttribute(m.name);
        if (m.value === null) el.removeAttribute(m.name);
        else el.setAttribute(m.name, m.value);
        undo.push(() => (old === null ? el.removeAttribute(m.name) : el.setAttribute(m.name, old)));
        break;
      }
    }
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}
