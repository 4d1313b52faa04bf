import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase } from '@/utils/storage/db';
import { badgeFor } from '@/utils/classify/relevance-label';
import { createRateLimiter, fetchRecords } from '@/utils/article/eutils';
import { pruneCachedRecords } from '@/utils/storage/record-cache';
import type { TabMessage } from '@/utils/messaging/messages';
import { isTrustedSender } from '@/utils/messaging/sender';
import { createXmlParser } from '@/utils/article/xml-parser';
import { loadSettings } from '@/utils/settings/store';

const HIGHLIGHT_MENU_ID = 'jak-lens-highlight-selection';

/**
 * Owns the database (extension origin) and answers the typed messages of utils/messages.ts; sets the
 * toolbar badge per tab; tells other tabs of the same article when a note changes; relays the keyboard
 * commands (toggle the panel, highlight the selection) and the context-menu item to the tab.
 */
export default defineBackground(() => {
  const db = openDatabase();
  // Which article each tab shows (rebuilt from page reports if the worker restarts).
  const articleOfTab = new Map<number, string>();
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  // One limiter for every tab: NCBI's 3 requests per second is per user, not per page.
  const limiter = createRateLimiter();
  // Chrome's service worker has no DOMParser; Firefox's event page does.
  const parser = typeof DOMParser === 'function' ? undefined : createXmlParser();

  const handle = createMessageHandler({
    db,
    isRecordingRecent: async () => (await loadSettings()).recordRecent,
    onPageState: (message, { tabId }) => {
      if (tabId === undefined) return;
      if (message.article) articleOfTab.set(tabId, message.article.key);
      else articleOfTab.delete(tabId);
      const badge = message.article?.verdict ? badgeFor(message.article.verdict) : null;
      void action.setBadgeText({ tabId, text: badge?.text ?? '' });
      void action.setTitle({ tabId, title: badge?.title ?? 'JAK Lens' });
      if (badge) void action.setBadgeBackgroundColor({ tabId, color: '#005a9c' });
    },
    onNoteSaved: (articleKey, { tabId }) => {
      for (const [otherTab, key] of articleOfTab) {
        if (key !== articleKey || otherTab === tabId) continue;
        browser.tabs
          .sendMessage(otherTab, { type: 'note/changed', articleKey })
          .catch(() => articleOfTab.delete(otherTab));
      }
    },
    fetchRecords: async (pmids) =>
      (await loadSettings()).fetchRecords
        ? fetchRecords(pmids, {
            fetch: (url, init) => fetch(url, init),
            limiter,
            parser,
            identity: { tool: 'jak-lens' },
          })
        : new Map(),
  });
  const extensionOrigin = browser.runtime.getURL('/');
  void pruneCachedRecords(db).catch(() => undefined);

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) {
      return Promise.resolve({ ok: false, error: 'Untrusted sender' });
    }
    return handle(raw, { tabId: sender.tab?.id });
  });

  browser.tabs.onRemoved.addListener((tabId) => articleOfTab.delete(tabId));

  const COMMAND_MESSAGES: Record<string, TabMessage> = {
    'toggle-panel': { type: 'panel/toggle' },
    'highlight-selection': { type: 'highlight/create-from-selection' },
  };
  browser.commands.onCommand.addListener(async (command) => {
    const message = COMMAND_MESSAGES[command];
    if (!message) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });

  // Menus outlive a service-worker restart in Chrome (creating again would fail on the duplicate
  // id), and may not in Firefox: clearing first makes one start-up path right in both.
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: HIGHLIGHT_MENU_ID,
        title: 'Highlight with JAK Lens',
        contexts: ['selection'],
        documentUrlPatterns: [
          'https://pubmed.ncbi.nlm.nih.gov/*',
          'https://pmc.ncbi.nlm.nih.gov/*',
        ],
      }),
    )
    .catch((error: unknown) => console.warn('[JAK Lens] context menu', error));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== HIGHLIGHT_MENU_ID || tab?.id === undefined) return;
    const message: TabMessage = { type: 'highlight/create-from-selection' };
    browser.tabs
      .sendMessage(tab.id, message, info.frameId !== undefined ? { frameId: info.frameId } : {})
      .catch(() => undefined);
  });
});
