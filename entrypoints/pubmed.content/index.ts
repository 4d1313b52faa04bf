import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import * as v from 'valibot';
import { TabMessageSchema, type TabState } from '@/utils/messages';
import { readPageState } from '@/utils/page-state';

/**
 * Runs on every PubMed page. Reads the page (never writes to it yet), tells the background what it is,
 * and answers the popup's "what is this tab?" question. Notes never touch this origin's storage.
 */
export default defineContentScript({
  matches: ['https://pubmed.ncbi.nlm.nih.gov/*'],
  runAt: 'document_idle',
  main(ctx) {
    let state: TabState = { pageType: 'other' };

    const inspect = () => {
      const { pageType, article } = readPageState(document, location.href);
      state = { pageType, article };
      browser.runtime
        .sendMessage({ type: 'page/state', ...state })
        .catch((error: unknown) =>
          console.warn('[JAK Lens] could not reach the background', error),
        );
    };

    const onTabMessage = (raw: unknown) => {
      if (!v.is(TabMessageSchema, raw)) return undefined;
      return Promise.resolve(state);
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

    // PubMed swaps pages in place for some navigations; re-read the page when the URL changes.
    ctx.addEventListener(window, 'wxt:locationchange', inspect);
    inspect();
  },
});

// Test URLs (open by hand with the built extension loaded):
// - JDM + JAK inhibitors review: https://pubmed.ncbi.nlm.nih.gov/34563217/
// - JDM cardiac evaluation (disease only): https://pubmed.ncbi.nlm.nih.gov/38909159/
// - unrelated (aortic valve surgery): https://pubmed.ncbi.nlm.nih.gov/37882686/
// - search results: https://pubmed.ncbi.nlm.nih.gov/?term=juvenile+dermatomyositis+tofacitinib
