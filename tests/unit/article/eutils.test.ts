// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildEfetchUrl,
  createRateLimiter,
  fetchRecords,
  type FetchLike,
} from '../../../utils/article/eutils';
import { parsePubmedXml } from '../../../utils/article/parse-pubmed-xml';
import { createXmlParser } from '../../../utils/article/xml-parser';
import { readFixture } from '../../support/fixtures';

const FIXTURE_PMIDS = ['33474827', '38747095', '38763967', '38909159', '39382274'];

/** The body of one efetch reply: the real fixture records of the requested ids, in one set. */
function efetchReply(ids: string[]): string {
  const records = ids
    .filter((id) => FIXTURE_PMIDS.includes(id))
    .map((id) => {
      const xml = readFixture(`eutils-xml/PMID-${id}.xml`);
      return /<PubmedArticle>[\s\S]*<\/PubmedArticle>/.exec(xml)![0];
    });
  return `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${records.join('\n')}\n</PubmedArticleSet>`;
}

/** A fake NCBI: serves the fixtures, logs each request with the (fake) time it arrived. */
function fakeNcbi(options: { fail?: (ids: string[]) => boolean } = {}) {
  const calls: { url: URL; at: number; credentials?: string }[] = [];
  const fetch: FetchLike = async (raw, init) => {
    const url = new URL(raw);
    calls.push({ url, at: Date.now(), credentials: init?.credentials });
    const ids = (url.searchParams.get('id') ?? '').split(',');
    if (options.fail?.(ids)) return { ok: false, text: async () => 'Too Many Requests' };
    return { ok: true, text: async () => efetchReply(ids) };
  };
  return { fetch, calls };
}

describe('buildEfetchUrl', () => {
  it('asks efetch for PubMed XML with the tool name', () => {
    const url = new URL(buildEfetchUrl(['38909159', '33474827'], { tool: 'jak-lens' }));
    expect(url.origin + url.pathname).toBe(
      'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      db: 'pubmed',
      id: '38909159,33474827',
      retmode: 'xml',
      tool: 'jak-lens',
    });
  });

  it('adds the email when given, and drops anything that is not a PMID', () => {
    const url = new URL(
      buildEfetchUrl(['1', '2&db=x', 'PMC1', '3'], { tool: 'jak-lens', email: 'a@b.org' }),
    );
    expect(url.searchParams.get('id')).toBe('1,3');
    expect(url.searchParams.get('email')).toBe('a@b.org');
    expect(url.searchParams.getAll('db')).toEqual(['pubmed']);
  });
});

