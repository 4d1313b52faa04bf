/**
 * When a PubMed watch is due, which days its check covers, and how long a failed check waits before
 * it is retried. Pure (time is passed in), so the tests can walk through days in microseconds.
 */
import type { DateWindow } from './esearch';
import { FIRST_CHECK_DAYS, type TopicWatch } from './model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The background's alarm period: often enough for retries, rare enough to cost nothing. */
export const TICK_MINUTES = 15;
/** A failed check is retried after 15 min, then 30, 60 … never later than the regular check. */
export const FIRST_RETRY_MS = 15 * MINUTE;

export const CHECK_EVERY_CHOICES = [6, 12, 24, 72, 168] as const;

/** Delay before retrying after `failures` failed checks in a row. */
export function retryDelayMs(failures: number, everyHours: number): number {
  const doubled = FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 10));
  return Math.min(doubled, everyHours * HOUR);
}

/** Whether the scheduler should check `watch` at `now`. Paused watches never are. */
export function isDue(watch: TopicWatch, now: number, everyHours: number): boolean {
  if (watch.paused) return false;
  if (watch.lastFailure) {
    return now >= watch.lastFailure.at + retryDelayMs(watch.lastFailure.failures, everyHours);
  }
  if (watch.lastCheckedAt === undefined) return true;
  // A clock set back (lastCheckedAt in the future) must not stall the watch forever.
  if (watch.lastCheckedAt > now) return true;
  return now - watch.lastCheckedAt >= everyHours * HOUR;
}

/** The watches to check now, oldest check first (never-checked ones lead). */
export function dueWatches(
  watches: readonly TopicWatch[],
  now: number,
  everyHours: number,
): TopicWatch[] {
  return watches
    .filter((w) => isDue(w, now, everyHours))
    .sort((a, b) => (a.lastCheckedAt ?? 0) - (b.lastCheckedAt ?? 0));
}

/** A UTC day as E-utilities writes dates: "2026/12/03". */
export function ncbiDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/**
 * The Entrez-date window of the next check: the last `FIRST_CHECK_DAYS` days the first time, then
 * from the last day already covered through today. That day is asked again on purpose (records
 * added later that day); papers already announced are filtered out by PMID.
 */
export function checkWindow(watch: TopicWatch, now: number): { window: DateWindow; days: number } {
  if (!watch.checkedThrough) {
    return { window: { reldate: FIRST_CHECK_DAYS }, days: FIRST_CHECK_DAYS };
  }
  const from = Date.parse(`${watch.checkedThrough.replaceAll('/', '-')}T00:00:00Z`);
  const days = Number.isNaN(from) ? 1 : Math.max(1, Math.ceil((now - from) / DAY));
  return { window: { mindate: watch.checkedThrough, maxdate: ncbiDay(now) }, days };
}
