/**
 * Verdicts for PubMed search results: from the visible title and snippet, or from the fetched
 * record (MeSH, substances, full abstract) once it arrives. Pure.
 */
import type { Article } from '../article';
import { classifyArticle, type Relevance, type Verdict } from '../classify';
import type { SearchResult } from '../page/parse-search-results';

/** Where a result's verdict came from: what the page shows, or the PubMed record. */
export type VerdictBasis = 'visible' | 'record';

/**
 * Classifies one result. With `record` (the E-utilities Article of the same PMID) the record is
 * used, since the snippet is only a cut of its abstract and the page shows no MeSH terms.
 */
export function classifySearchResult(
  result: Pick<SearchResult, 'pmid' | 'title' | 'snippet'>,
  record?: Article,
): Verdict {
  return classifyArticle(record ?? visibleArticle(result));
}

/** The Article a result's visible text amounts to: title, and the snippet as the abstract. */
export function visibleArticle(result: Pick<SearchResult, 'pmid' | 'title' | 'snippet'>): Article {
  const snippet = result.snippet.replace(/\s*…$/, '');
  return {
    source: 'pubmed',
    pmid: result.pmid,
    title: result.title,
    abstract: snippet,
    abstractSections: snippet ? [{ label: '', text: snippet }] : [],
    keywords: [],
    mesh: [],
    meshTerms: [],
    substances: [],
    publicationTypes: [],
    authors: [],
  };
}

/** The results the strip counts and the filter keeps: myositis disease AND JAK inhibition. */
export function isRelevant(verdict: Pick<Verdict, 'relevance'>): boolean {
  return verdict.relevance === 'core';
}

export interface ResultsSummary {
  /** Results about JDM/myositis and JAK inhibition ('core'). */
  relevant: number;
  total: number;
  byRelevance: Record<Relevance, number>;
}

/** Counts the verdicts of the results on the page. */
export function summariseResults(verdicts: Iterable<Pick<Verdict, 'relevance'>>): ResultsSummary {
  const byRelevance: Record<Relevance, number> = { core: 0, disease: 0, jak: 0, none: 0 };
  let total = 0;
  for (const v of verdicts) {
    byRelevance[v.relevance] += 1;
    total += 1;
  }
  return { relevant: byRelevance.core, total, byRelevance };
}

/** "7 of 10 results on this page concern JDM/myositis and JAK inhibition" (grammar for 1). */
export function summarySentence({ relevant, total }: Pick<ResultsSummary, 'relevant' | 'total'>) {
  const noun = total === 1 ? 'result' : 'results';
  const verb = relevant === 1 ? 'concerns' : 'concern';
  return `${relevant} of ${total} ${noun} on this page ${verb} JDM/myositis and JAK inhibition`;
}
