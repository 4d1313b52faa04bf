/**
 * The one door to NCBI E-utilities, shared by the search-result badges and the PubMed watches:
 * one rate limiter (3 requests/s, 10/s with the reader's API key), NCBI's `tool` / `email` /
 * `api_key` parameters, nothing sent while the browser is offline, and HTTP 429 / 503 answered by
 * waiting (Retry-After when NCBI gives it, doubling backoff otherwise) — every caller waits, since
 * NCBI counts requests per user, not per feature. https://www.ncbi.nlm.nih.gov/books/NBK25497/
 */
import type { RateLimiter } from './eutils';

/** NCBI's limits per second, without and with an API key. */
export const RATE_WITHOUT_KEY = 3;
export const RATE_WITH_KEY = 10;

export interface NcbiAccess {
  /** The reader's own NCBI API key (optional); sent only to NCBI. */
  apiKey?: string;
  /** A contact address NCBI may use before blocking; optional. */
  email?: string;
}

/** Why a request to NCBI did not produce a reply. `reason` is one sentence for the reader. */
export class NcbiRequestError extends Error {
  constructor(
    readonly kind: 'offline' | 'rate-limited' | 'http' | 'network',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'NcbiRequestError';
  }
}

export interface HttpResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type HttpFetch = (
  url: string,
  init: { signal?: AbortSignal; headers?: Record<string, string>; credentials: 'omit' },
) => Promise<HttpResponse>;

export interface GateOptions {
  fetch: HttpFetch;
  limiter: RateLimiter;
  access: () => Promise<NcbiAccess>;
  isOnline: () => boolean;
  tool?: string;
  /** Retries after a 429/503 before giving up (the caller then fails and is retried later). */
  maxRetries?: number;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface NcbiGate {
  /** Sends one GET to an E-utilities URL; resolves with a 2xx reply or throws NcbiRequestError. */
  fetch(url: string, init?: { headers?: Record<string, string> }): Promise<HttpResponse>;
}

const FIRST_BACKOFF_MS = 1000;
/** A Retry-After longer than this is not waited for in place: the check fails and retries later. */
const MAX_WAIT_MS = 60_000;

export function createNcbiGate(options: GateOptions): NcbiGate {
  const now = options.now ?? (() => Date.now());
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  // Until when NCBI asked everyone to hold off (shared, so the badges wait too).
  let quietUntil = 0;

  const once = async (url: string, headers: Record<string, string> | undefined) => {
    if (!options.isOnline()) {
      throw new NcbiRequestError('offline', 'The browser is offline; nothing was sent to NCBI.');
    }
    const wait = quietUntil - now();
    if (wait > 0) await sleep(wait);
    await options.limiter.acquire();
    const access = await options.access();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
    try {
      return await options.fetch(withIdentity(url, access, options.tool ?? 'jak-lens'), {
        signal: controller.signal,
        ...(headers ? { headers } : {}),
        // Only the request's own parameters go to NCBI: none of the reader's cookies.
        credentials: 'omit',
      });
    } catch {
      throw new NcbiRequestError(
        'network',
        'NCBI could not be reached (network error or timeout).',
      );
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async fetch(url, init) {
      for (let attempt = 0; ; attempt++) {
        const response = await once(url, init?.headers);
        if (response.ok) return response;
        const busy = response.status === 429 || response.status === 503;
        if (!busy) {
          throw new NcbiRequestError('http', `NCBI answered HTTP ${response.status}.`);
        }
        const delay =
          retryAfterMs(response.headers.get('Retry-After'), now()) ??
          FIRST_BACKOFF_MS * 2 ** attempt;
        quietUntil = Math.max(quietUntil, now() + delay);
        if (attempt >= maxRetries || delay > MAX_WAIT_MS) {
          throw new NcbiRequestError(
            'rate-limited',
            `NCBI asked JAK Lens to slow down (HTTP ${response.status}); it will try again later.`,
          );
        }
      }
    },
  };
}

/** Adds tool, email and api_key (replacing any already there). */
export function withIdentity(url: string, access: NcbiAccess, tool: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('tool', tool);
  if (access.email) parsed.searchParams.set('email', access.email);
  if (access.apiKey) parsed.searchParams.set('api_key', access.apiKey);
  return parsed.toString();
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or bad. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The requests-per-second NCBI allows this reader. */
export function rateFor(access: NcbiAccess): number {
  return access.apiKey ? RATE_WITH_KEY : RATE_WITHOUT_KEY;
}
