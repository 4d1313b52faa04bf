/**
 * Calls `onFirstUse` once, when the reader first selects text inside one of the article's roots (a
 * drag, a double click, Shift+arrows): the selection bar's code and the reader-highlight overlay are
 * loaded then (ui-loader.ts) and the bar appears for that selection as it would have. Document
 * listeners and a cheap range test, nothing else, until then. Returns the function that stops
 * listening.
 */
export function whenArticleTextFirstSelected(
  doc: Document,
  roots: readonly Element[],
  onFirstUse: () => void,
): () => void {
  const stop = () => {
    doc.removeEventListener('selectionchange', check);
    doc.removeEventListener('mouseup', check);
    doc.removeEventListener('keyup', check);
  };
  function check() {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!roots.some((root) => range.intersectsNode(root))) return;
    stop();
    onFirstUse();
  }
  doc.addEventListener('selectionchange', check);
  doc.addEventListener('mouseup', check);
  doc.addEventListener('keyup', check);
  // A selection made while the page was being marked counts too.
  check();
  return stop;
}
