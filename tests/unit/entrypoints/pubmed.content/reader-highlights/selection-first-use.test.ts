// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whenArticleTextFirstSelected } from '@/entrypoints/pubmed.content/reader-highlights/selection-first-use';
import {
  hasPendingHighlight,
  PENDING_HIGHLIGHT_PREFIX,
} from '@/utils/storage/journals/journal-keys';

function page() {
  document.body.innerHTML =
    '<p id="nav">Search PubMed</p><div id="abstract"><p>Baricitinib in juvenile dermatomyositis.</p></div>';
  return {
    nav: document.getElementById('nav')!,
    root: document.getElementById('abstract')!,
  };
}

function select(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('whenArticleTextFirstSelected', () => {
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('fires once, on the first selection of article text, not for text outside the roots', () => {
    const { nav, root } = page();
    const onFirstUse = vi.fn();
    const stop = whenArticleTextFirstSelected(document, [root], onFirstUse);
    select(nav.firstChild!, 0, 6);
    document.dispatchEvent(new Event('mouseup'));
    expect(onFirstUse).not.toHaveBeenCalled();
    select(root.querySelector('p')!.firstChild!, 0, 11);
    document.dispatchEvent(new Event('mouseup'));
    document.dispatchEvent(new Event('keyup'));
    expect(onFirstUse).toHaveBeenCalledTimes(1);
    stop();
  });

  it('counts a selection already there when it starts, and nothing once stopped', () => {
    const { root } = page();
    select(root.querySelector('p')!.firstChild!, 0, 11);
    const early = vi.fn();
    whenArticleTextFirstSelected(document, [root], early);
    expect(early).toHaveBeenCalledTimes(1);

    document.getSelection()!.removeAllRanges();
    const late = vi.fn();
    whenArticleTextFirstSelected(document, [root], late)();
    select(root.querySelector('p')!.firstChild!, 0, 11);
    document.dispatchEvent(new Event('mouseup'));
    expect(late).not.toHaveBeenCalled();
  });
});

describe('hasPendingHighlight', () => {
  it("says whether the selection bar's journal holds an entry for this article", async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    expect(await hasPendingHighlight(area, 'pmid:34563217')).toBe(false);
    await area.set({ [`${PENDING_HIGHLIGHT_PREFIX}pmid:1`]: { v: 1 } });
    expect(await hasPendingHighlight(area, 'pmid:34563217')).toBe(false);
    await area.set({ [`${PENDING_HIGHLIGHT_PREFIX}pmid:34563217`]: { v: 1 } });
    expect(await hasPendingHighlight(area, 'pmid:34563217')).toBe(true);
  });
});
