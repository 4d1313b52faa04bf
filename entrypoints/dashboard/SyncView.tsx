import { browser } from 'wxt/browser';
import { SyncSettingsForm } from '@/components/SyncSettingsForm';
import { SyncStatusLine } from '@/components/SyncStatusLine';
import { useSyncStatus } from '@/components/use-sync-status';
import { createMessageClient } from '@/utils/messaging/client';
import type { Message } from '@/utils/messaging/messages';
import { originPatternOf, type SyncAccount } from '@/utils/sync/config';

const request = createMessageClient((message: Message) => browser.runtime.sendMessage(message));

/** The sync status line with "Sync now" (library tab and settings). */
export function SyncStatusSection() {
  const { status, setStatus, refresh } = useSyncStatus(() => request({ type: 'sync/status' }));
  const syncNow = () => {
    void request({ type: 'sync/now' }).then(setStatus, refresh);
    // Show progress while it runs.
    setTimeout(refresh, 300);
  };
  return <SyncStatusLine status={status} onSyncNow={syncNow} />;
}

/**
 * Sync settings, connected. Host access to the server is asked for here, at the click (the gesture the
 * browser requires), for that one origin; the background then reaches the server.
 */
export function SyncView() {
  const { status, setStatus, refresh } = useSyncStatus(() => request({ type: 'sync/status' }));
  const askAccess = (account: SyncAccount): Promise<boolean> => {
    let origin: string;
    try {
      origin = originPatternOf(account.serverUrl);
    } catch {
      return Promise.resolve(true); // the background names the bad address
    }
    return browser.permissions.request({ origins: [origin] });
  };
  const denied = `JAK Lens needs your permission to reach that server; nothing was sent.`;
  return (
    <section aria-labelledby="sync-heading">
      <h3 id="sync-heading">Sync</h3>
      <SyncStatusLine
        status={status}
        onSyncNow={() => {
          void request({ type: 'sync/now' }).then(setStatus, refresh);
          setTimeout(refresh, 300);
        }}
      />
      {status && (
        // Not keyed on `configured`: a remount would drop the form's answer ("Sync is on…") the moment
        // the set-up it reports succeeds.
        <SyncSettingsForm
          status={status}
          onTest={async (account) => {
            // The request must start within the click: no await before it.
            if (!(await askAccess(account))) return denied;
            const result = await request({ type: 'sync/test', ...account });
            return result.message;
          }}
          onSave={async (account) => {
            if (!(await askAccess(account))) return denied;
            const next = await request({ type: 'sync/configure', ...account });
            setStatus(next);
            return next.lastError
              ? `Set up, but the first sync failed: ${next.lastError}`
              : 'Sync is on. Your notes were synced.';
          }}
          onRemove={async () => {
            setStatus(await request({ type: 'sync/remove' }));
            return 'Sync removed from this browser. Your notes stay here; the server copy is untouched.';
          }}
        />
      )}
    </section>
  );
}
