/**
 * Loads the rest of JAK Lens into this frame when it is first needed: the summary panel, the mark
 * card and the knowledge facts they show, and the reader's highlights with their overlay and the
 * selection bar (entrypoints/pubmed-ui.ts). Most PubMed and PMC pages a reader opens are not about
 * myositis and JAK inhibition and hold no highlight of theirs; they pay for the always-on script only.
 *
 * The background injects the script into this frame's isolated world (utils/messaging/ui-load.ts);
 * it registers itself under a symbol on this world's global object, which the page cannot see, and
 * calls the function this loader left under a second symbol: the panel starts as soon as its script
 * has run, not a message round trip later when the background's reply arrives (25–35 ms on the
 * bench's relevant article).
 */
import { browser } from 'wxt/browser';
import { UI_LOAD_MESSAGE } from '@/utils/messaging/ui-load';
import { yieldToMain } from '@/utils/yield-to-main';
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
/** What the on-demand script calls with its API once it has run. */
export const PUBMED_UI_READY_KEY = Symbol.for('jak-lens.pubmed-ui.ready');

type WithUi = { [PUBMED_UI_KEY]?: PubmedUi; [PUBMED_UI_READY_KEY]?: (ui: PubmedUi) => void };

let loading: Promise<PubmedUi> | null = null;

/** The on-demand script's API, injected on the first call; later calls share the first load. */
export function loadUi(): Promise<PubmedUi> {
  const world = globalThis as WithUi;
  const loaded = world[PUBMED_UI_KEY];
  if (loaded) return Promise.resolve(loaded);
  loading ??= new Promise<PubmedUi>((resolve, reject) => {
    const ready = (ui: PubmedUi) => {
      settle();
      // In a task of its own: the injected script's compile and run and the panel's start (which
      // would otherwise follow as microtasks) do not add up to one long task.
      void yieldToMain().then(() => resolve(ui));
    };
    // Only this load's own callback is removed (a later load may have put its own there).
    const settle = () => {
      if (world[PUBMED_UI_READY_KEY] === ready) delete world[PUBMED_UI_READY_KEY];
    };
    world[PUBMED_UI_READY_KEY] = ready;
    browser.runtime.sendMessage({ type: UI_LOAD_MESSAGE }).then(
      (reply: unknown) => {
        settle();
        const ui = world[PUBMED_UI_KEY];
        if (ui) return resolve(ui);
        const error = (reply as { error?: unknown } | undefined)?.error;
        reject(new Error(`JAK Lens could not load its panel: ${String(error ?? 'no reply')}`));
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  }).catch((error: unknown) => {
    loading = null; // the next need tries again
    throw error;
  });
  return loading;
}
