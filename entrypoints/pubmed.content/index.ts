import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import * as v from 'valibot';
import { installHighlightSettings, isSiteEnabled } from '@/utils/highlight-settings';
import { createMessageClient } from '@/utils/message-client';
import { TabMessageSchema, type Message, type TabState } from '@/utils/messages';
import { readPageState } from '@/utils/page-state';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { initArticlePage, type ArticleController } from './article-page';

/**
 * Runs on PubMed and PMC pages. Reads the page, tells the background what it is, and on an article
 * highlights terms and shows the summary panel with the reader's note. Notes never touch this origin's
 * storage: everything goes through validated messages to the background.
 */
export default defineContentScript({
  matches: ['https://pubmed.ncbi.nlm.nih.gov/*', 'https://pmc.ncbi.nlm.nih.gov/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // The reader can switch JAK Lens off per site in the library's settings.
    const settings = await loadSettings();
    if (!isSiteEnabled(settings.sites, location.href)) return;
    const removeHighlightSettings = installHighlightSettings(document, settings.highlightKinds);
    const stopWatching = watchSettings((next) =>
      installHighlightSettings(document, next.highlightKinds),
    );
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
      if (message.type === 'note/changed' && message.articleKey === state.article?.key) {
        article?.noteChanged();
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

    const { pageType, article: seen, parsed } = readPageState(document, location.href);
    state = { pageType, article: seen };
    if (parsed) {
      article = await initArticlePage(ctx, { pageType, article: parsed, seen }, request);
      state = { ...state, verdict: article.verdict };
    } else {
      request({ type: 'page/state', pageType }).catch(() => undefined);
    }
  },
});

// Test URLs (open by hand with the built extension loaded):
// - JDM + JAK inhibitors review: https://pubmed.ncbi.nlm.nih.gov/34563217/
// - JDM cardiac evaluation (disease only): https://pubmed.ncbi.nlm.nih.gov/38909159/
// - unrelated (aortic valve surgery): https://pubmed.ncbi.nlm.nih.gov/37882686/
// - search results: https://pubmed.ncbi.nlm.nih.gov/?term=juvenile+dermatomyositis+tofacitinib
// - PMC full text: https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/
