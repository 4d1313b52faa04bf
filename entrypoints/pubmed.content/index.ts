import { browser } from 'wxt/browser';
import { ContentScriptContext, defineContentScript } from '#imports';
import * as v from 'valibot';
import { findMentions } from '@/utils/find-mentions';
import { applyHighlights } from '@/utils/highlight-dom';
import { installHighlightSettings, isSiteEnabled } from '@/utils/highlight-settings';
import { installHighlightStyle } from '@/utils/highlight-style';
import { createMessageClient } from '@/utils/message-client';
import { TabMessageSchema, type Message, type TabState } from '@/utils/messages';
import { checkSelectors, warnMissing } from '@/utils/selector-health';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { initArticlePage, type ArticleController } from './article-page';
import { watchMarkCards } from './mark-card';
import { readPage } from './read-page';
import { initSearchResults } from './search-results';

/**
 * Runs on PubMed and PMC pages. Reads the page once; on an article it classifies, highlights terms and
 * shows the summary panel with the reader's note; on search results it badges each result. Notes never
 * touch this origin's storage: everything goes through validated messages to the background.
 */
export default defineContentScript({
  matches: ['https://pubmed.ncbi.nlm.nih.gov/*', 'https://pmc.ncbi.nlm.nih.gov/*'],
  runAt: 'document_idle',
  // WXT would also window.postMessage its "content script started" signal, which hands every page our
  // extension id and the private event name that stops this script (WXT 0.21 itself only listens for the
  // DOM event, so nothing needs the message).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    stopForgedStartSignals(ctx);
    const settings = await loadSettings();
    // The reader can switch JAK Lens off per site in the library's settings.
    if (!isSiteEnabled(settings.sites, location.href)) return;
    const removeHighlightSettings = installHighlightSettings(document, settings.highlightKinds);
    let kinds = settings.highlightKinds;
    const stopWatching = watchSettings((next) => {
      kinds = next.highlightKinds;
      installHighlightSettings(document, next.highlightKinds);
    });
    ctx.onInvalidated(() => {
      stopWatching();
      removeHighlightSettings();
    });
    const request = createMessageClient((message: Message) => browser.runtime.sendMessage(message));
    let state: TabState = { pageType: 'other' };
    let article: ArticleController | null = null;

    const onTabMessage = (raw: unknown) => {
      const parsed = v.safeParse(TabMessageSchema, raw);
      if (!parsed.success) return undefined;
      const message = parsed.output;
      if (message.type === 'tab/get-state') return Promise.resolve(state);
      if (message.type === 'panel/toggle') return article?.togglePanel().then(() => null);
      if (message.type === 'highlight/create-from-selection') {
        return article?.highlightSelection().then(
          () => null,
          (error: unknown) => console.warn('[JAK Lens] could not highlight the selection', error),
        );
      }
      if (message.type === 'note/changed' && message.articleKey === state.article?.key) {
        article?.noteChanged();
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

    const page = readPage(document, location.href, {
      includeReferences: settings.highlightReferences,
    });
    // A PubMed redesign shows up as a console warning naming the selector, not as a broken page.
    warnMissing(checkSelectors(document, page.pageType), console);
    state = { pageType: page.pageType, article: page.seen };

    // The info card on each mark: only listeners until a mark is first hovered or focused. A kind the
    // reader switched off shows no colour, so hovering it shows no card either (focus still does).
    const startMarkCards = () => {
      const stop = watchMarkCards({
        doc: document,
        isKindEnabled: (kind) => kinds[kind as keyof typeof kinds]?.enabled ?? true,
      });
      ctx.onInvalidated(stop);
    };

    if (page.article) {
      startMarkCards();
      article = await initArticlePage(ctx, { ...page, article: page.article }, request);
      state = { ...state, verdict: article.verdict };
    } else if (page.pageType === 'pubmed-search') {
      request({ type: 'page/state', pageType: page.pageType }).catch(() => undefined);
      installHighlightStyle(document);
      startMarkCards();
      const results = initSearchResults(ctx, {
        doc: document,
        settings,
        requestRecords: (pmids) => request({ type: 'records/get', pmids }),
        hasNotes: (keys) => request({ type: 'notes/which', keys }),
        highlight: (root) => applyHighlights(root, (text) => findMentions(text)).undo,
      });
      // PubMed moves between result pages in place; re-read the results when the URL changes.
      ctx.addEventListener(window, 'wxt:locationchange', () => results.rescan());
    } else {
      request({ type: 'page/state', pageType: page.pageType }).catch(() => undefined);
    }
  },
});

/**
 * WXT stops this script when a DOM event '<extension id>:pubmed:wxt:content-script-started' arrives, meant
 * for a copy orphaned by an extension reload or update. A page can dispatch that event too (a store
 * extension's id is public), which removed every highlight and the panel. A live copy (its runtime still
 * connected) now stops the event on the window, before WXT's listener on the document sees it; an
 * orphaned copy (runtime gone) still gives way to the new one.
 */
function stopForgedStartSignals(ctx: ContentScriptContext): void {
  // Private in WXT's types only; reading it keeps the name exactly WXT's.
  const { SCRIPT_STARTED_MESSAGE_TYPE: type } = ContentScriptContext as unknown as {
    SCRIPT_STARTED_MESSAGE_TYPE: string;
  };
  const guard = (event: Event) => {
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  window.addEventListener(type, guard, { capture: true });
  ctx.onInvalidated(() => window.removeEventListener(type, guard, { capture: true }));
}

// Test URLs (open by hand with the built extension loaded):
// - JDM + JAK inhibitors review: https://pubmed.ncbi.nlm.nih.gov/34563217/
// - JDM cardiac evaluation (disease only): https://pubmed.ncbi.nlm.nih.gov/38909159/
// - unrelated (aortic valve surgery): https://pubmed.ncbi.nlm.nih.gov/37882686/
// - search results: https://pubmed.ncbi.nlm.nih.gov/?term=juvenile+dermatomyositis+tofacitinib
// - PMC full text: https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/
