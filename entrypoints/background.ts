import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { createMessageHandler } from '@/utils/background-handler';
import { openDatabase } from '@/utils/db';
import { badgeFor } from '@/utils/panel-model';
import { createRateLimiter, fetchRecords } from '@/utils/eutils';
import { pruneCachedRecords } from '@/utils/record-cache';
import { isTrustedSender } from '@/utils/sender';
import { createXmlParser } from '@/utils/xml-parser';
import { loadSettings } from '@/utils/settings-store';

/**
 * Owns the database (extension origin) and answers the typed messages of utils/messages.ts; sets the
 * toolbar badge per tab; tells other tabs of the same article when a note changes; relays the keyboard
 * command that toggles the panel.
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

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) {
      browser.tabs.sendMessage(tab.id, { type: 'panel/toggle' }).catch(() => undefined);
    }
  });
});
