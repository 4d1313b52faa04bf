import type { SyncStatus } from '@/utils/sync/service';

type Props = {
  status: SyncStatus | undefined;
  onSyncNow: () => void;
  /** The popup shows the line only when sync is set up. */
  hideWhenOff?: boolean;
};

/** "Synced 17:52 · 3 changes waiting · [Sync now]", progress while a sync runs, the last error in words. */
export function SyncStatusLine({ status, onSyncNow, hideWhenOff }: Props) {
  if (!status || (!status.configured && hideWhenOff)) return null;
  if (!status.configured) {
    return (
      <p class="sync-status" role="status">
        Sync is off. Set it up in Settings to keep your notes on your own WebDAV server.
      </p>
    );
  }
  const progress = status.progress;
  return (
    <div class="sync-status" role="status" aria-live="polite">
      <span>
        {status.running
          ? progress && progress.total > 0
            ? `Syncing… ${progress.done} of ${progress.total} articles`
            : 'Syncing…'
          : status.lastSyncAt
            ? `Last sync ${new Date(status.lastSyncAt).toLocaleString()}`
            : 'Not synced yet'}
      </span>
      {progress && progress.total > 0 && (
        <progress max={progress.total} value={progress.done} aria-label="Sync progress" />
      )}
      <span>
        {' · '}
        {status.pending === 0
          ? 'no changes waiting'
          : `${status.pending} ${status.pending === 1 ? 'change' : 'changes'} waiting`}
      </span>{' '}
      <button type="button" onClick={onSyncNow} disabled={status.running}>
        Sync now
      </button>
      {status.lastError && <p class="sync-error">Last sync problem: {status.lastError}</p>}
    </div>
  );
}