describe('createRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets at most 3 calls through in any 1000 ms, in call order', async () => {
    const limiter = createRateLimiter();
    const times: { i: number; at: number }[] = [];
    const start = Date.now();
    const all = Array.from({ length: 10 }, (_, i) =>
      limiter.acquire().then(() => times.push({ i, at: Date.now() - start })),
    );
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(times.map((t) => t.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(times.map((t) => t.at)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000]);
    expectAtMost3PerSecond(times.map((t) => t.at));
  });

  it('takes its clock and sleep from the caller', async () => {
    let t = 0;
    const slept: number[] = [];
    const limiter = createRateLimiter({
      limit: 2,
      intervalMs: 500,
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    for (let i = 0; i < 5; i++) await limiter.acquire();
    expect(slept).toEqual([500, 500]);
    expect(t).toBe(1000);
  });
});

describe('fetchRecords', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the parsed records of the requested PMIDs, keyed by PMID', async () => {
    const ncbi = fakeNcbi();
    const records = await fetchRecords(['38909159', '33474827', '99999999'], {
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
    });
    expect([...records.keys()].sort()).toEqual(['33474827', '38909159']);
    expect(records.get('38909159')).toEqual(parsePubmedXml(efetchReply(['38909159']))[0]);
    expect(records.get('38909159')?.mesh).toContain('Dermatomyositis* / complications');
    expect(ncbi.calls).toHaveLength(1);
    expect(ncbi.calls[0]!.url.searchParams.get('tool')).toBe('jak-lens');
    expect(ncbi.calls[0]!.credentials).toBe('omit');
  });

  it('splits into batches and never sends more than 3 requests per second', async () => {
    const ncbi = fakeNcbi();
    const pmids = [...FIXTURE_PMIDS, '1', '2', '3', '4', '5', '6'];
    const pending = fetchRecords(pmids, {
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      batchSize: 1,
    });
    await vi.runAllTimersAsync();
    const records = await pending;
    expect(records.size).toBe(5);
    expect(ncbi.calls).toHaveLength(11);
    expect(ncbi.calls.map((c) => c.url.searchParams.get('id'))).toEqual(pmids);
    expectAtMost3PerSecond(ncbi.calls.map((c) => c.at));
  });

  it('shares one limiter between concurrent callers (two tabs asking at once)', async () => {
    const ncbi = fakeNcbi();
    const limiter = createRateLimiter();
    const a = fetchRecords(['1', '2', '3', '4'], { fetch: ncbi.fetch, limiter, batchSize: 1 });
    const b = fetchRecords(['5', '6', '7', '8'], { fetch: ncbi.fetch, limiter, batchSize: 1 });
    await vi.runAllTimersAsync();
    await Promise.all([a, b]);
    expect(ncbi.calls).toHaveLength(8);
    expectAtMost3PerSecond(ncbi.calls.map((c) => c.at));
  });

  it('caps batches at 200 ids', async () => {
    const ncbi = fakeNcbi();
    const pmids = Array.from({ length: 450 }, (_, i) => String(i + 1));
    const pending = fetchRecords(pmids, {
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      batchSize: 1000,
    });
    await vi.runAllTimersAsync();
    await pending;
    expect(ncbi.calls.map((c) => c.url.searchParams.get('id')!.split(',').length)).toEqual([
      200, 200, 50,
    ]);
  });

  it('a failing batch gives no records for it and the others still arrive', async () => {
    const ncbi = fakeNcbi({ fail: (ids) => ids.includes('38909159') });
    const pending = fetchRecords(['38909159', '33474827'], {
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      batchSize: 1,
    });
    await vi.runAllTimersAsync();
    expect([...(await pending).keys()]).toEqual(['33474827']);
  });

  it.each([
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an HTTP error', async () => ({ ok: false, text: async () => '' })],
    ['a body that is not XML', async () => ({ ok: true, text: async () => '{"error":1}' })],
    [
      'a body that cannot be read',
      async () => ({ ok: true, text: () => Promise.reject(new Error('aborted')) }),
    ],
  ])('never throws on %s', async (_name, fetch) => {
    const pending = fetchRecords(['38909159'], {
      fetch: fetch as FetchLike,
      limiter: createRateLimiter(),
    });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toEqual(new Map());
  });

  it('abandons a request that never answers', async () => {
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const pending = fetchRecords(['38909159'], {
      fetch,
      limiter: createRateLimiter(),
      timeoutMs: 5000,
    });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(pending).resolves.toEqual(new Map());
  });

  it('sends nothing when no PMID is valid', async () => {
    const ncbi = fakeNcbi();
    await expect(
      fetchRecords(['', 'abc'], { fetch: ncbi.fetch, limiter: createRateLimiter() }),
    ).resolves.toEqual(new Map());
    expect(ncbi.calls).toEqual([]);
  });

  it('parses with an injected XML parser where there is no DOMParser (service worker)', async () => {
    const ncbi = fakeNcbi();
    const records = await fetchRecords(['38909159'], {
      fetch: ncbi.fetch,
      limiter: createRateLimiter(),
      parser: createXmlParser(),
    });
    // @xmldom/xmldom reads the record exactly as the browser's DOMParser does.
    expect(records.get('38909159')).toEqual(parsePubmedXml(efetchReply(['38909159']))[0]);
  });
});

describe('createXmlParser (service-worker XML parser)', () => {
  it.each([
    'not xml <',
    '<PubmedArticleSet><PubmedArticle>',
    '',
    '<html><body>Error</body></html>',
  ])('reads malformed or foreign XML %j as no records, without console noise', (xml) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parsePubmedXml(xml, createXmlParser())).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it.each(FIXTURE_PMIDS)('reads record %s exactly as the browser DOMParser does', (pmid) => {
    const xml = readFixture(`eutils-xml/PMID-${pmid}.xml`);
    expect(parsePubmedXml(xml, createXmlParser())).toEqual(parsePubmedXml(xml));
  });
});

function expectAtMost3PerSecond(times: number[]) {
  for (const t of times) {
    expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(3);
  }
}
