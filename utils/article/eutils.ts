/**
 * NCBI E-utilities client for PubMed records (efetch, XML). Pure apart from the injected `fetch`:
 * no browser globals, so the background passes its own fetch and tests pass a fake one.
 * NCBI's rules (https://www.ncbi.nlm.nih.gov/books/NBK25497/): at most 3 requests per second
 * without an API key, and a `tool` (and ideally `email`) parameter on every request.
 */
import type { Article } from '../article';
import { parsePubmedXml, type XmlParser } from './parse-pubmed-xml';

export const EFETCH_URL = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi';

/** NCBI caps efetch at 200 ids per GET request (above that it asks for POST). */
export const MAX_BATCH = 200;

export interface EutilsIdentity {
  /** Registered tool name; NCBI contacts its maintainer before blocking a misbehaving tool. */
  tool: string;
  email?: string;
}

/** efetch URL for PubMed XML records of `pmids` (digits only; anything else is dropped). */
export function buildEfetchUrl(pmids: readonly string[], identity: EutilsIdentity): string {
  const params = new URLSearchParams({
    db: 'pubmed',
    id: pmids.filter(isPmid).join(','),
    retmode: 'xml',
    tool: identity.tool,
  });
  if (identity.email) params.set('email', identity.email);
  return `${EFETCH_URL}?${params.toString()}`;
}

/** Lets calls through at most `limit` times per `intervalMs` (a sliding window), in call order. */
export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  limit?: number;
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A sliding-window limiter; defaults to NCBI's 3 requests per 1000 ms. */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const { limit = 3, intervalMs = 1000 } = options;
  const now = options.now ?? (() => Date.now());
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const stamps: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  const takeTurn = async () => {
    for (;;) {
      const t = now();
      while (stamps.length > 0 && t - stamps[0]! >= intervalMs) stamps.shift();
      if (stamps.length < limit) {
        stamps.push(t);
        return;
      }
      await sleep(stamps[0]! + intervalMs - t);
    }
  };

  return {
    acquire() {
      // One queue, so waiting callers are served in order and never race for the same slot.
      const turn = queue.then(takeTurn);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** The subset of `fetch` the client uses. */
export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string>; credentials?: 'omit' },
) => Promise<{ ok: boolean; text(): Promise<string> }>;

export interface FetchRecordsOptions {
  fetch: FetchLike;
  limiter: RateLimiter;
  identity?: EutilsIdentity;
  batchSize?: number;
  /** Where there is no global DOMParser (a Chrome service worker), pass one (e.g. @xmldom/xmldom). */
  parser?: XmlParser;
  /** A request that takes longer is abandoned (its batch counts as failed). */
  timeoutMs?: number;
}

/**
 * Fetches and parses the PubMed records of `pmids`, in batches, each batch waiting for the limiter.
 * A batch that fails (network, HTTP error, bad XML, timeout) simply contributes no records: callers
 * fall back to what the page shows. Never throws. Only requested PMIDs end up in the map.
 */
export async function fetchRecords(
  pmids: readonly string[],
  options: FetchRecordsOptions,
): Promise<Map<string, Article>> {
  const wanted = [...new Set(pmids.filter(isPmid))];
  const size = Math.max(1, Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH));
  const identity = options.identity ?? { tool: 'jak-lens' };
  const out = new Map<string, Article>();
  for (let i = 0; i < wanted.length; i += size) {
    const batch = wanted.slice(i, i + size);
    const articles = await fetchBatch(buildEfetchUrl(batch, identity), options);
    const asked = new Set(batch);
    for (const article of articles) {
      if (article.pmid && asked.has(article.pmid)) out.set(article.pmid, article);
    }
  }
  return out;
}

async function fetchBatch(url: string, options: FetchRecordsOptions): Promise<Article[]> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await options.limiter.acquire();
    if (controller) timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
    const response = await options.fetch(url, {
      signal: controller?.signal,
      headers: { Accept: 'application/xml' },
      // The request carries PMIDs only: no NCBI cookies of the reader's (privacy; none are needed).
      credentials: 'omit',
    });
    if (!response.ok) return [];
    return parsePubmedXml(await response.text(), options.parser);
  } catch {
    return [];
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function isPmid(s: string): boolean {
  return /^\d{1,9}$/.test(s);
}
