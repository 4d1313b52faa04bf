import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { createMessageHandler } from '@/utils/background-handler';
import { openDatabase } from '@/utils/db';
import { isTrustedSender } from '@/utils/sender';
import { loadSettings } from '@/utils/settings-store';

/** Owns the database (extension origin) and answers the typed messages of utils/messages.ts. */
export default defineBackground(() => {
  const db = openDatabase();
  const handle = createMessageHandler({
    db,
    isRecordingRecent: async () => (await loadSettings()).recordRecent,
  });
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) {
      return Promise.resolve({ ok: false, error: 'Untrusted sender' });
    }
    return handle(raw);
  });
});
