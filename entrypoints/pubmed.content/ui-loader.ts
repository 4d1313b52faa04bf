/**
 * Loads the rest of JAK Lens into this frame when it is first needed: the summary panel, the mark
 * card and the knowledge facts they show, and the reader's highlights with their overlay and the
 * selection bar (entrypoints/pubmed-ui.ts). Most PubMed and PMC pages a reader opens are not about
 * myositis and JAK inhibition and hold no highlight of theirs; they pay for the always-on script only.
 *
 * The background injects the script into this frame's isolated world (utils/messaging/ui-load.ts);
 * it registers itself under a symbol on this world's global object, which the page cannot see.
 */
import { browser } from 'wxt/browser';
import { UI_LOAD_MESSAGE } from '@/utils/messaging/ui-load';
import type { startArticlePanel } from './panel/article-panel';
import type { watchMarkCards } from './term-marks/mark-card';
import type { startReaderHighlights } from './reader-highlights/start';

/** What the on-demand script offers. */
export interface PubmedUi {
  startArticlePanel: typeof startArticlePanel;
  watchMarkCards: typeof watchMarkCards;
  startReaderHighlights: typeof startReaderHighlights;
}

/** Where the on-demand script puts its API (a registered symbol: the same in both scripts). */
export const PUBMED_UI_KEY = Symbol.for('jak-lens.pubmed-ui');

type WithUi = { [PUBMED_UI_KEY]?: PubmedUi };

let loading: Promise<PubmedUi> | null = null;

/** The on-demand script's API, injected on the first call; later calls share the first load. */
export function loadUi(): Promise<PubmedUi> {
  const loaded = (globalThis as WithUi)[PUBMED_UI_KEY];
  if (loaded) return Promise.resolve(loaded);
  loading ??= browser.runtime
    .sendMessage({ type: UI_LOAD_MESSAGE })
    .then((reply: unknown) => {
      const ui = (globalThis as WithUi)[PUBMED_UI_KEY];
      if (ui) return ui;
      const error = (reply as { error?: unknown } | undefined)?.error;
      throw new Error(`JAK Lens could not load its panel: ${String(error ?? 'no reply')}`);
    })
    .catch((error: unknown) => {
      loading = null; // the next need tries again
      throw error;
    });
  return loading;
}
