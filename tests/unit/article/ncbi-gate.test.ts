// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, fetchRecords } from '../../../utils/article/eutils';
import {
  createNcbiGate,
  NcbiRequestError,
  rateFor,
  retryAfterMs,
  type HttpFetch,
  type NcbiAccess,
} from '../../../utils/article/ncbi-gate';
import { efetchReply, esearchReply } from '../../support/eutils-replies';

interface Call {
  url: URL;
  at: number;
}

/** A fake NCBI that logs each request with the (fake) time it arrived; `status` picks the answer. */
function fakeNcbi(status: (call: Call, index: number) => number = () => 200) {
  const calls: Call[] = [];
  const fetch: HttpFetch = async (raw, init) => {
    expect(init.credentials).toBe('omit');
    const call = { url: new URL(raw), at: Date.now() };
    calls.push(call);
    const code = status(call, calls.length - 1);
    const isSearch = call.url.pathname.endsWith('esearch.fcgi');
    const body = isSearch
      ? esearchReply({ ids: ['38909159'] })
      : efetchReply((call.url.searchParams.get('id') ?? '').split(','));
    return {
      ok: code >= 200 && code < 300,
      status: code,
      headers: new Headers(code === 429 ? { 'Retry-After': '2' } : {}),
      text: async () => (code === 200 ? body : 'Too Many Requests'),
    };
  };
  return { fetch, calls };
}

/** The largest number of requests inside any window of 1000 ms. */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (const t of times) most = Math.max(most, times.filter((u) => u >= t && u < t + 1000).length);
  return most;
}

const ESEARCH = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi?db=pubmed&term=jdm';

describe('the NCBI gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('adds tool, the email and the API key, and nothing else', async () => {
    const ncbi = fakeNcbi();
    const gate = createNcbiGate({
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      access: async () => ({ apiKey: 'abc123def456', email: 'reader@example.org' }),
      isOnline: () => true,
    });
    await gate.fetch(`${ESEARCH}&tool=other`);
    expect(Object.fromEntries(ncbi.calls[0]!.url.searchParams)).toEqual({
      db: 'pubmed',
      term: 'jdm',
      tool: 'jak-lens',
      email: 'reader@example.org',
      api_key: 'abc123def456',
    });
  });

  it('shares one limiter between the search badges and the watches: at most 3 per second', async () => {
    const ncbi = fakeNcbi();
    let access: NcbiAccess = {};
    const limiter = createRateLimiter({ limit: () => rateFor(access) });
    const gate = createNcbiGate({
      fetch: ncbi.fetch,
      limiter,
      access: async () => access,
      isOnline: () => true,
    });
    // The badges go through fetchRecords with the gate as their fetch; the watch calls the gate.
    const badges = fetchRecords(['38909159', '33474827', '38747095', '38763967', '39382274'], {
      fetch: (url, init) => gate.fetch(url, init),
      limiter: { acquire: async () => undefined },
      batchSize: 1,
    });
    const watch = Promise.all([1, 2, 3, 4, 5].map(() => gate.fetch(ESEARCH)));
    await vi.runAllTimersAsync();
    expect((await badges).size).toBe(5);
    await watch;
    expect(ncbi.calls).toHaveLength(10);
    expect(busiestSecond(ncbi.calls.map((c) => c.at))).toBe(3);

    // With the reader's API key the same limiter allows 10 per second.
    access = { apiKey: 'abc123def456' };
    const start = ncbi.calls.length;
    const burst = Promise.all(Array.from({ length: 20 }, () => gate.fetch(ESEARCH)));
    await vi.runAllTimersAsync();
    await burst;
    expect(busiestSecond(ncbi.calls.slice(start).map((c) => c.at))).toBe(10);
  });

  it('waits out Retry-After after a 429, for every caller, then succeeds', async () => {
    const ncbi = fakeNcbi((_, i) => (i === 0 ? 429 : 200));
    const gate = createNcbiGate({
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      access: async () => ({}),
      isOnline: () => true,
    });
    const first = gate.fetch(ESEARCH);
    await vi.advanceTimersByTimeAsync(10);
    const other = gate.fetch(ESEARCH); // e.g. a badge request arriving meanwhile
    await vi.runAllTimersAsync();
    expect((await first).status).toBe(200);
    expect((await other).status).toBe(200);
    expect(ncbi.calls).toHaveLength(3);
    // Nobody asked again before the 2 seconds NCBI asked for.
    expect(ncbi.calls[1]!.at - ncbi.calls[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(ncbi.calls[2]!.at - ncbi.calls[0]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('gives up after the retries with a reason, and backs off more each time', async () => {
    const ncbi = fakeNcbi(() => 503);
    const gate = createNcbiGate({
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      access: async () => ({}),
      isOnline: () => true,
      maxRetries: 2,
    });
    const result = gate.fetch(ESEARCH).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(NcbiRequestError);
    expect((error as NcbiRequestError).kind).toBe('rate-limited');
    expect((error as NcbiRequestError).reason).toMatch(/slow down \(HTTP 503\)/);
    const gaps = ncbi.calls.slice(1).map((c, i) => c.at - ncbi.calls[i]!.at);
    expect(gaps).toHaveLength(2);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
  });

  it('sends nothing while the browser is offline', async () => {
    const ncbi = fakeNcbi();
    const gate = createNcbiGate({
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      access: async () => ({}),
      isOnline: () => false,
    });
    await expect(gate.fetch(ESEARCH)).rejects.toMatchObject({ kind: 'offline' });
    expect(ncbi.calls).toHaveLength(0);
  });

  it('turns other HTTP errors and network failures into reasons', async () => {
    const gate404 = createNcbiGate({
      fetch: fakeNcbi(() => 500).fetch,
      limiter: createRateLimiter(),
      access: async () => ({}),
      isOnline: () => true,
    });
    await expect(gate404.fetch(ESEARCH)).rejects.toThrow('NCBI answered HTTP 500.');
    const gateDown = createNcbiGate({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      limiter: createRateLimiter(),
      access: async () => ({}),
      isOnline: () => true,
    });
    await expect(gateDown.fetch(ESEARCH)).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0, 0);
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('Thu, 03 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
