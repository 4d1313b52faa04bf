import { describe, expect, it } from 'vitest';
import type { TopicWatch } from '../../../utils/topic-watch/model';
import {
  checkWindow,
  dueWatches,
  FIRST_RETRY_MS,
  isDue,
  ncbiDay,
  retryDelayMs,
} from '../../../utils/topic-watch/schedule';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 3, 9, 0); // 2026-12-03 09:00 UTC

function watch(over: Partial<TopicWatch> = {}): TopicWatch {
  return { id: 'w', name: 'w', query: 'myositis', paused: false, createdAt: 0, ...over };
}

describe('isDue', () => {
  it('checks a new watch at once and then once per interval', () => {
    expect(isDue(watch(), T0, 24)).toBe(true);
    const checked = watch({ lastCheckedAt: T0 });
    expect(isDue(checked, T0 + 23 * HOUR, 24)).toBe(false);
    expect(isDue(checked, T0 + 24 * HOUR, 24)).toBe(true);
    expect(isDue(checked, T0 + 6 * HOUR, 6)).toBe(true);
  });

  it('never checks a paused watch', () => {
    expect(isDue(watch({ paused: true }), T0, 24)).toBe(false);
    expect(isDue(watch({ paused: true, lastCheckedAt: 0 }), T0, 24)).toBe(false);
  });

  it('retries a failed check after a delay that doubles, capped at the interval', () => {
    const failed = (failures: number) =>
      watch({ lastCheckedAt: T0 - HOUR, lastFailure: { reason: 'x', at: T0, failures } });
    expect(isDue(failed(1), T0 + FIRST_RETRY_MS - 1, 24)).toBe(false);
    expect(isDue(failed(1), T0 + FIRST_RETRY_MS, 24)).toBe(true);
    expect(isDue(failed(2), T0 + FIRST_RETRY_MS, 24)).toBe(false);
    expect(isDue(failed(2), T0 + 2 * FIRST_RETRY_MS, 24)).toBe(true);
    expect(retryDelayMs(3, 24)).toBe(4 * FIRST_RETRY_MS);
    expect(retryDelayMs(50, 24)).toBe(24 * HOUR);
    expect(retryDelayMs(50, 6)).toBe(6 * HOUR);
  });

  it('does not stall when the clock was set back', () => {
    expect(isDue(watch({ lastCheckedAt: T0 + 48 * HOUR }), T0, 24)).toBe(true);
  });
});

describe('dueWatches', () => {
  it('lists only due, unpaused watches, never-checked and oldest first', () => {
    const a = watch({ id: 'a', lastCheckedAt: T0 - 30 * HOUR });
    const b = watch({ id: 'b' });
    const c = watch({ id: 'c', lastCheckedAt: T0 - HOUR });
    const d = watch({ id: 'd', paused: true });
    const e = watch({ id: 'e', lastCheckedAt: T0 - 50 * HOUR });
    expect(dueWatches([a, b, c, d, e], T0, 24).map((w) => w.id)).toEqual(['b', 'e', 'a']);
  });
});

describe('checkWindow', () => {
  it('looks back 30 days the first time (reldate)', () => {
    expect(checkWindow(watch(), T0)).toEqual({ window: { reldate: 30 }, days: 30 });
  });

  it('then runs from the last day covered through today, in NCBI date format', () => {
    const w = watch({ checkedThrough: '2026/11/30' });
    expect(checkWindow(w, T0)).toEqual({
      window: { mindate: '2026/11/30', maxdate: '2026/12/03' },
      days: 4,
    });
    expect(checkWindow(watch({ checkedThrough: ncbiDay(T0) }), T0).days).toBe(1);
  });

  it('writes UTC days with leading zeros', () => {
    expect(ncbiDay(Date.UTC(2027, 0, 5, 23, 59))).toBe('2027/01/05');
  });
});
