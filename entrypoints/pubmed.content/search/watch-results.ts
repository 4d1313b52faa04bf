import { SEARCH_RESULT, SEARCH_RESULTS } from '@/utils/page/selectors';
import { UI_ATTR } from '@/utils/page/markup';

/** Marks every element JAK Lens adds to the page; the watcher ignores those. */
export { UI_ATTR };

export interface WatchHandlers {
  /** Nodes PubMed added (infinite scroll, "Show more"); ours are left out. */
  onAdded(nodes: Node[]): void;
  /** The results container was replaced or removed (an in-page navigation). */
  onSwapped(): void;
}

/**
 * Watches `container` (PubMed's `#search-results`) through its parent, so that both chunks appended
 * inside it and a swap of the whole container are seen. Without a container it watches the body.
 * Returns the stop function.
 */
export function watchResults(
  doc: Document,
  container: Element | null,
  handlers: WatchHandlers,
): () => void {
  const target = container?.parentElement ?? container ?? doc.body;
  if (!target) return () => undefined;
  const observer = new MutationObserver((records) => {
    if (doc.querySelector(SEARCH_RESULTS) !== container) return handlers.onSwapped();
    const added = records
      .flatMap((r) => Array.from(r.addedNodes))
      .filter((n) => !(isElement(n) && n.hasAttribute(UI_ATTR)));
    if (added.length > 0) handlers.onAdded(added);
  });
  observer.observe(target, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The result elements in or at `node` (a document, a chunk, or one result). */
export function resultsIn(node: Node): Element[] {
  if (isElement(node)) {
    const inside = Array.from(node.querySelectorAll(SEARCH_RESULT));
    return node.matches(SEARCH_RESULT) ? [node, ...inside] : inside;
  }
  return node.nodeType === 9 ? Array.from((node as Document).querySelectorAll(SEARCH_RESULT)) : [];
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
