import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '@/utils/sync/service';

/**
 * The background's sync status, asked again every second while a sync runs (progress) and every 30 s
 * otherwise. `ask` sends 'sync/status'; `refresh` is for after an action.
 */
export function useSyncStatus(ask: () => Promise<SyncStatus>) {
  const [status, setStatus] = useState<SyncStatus>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    void ask()
      .then((next) => !stopped && setStatus(next))
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [tick]);
  useEffect(() => {
    const timer = setTimeout(() => setTick((t) => t + 1), status?.running ? 1000 : 30_000);
    return () => clearTimeout(timer);
  }, [status, tick]);
  return { status, setStatus, refresh: () => setTick((t) => t + 1) };
}
