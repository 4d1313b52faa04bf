import { defineUnlistedScript } from '#imports';
import { startArticlePanel } from './pubmed.content/panel/article-panel';
import { watchMarkCards } from './pubmed.content/term-marks/mark-card';
import { startReaderHighlights } from './pubmed.content/reader-highlights/start';
import { PUBMED_UI_KEY, PUBMED_UI_READY_KEY, type PubmedUi } from './pubmed.content/ui-loader';

/**
 * The part of the content script loaded only where it is used (ui-loader.ts): the summary panel and
 * the mark card, with the knowledge facts they show, and the reader's highlights (overlay, selection
 * bar, comment journal) on an article that has some, on a first selection or with the panel. The
 * background injects it into the frame of the always-on script that asked, in the same isolated
 * world; it hands its API over on a symbol of that world's global object and does nothing else by
 * itself.
 */
export default defineUnlistedScript(() => {
  const ui: PubmedUi = { startArticlePanel, watchMarkCards, startReaderHighlights };
  Object.defineProperty(globalThis, PUBMED_UI_KEY, { value: ui, configurable: true });
  // The loader is waiting (ui-loader.ts): start now, not when the background's reply arrives.
  (globalThis as { [PUBMED_UI_READY_KEY]?: (ui: PubmedUi) => void })[PUBMED_UI_READY_KEY]?.(ui);
});
