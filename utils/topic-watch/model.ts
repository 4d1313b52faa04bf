/**
 * PubMed watches ("topic watches"): a saved PubMed query that JAK Lens runs on a schedule to find
 * papers added since the last check. Not to be confused with the watch list of highlight terms
 * (utils/match/watch-finder.ts), which marks words on pages and never contacts anyone.
 */
import type { DiseaseKind, Relevance } from '../storage/picklists';

/** Why the last check did not complete, kept so the library can say so and the scheduler retries. */
export interface CheckFailure {
  /** One sentence for the reader, e.g. "You are offline." */
  reason: string;
  at: number;
  /** How many checks in a row failed (drives the retry delay). */
  failures: number;
}

export interface TopicWatch {
  id: string;
  name: string;
  /** A PubMed query, exactly as typed in PubMed's search box. */
  query: string;
  paused: boolean;
  createdAt: number;
  /** When a check last completed (epoch ms); absent before the first one. */
  lastCheckedAt?: number;
  /** The last day (UTC, "YYYY/MM/DD") the completed check covered: the next check starts there. */
  checkedThrough?: string;
  lastFailure?: CheckFailure;
  /** Set when the query matched too many records to fetch: the reader is asked to narrow it. */
  tooBroad?: { count: number; days: number; at: number };
}

/** What the reader decided about a paper a watch found. 'new' counts on the badge. */
export const PAPER_STATUSES = ['new', 'seen', 'not-relevant'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

/** A paper a watch found, classified when it was fetched; one row per PMID, whichever watch found it. */
export interface WatchPaper {
  pmid: string;
  title: string;
  journal?: string;
  year?: number;
  relevance: Relevance;
  disease: DiseaseKind | null;
  /** Inhibitor names the classifier found, most mentioned first. */
  inhibitors: string[];
  /** Myositis antibodies the abstract names ("anti-MDA5"), most mentioned first; absent on papers found
   * before antibodies were recognised. */
  antibodies?: string[];
  /** Ids of the watches that found it (a second watch adds itself, never re-announces it). */
  watchIds: string[];
  status: PaperStatus;
  /** When a watch first found it (epoch ms). */
  foundAt: number;
}

/** How often watches are checked when the reader has not chosen. */
export const DEFAULT_CHECK_EVERY_HOURS = 24;
/** The first check of a watch looks this many days back (esearch `reldate`). */
export const FIRST_CHECK_DAYS = 30;
/** At most this many records are fetched in one check (esearch `retmax`). */
export const MAX_NEW_RECORDS = 500;
/** More records a day than this: the watch is too broad; the reader is asked to narrow it. */
export const MAX_RECORDS_PER_DAY = 500;
export const MAX_NAME = 200;
/** PubMed's own search box accepts long queries; this bound keeps one GET URL well under 8 KB. */
export const MAX_QUERY = 4000;

/**
 * The watch offered on first run: myositis (MeSH explodes to dermatomyositis, polymyositis,
 * inclusion-body myositis …, plus title/abstract words for records not yet indexed) AND JAK
 * inhibition (the MeSH pharmacological action, and the inhibitors by name). Shown and editable.
 */
export const DEFAULT_WATCH = {
  name: 'Myositis / JDM and JAK inhibition',
  query:
    '(myositis[MeSH Terms] OR myositis[Title/Abstract] OR dermatomyositis[Title/Abstract] OR ' +
    '"inflammatory myopathy"[Title/Abstract] OR "inflammatory myopathies"[Title/Abstract] OR ' +
    'antisynthetase[Title/Abstract]) AND ("Janus Kinase Inhibitors"[Pharmacological Action] OR ' +
    '"JAK inhibitor"[Title/Abstract] OR "JAK inhibitors"[Title/Abstract] OR ' +
    '"Janus kinase"[Title/Abstract] OR baricitinib[Title/Abstract] OR ' +
    'tofacitinib[Title/Abstract] OR ruxolitinib[Title/Abstract] OR ' +
    'upadacitinib[Title/Abstract] OR brepocitinib[Title/Abstract])',
} as const;

/** The reader's input for a watch, checked locally before NCBI is asked about the query. */
export interface WatchInput {
  name: string;
  query: string;
  paused?: boolean;
}

/** A trimmed copy of the input, or the first problem in words. */
export function validateWatchInput(
  input: WatchInput,
): { ok: true; value: WatchInput } | { ok: false; error: string } {
  const name = input.name.trim();
  const query = input.query.trim();
  if (!query) return { ok: false, error: 'The query is empty: type a PubMed search.' };
  if (query.length > MAX_QUERY) {
    return { ok: false, error: `The query is longer than ${MAX_QUERY} characters.` };
  }
  if (name.length > MAX_NAME) {
    return { ok: false, error: `The name is longer than ${MAX_NAME} characters.` };
  }
  return { ok: true, value: { name: name || query.slice(0, 80), query, paused: !!input.paused } };
}

/** Order for the "New papers" view: unhandled first, then core articles, then newest. */
export function comparePapers(a: WatchPaper, b: WatchPaper): number {
  const rank = (p: WatchPaper) => (p.status === 'new' ? 0 : 1);
  const core = (p: WatchPaper) => (p.relevance === 'core' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    core(a) - core(b) ||
    b.foundAt - a.foundAt ||
    (b.year ?? 0) - (a.year ?? 0) ||
    Number(b.pmid) - Number(a.pmid)
  );
}
