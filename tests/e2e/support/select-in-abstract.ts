/** A selection made in the page: its text and the centre of its box, in viewport pixels. */
export interface Selected {
  text: string;
  x: number;
  y: number;
}

/**
 * Selects `text` in the abstract as a reader's drag would leave it (one Range over the page's text),
 * first scrolled into view when `scroll` is set. Runs in the page: hand it to a driver's `evaluate`,
 * so it may use only its argument and the page's globals.
 */
export function selectInAbstract({ text, scroll }: { text: string; scroll?: boolean }): Selected {
  const root = document.querySelector('#abstract')!;
  const start = (root.textContent ?? '').indexOf(text);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (start >= offset && start < offset + length) range.setStart(node, start - offset);
    if (start + text.length <= offset + length) {
      range.setEnd(node, start + text.length - offset);
      break;
    }
    offset += length;
  }
  if (scroll) range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  const box = range.getBoundingClientRect();
  return { text: selection.toString(), x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
