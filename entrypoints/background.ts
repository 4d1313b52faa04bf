import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase } from '@/utils/storage/db';
import { badgeFor } from '@/utils/classify/relevance-label';
import { fetchRecords } from '@/utils/article/eutils';
import { pruneCachedRecords } from '@/utils/storage/record-cache';
import type { TabMessage } from '@/utils/messaging/messages';
import { isTrustedSender } from '@/utils/messaging/sender';
import { createXmlParser } from '@/utils/article/xml-parser';
import { loadSettings } from '@/utils/settings/store';
import { ANNOTATED_SITES } from '@/utils/page/sites';
import { isTopicWatchMessage } from '@/utils/topic-watch/messages';
import { isUiLoadMessage, UI_SCRIPT_FILE } from '@/utils/messaging/ui-load';
import { setUpTopicWatches } from '@/utils/topic-watch/background-setup';
import { originPatternOf } from '@/utils/sync/config';
import { createSyncService } from '@/utils/sync/service';
import { SyncStateDB } from '@/utils/storage/sync/sync-state';

const HIGHLIGHT_MENU_ID = 'jak-lens-highlight-selection';
const SYNC_ALARM = 'jak-lens-sync';
/** Minutes between background syncs while sync is set up. */
const SYNC_PERIOD_MINUTES = 15;

/**
 * Owns the database (extension origin) and answers the typed messages of utils/messaging/messages.ts; sets the
 * toolbar badge per tab; tells other tabs of the same article when a note changes; relays the keyboard
 * commands (toggle the panel, highlight the selection) and the context-menu item to the tab.
 */
export default defineBackground(() => {
  const db = openDatabase();
  // Which article each tab shows (rebuilt from page reports if the worker restarts).
  const articleOfTab = new Map<number, string>();
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  // Chrome's service worker has no DOMParser; Firefox's event page does.
  const parser = typeof DOMParser === 'function' ? undefined : createXmlParser();
  // PubMed watches; their gate is the one door to NCBI (one rate limit for every tab and watch).
  const topicWatches = setUpTopicWatches(db, parser, { action, alarms: browser.alarms });

  // ---- sync (issue 19): WebDAV, on a schedule and on demand ----
  const sync = createSyncService({
    db,
    state: new SyncStateDB(),
    storage: browser.storage.local,
    revokeOrigin: async (serverUrl) => {
      await browser.permissions.remove({ origins: [originPatternOf(serverUrl)] });
    },
  });
  const scheduleSync = async () => {
    if (await sync.loadConfig()) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    } else await browser.alarms.clear(SYNC_ALARM);
  };
  void scheduleSync().catch((error: unknown) => console.warn('[JAK Lens] sync alarm', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.syncNow();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'syncConfig' in changes) void scheduleSync().catch(() => undefined);
  });
  // ---- end sync ----
  const handle = createMessageHandler({
    db,
    sync,
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
            fetch: (url, init) => topicWatches.gate.fetch(url, init),
            limiter: { acquire: async () => undefined }, // the gate applies the shared limit
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
    if (isUiLoadMessage(raw)) return injectUi(sender);
    if (isTopicWatchMessage(raw)) {
      return topicWatches.service.handle(raw, !sender.url?.startsWith(extensionOrigin));
    }
    return handle(raw, {
      tabId: sender.tab?.id,
      extensionPage: sender.url?.startsWith(extensionOrigin) ?? false,
    });
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
        documentUrlPatterns: ANNOTATED_SITES,
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

/**
 * Injects the panel and mark-card script (entrypoints/pubmed-ui.ts) into the content script's own
 * frame, in its isolated world (Chrome `scripting`, Firefox MV2 `tabs.executeScript` under the host
 * permission it already has). Only a content script on an annotated site may ask (isTrustedSender
 * checked the tab's URL); an extension page gets a refusal.
 */
async function injectUi(sender: { tab?: { id?: number }; frameId?: number }): Promise<unknown> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined) return { ok: false, error: 'Not from a tab' };
  try {
    if (browser.scripting) {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [UI_SCRIPT_FILE],
        world: 'ISOLATED',
      });
    } else await browser.tabs.executeScript(tabId, { file: UI_SCRIPT_FILE, frameId });
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
