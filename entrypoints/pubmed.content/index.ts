import { browser } from 'wxt/browser';
import { ContentScriptContext, defineContentScript } from '#imports';
import * as v from 'valibot';
import { installTermMarkSettings } from '@/utils/term-marks/settings-css';
import { isSiteEnabled } from '@/utils/settings/site-switch';
import { ANNOTATED_SITES } from '@/utils/page/sites';
import { createMessageClient } from '@/utils/messaging/client';
import { TabMessageSchema, type Message } from '@/utils/messaging/messages';
import type { Settings } from '@/utils/settings/settings';
import { loadSettings, watchSettings } from '@/utils/settings/store';
import { startSession, type Session } from './session';

/**
 * Runs on PubMed and PMC pages. While the reader's switch for the site is on, a session (session.ts)
 * reads the page and marks it: on an article it classifies, marks terms and shows the summary
 * panel with the reader's note; on search results it badges each result. Settings changes reach the
 * open page without a reload: colours and kinds restyle the marks, the watch list redoes them, and the
 * site switch (settings page or popup) stops or starts the session. Notes never touch this origin's
 * storage: everything goes through validated messages to the background.
 *
 * The folder, by what the reader sees (only this file is the entry; WXT ignores the rest):
 *   session.ts, read-page.ts, article-page.tsx, ui-loader.ts   the page read once, analysed and applied
 *   search/              search-result badges, the strip and "Watch this search"
 *   term-marks/          the mark card and the first use of a mark that loads it
 *   reader-highlights/   the reader's highlights, the selection bar and the first selection
 *   panel/               the summary panel with the note frame and the highlight list
 * panel/, term-marks/mark-card.tsx and reader-highlights/ (except selection-first-use.ts) are loaded
 * on demand with entrypoints/pubmed-ui.ts; the rest is the always-on script.
 */
export default defineContentScript({
  matches: ANNOTATED_SITES,
  runAt: 'document_idle',
  // WXT would also window.postMessage its "content script started" signal, which hands every page our
  // extension id and the private event name that stops this script (WXT 0.21 itself only listens for the
  // DOM event, so nothing needs the message).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    stopForgedStartSignals(ctx);
    let settings = await loadSettings();
    const request = createMessageClient((message: Message) => browser.runtime.sendMessage(message));
    let session: Session | null = null;
    const start = () => {
      session = startSession(ctx, settings, request, () => settings.termMarkKinds);
    };
    const stop = () => {
      session?.stop();
      session = null;
    };

    const removeTermMarkSettings = installTermMarkSettings(document, settings.termMarkKinds);
    // Changes are applied one after another, so a quick on-off-on never runs two sessions.
    let applying = Promise.resolve();
    const stopWatching = watchSettings((next) => {
      applying = applying
        .then(() => applySettings(next))
        .catch((error: unknown) => {
          console.warn('[JAK Lens] could not apply the new settings', error);
        });
    });
    const applySettings = async (next: Settings) => {
      const previous = settings;
      settings = next;
      if (ctx.isInvalid) return;
      installTermMarkSettings(document, next.termMarkKinds);
      const wasOn = isSiteEnabled(previous.sites, location.href);
      const isOn = isSiteEnabled(next.sites, location.href);
      if (wasOn && !isOn) stop();
      else if (!wasOn && isOn) start();
      else if (isOn && session && !sameWatchList(previous.watchList, next.watchList)) {
        if (!(await session.setWatchList(next.watchList))) {
          stop();
          start();
        }
      }
    };
    ctx.onInvalidated(() => {
      stopWatching();
      stop();
      removeTermMarkSettings();
    });

    // Registered even while the site is switched off: no session then, so no answer, as on other sites.
    const answer = (raw: unknown): Promise<unknown> | undefined => {
      const parsed = v.safeParse(TabMessageSchema, raw);
      if (!parsed.success || !session) return undefined;
      const { state, article } = session;
      const message = parsed.output;
      if (message.type === 'tab/get-state') return Promise.resolve(state);
      if (message.type === 'panel/toggle') return article?.togglePanel().then(() => null);
      if (message.type === 'highlight/create-from-selection') {
        return article?.highlightSelection().then(
          () => null,
          (error: unknown) => console.warn('[JAK Lens] could not highlight the selection', error),
        );
      }
      return undefined;
    };
    // Answers through sendResponse (return true keeps the channel open), not by returning the
    // promise: this script is built without webextension-polyfill (wxt.config.ts), and Chrome's own
    // onMessage does not take a promise as the answer in every version we support.
    const onTabMessage = (
      raw: unknown,
      _sender: unknown,
      sendResponse: (reply: unknown) => void,
    ) => {
      const reply = answer(raw);
      if (!reply) return undefined;
      reply.then(sendResponse, () => sendResponse(undefined));
      return true as const;
    };
    browser.runtime.onMessage.addListener(onTabMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

    // The reader can switch JAK Lens off per site (library settings, or the popup's button).
    if (isSiteEnabled(settings.sites, location.href)) start();
  },
});

function sameWatchList(a: Settings['watchList'], b: Settings['watchList']): boolean {
  return (
    a.length === b.length && a.every((x, i) => x.term === b[i]!.term && x.label === b[i]!.label)
  );
}

/**
 * WXT stops this script when a DOM event '<extension id>:pubmed:wxt:content-script-started' arrives, meant
 * for a copy orphaned by an extension reload or update. A page can dispatch that event too (a store
 * extension's id is public), which removed every mark and the panel. A live copy (its runtime still
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
