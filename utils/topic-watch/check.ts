/**
 * One check of a PubMed watch: esearch for records added since the last check, efetch of the PMIDs
 * never announced before (batched), each classified by the page's own classifier, then stored —
 * the paper for the "New papers" view, its record in the record cache so the badges and pages that
 * need it later do not fetch it again. Only NCBI is contacted, through the shared gate.
 */
import type { Article } from '../article';
import { classifyScanned } from '../classify';
import { hitTermIds, scanArticle } from '../classify/scan';
import { antibodiesIn } from '../panel/antibodies';
import { toCompactRecord, type CompactRecord } from '../article/compact-record';
import type { JakLensDB } from '../storage/db';
import { buildEfetchUrl, MAX_BATCH } from '../article/eutils';
import { parsePubmedXml, type XmlParser } from '../article/parse-pubmed-xml';
import { putCachedRecords } from '../storage/record-cache';
import { buildEsearchUrl, parseEsearchResult } from './esearch';
import { NcbiRequestError, type NcbiGate } from '../article/ncbi-gate';
import { MAX_NEW_RECORDS, MAX_RECORDS_PER_DAY, type TopicWatch, type WatchPaper } from './model';
import { checkWindow, ncbiDay } from './schedule';
import { addPapers, knownPmids, patchWatch } from './store';

export interface CheckDeps {
  db: JakLensDB;
  gate: NcbiGate;
  /** Where there is no DOMParser (Chrome's service worker). */
  parser?: XmlParser;
  now?: () => number;
  batchSize?: number;
}

export type CheckOutcome =
  | { kind: 'ok'; matched: number; added: number }
  | { kind: 'too-broad'; count: number; days: number }
  | { kind: 'failed'; reason: string };

/** Runs one check and records its outcome on the watch. Never throws. */
export async function checkWatch(watch: TopicWatch, deps: CheckDeps): Promise<CheckOutcome> {
  const now = deps.now?.() ?? Date.now();
  let outcome: CheckOutcome;
  try {
    outcome = await runCheck(watch, deps, now);
  } catch (error) {
    outcome = { kind: 'failed', reason: reasonOf(error) };
  }
  await patchWatch(deps.db, watch.id, (w) => recordOutcome(w, outcome, now)).catch(() => undefined);
  return outcome;
}

async function runCheck(watch: TopicWatch, deps: CheckDeps, now: number): Promise<CheckOutcome> {
  const { window, days } = checkWindow(watch, now);
  let search = await esearch(deps, buildEsearchUrl(watch.query, window, MAX_NEW_RECORDS));
  if (search.errors.length > 0) return { kind: 'failed', reason: search.errors.join('; ') };
  if (search.count / days > MAX_RECORDS_PER_DAY) {
    return { kind: 'too-broad', count: search.count, days };
  }
  if (search.count > MAX_NEW_RECORDS) {
    // A reasonable watch with a long backlog (first run, or weeks offline): fetch the most recent
    // days that fit rather than all of it.
    const recent = Math.max(1, Math.floor((MAX_NEW_RECORDS * days) / search.count));
    search = await esearch(
      deps,
      buildEsearchUrl(watch.query, { reldate: recent }, MAX_NEW_RECORDS),
    );
    if (search.errors.length > 0) return { kind: 'failed', reason: search.errors.join('; ') };
    if (search.count > MAX_NEW_RECORDS) {
      return { kind: 'too-broad', count: search.count, days: recent };
    }
  }

  const known = await knownPmids(deps.db, search.ids);
  const fresh = search.ids.filter((id) => !known.has(id));
  const records = await efetchAll(fresh, deps);
  const papers: WatchPaper[] = [];
  const cached = new Map<string, CompactRecord>();
  for (const pmid of fresh) {
    const article = records.get(pmid);
    // A PMID esearch listed but efetch did not return (withdrawn, not yet public) is left for the
    // next check rather than announced without a record.
    if (!article) continue;
    papers.push(toPaper(pmid, article, watch.id, now));
    cached.set(pmid, toCompactRecord(article));
  }
  const added = await addPapers(deps.db, papers);
  await putCachedRecords(deps.db, cached, now).catch(() => undefined);
  return { kind: 'ok', matched: search.count, added };
}

/** Runs esearch through the gate; a reply that is not an eSearchResult counts as NCBI's error. */
export async function esearch(deps: Pick<CheckDeps, 'gate' | 'parser'>, url: string) {
  const response = await deps.gate.fetch(url, { headers: { Accept: 'application/xml' } });
  return parseEsearchResult(await response.text(), deps.parser);
}

async function efetchAll(pmids: string[], deps: CheckDeps): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  const size = Math.max(1, Math.min(deps.batchSize ?? MAX_BATCH, MAX_BATCH));
  for (let i = 0; i < pmids.length; i += size) {
    const batch = pmids.slice(i, i + size);
    // The gate adds tool / email / api_key; buildEfetchUrl's own tool is replaced there.
    const response = await deps.gate.fetch(buildEfetchUrl(batch, { tool: 'jak-lens' }), {
      headers: { Accept: 'application/xml' },
    });
    const text = await response.text();
    const articles = parsePubmedXml(text, deps.parser);
    if (articles.length === 0 && batch.length > 0) {
      throw new NcbiRequestError('http', 'NCBI sent no readable PubMed records.');
    }
    const asked = new Set(batch);
    for (const a of articles) if (a.pmid && asked.has(a.pmid)) out.set(a.pmid, a);
  }
  return out;
}

function toPaper(pmid: string, article: Article, watchId: string, now: number): WatchPaper {
  // One scan serves the verdict and the antibody list.
  const hits = scanArticle(article);
  const verdict = classifyScanned(article, hits);
  return {
    pmid,
    title: article.title.slice(0, 4000),
    ...(article.journal ? { journal: article.journal.slice(0, 500) } : {}),
    ...(article.year ? { year: article.year } : {}),
    relevance: verdict.relevance,
    disease: verdict.disease,
    inhibitors: verdict.drugs.map((d) => d.name),
    antibodies: antibodiesIn(verdict, hitTermIds(hits)).map((a) => a.label),
    watchIds: [watchId],
    status: 'new',
    foundAt: now,
  };
}

/** The watch after a check: progress on success, the reason and failure count on failure. */
export function recordOutcome(watch: TopicWatch, outcome: CheckOutcome, now: number): TopicWatch {
  const next: TopicWatch = { ...watch };
  if (outcome.kind === 'failed') {
    next.lastFailure = {
      reason: outcome.reason,
      at: now,
      failures: (watch.lastFailure?.failures ?? 0) + 1,
    };
    return next;
  }
  delete next.lastFailure;
  next.lastCheckedAt = now;
  if (outcome.kind === 'too-broad') {
    // Progress is not advanced: once narrowed (a new query starts over) nothing is skipped.
    next.tooBroad = { count: outcome.count, days: outcome.days, at: now };
  } else {
    delete next.tooBroad;
    next.checkedThrough = ncbiDay(now);
  }
  return next;
}

function reasonOf(error: unknown): string {
  if (error instanceof NcbiRequestError) return error.reason;
  return `The check failed: ${error instanceof Error ? error.message : String(error)}`;
}
