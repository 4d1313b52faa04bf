/**
 * Removes what `selector` matches from `doc` (outermost matches only), runs `run`, then puts every
 * element back where it was, so one parse of a capture serves every selector. Returns the match count.
 */
export function withoutMatches(doc: Document, selector: string, run: () => void): number {
  const all = Array.from(doc.querySelectorAll(selector));
  const top = all.filter((el) => !el.parentElement?.closest(selector));
  const places = top.map((el) => ({ el, parent: el.parentNode!, next: el.nextSibling }));
  places.forEach(({ el }) => el.remove());
  try {
    run();
  } finally {
    for (const { el, parent, next } of places.reverse()) parent.insertBefore(el, next);
  }
  return all.length;
}
