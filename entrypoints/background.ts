import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { createMessageHandler } from '@/utils/background-handler';
import { openDatabase } from '@/utils/db';
import { createRateLimiter, fetchRecords } from '@/utils/eutils';
import { pruneCachedRecords } from '@/utils/record-cache';
import { isTrustedSender } from '@/utils/sender';
import { createXmlParser } from '@/utils/xml-parser';
import { loadSettings } from '@/utils/settings-store';

/** Owns the database (extension origin) and answers the typed messages of utils/messages.ts. */
export default defineBackground(() => {
  const db = openDatabase();
  // One limiter for every tab: NCBI's 3 requests per second is per user, not per page.
  const limiter = createRateLimiter();
  // Chrome's service worker has no DOMParser; Firefox's event page does.
  const parser = typeof DOMParser === 'function' ? undefined : createXmlParser();
  const handle = createMessageHandler({
    db,
    isRecordingRecent: async () => (await loadSettings()).recordRecent,
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
    return handle(raw);
  });
});
