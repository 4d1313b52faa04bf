import type { Article } from '../article';

/**
 * One key per article, whichever page or record it came from: 'pmid:123' when the PMID is known
 * (PubMed pages, E-utilities, and PMC pages, which print the PMID), else 'doi:<lower-case DOI>'
 * (DOIs are case-insensitive), else 'pmc:PMC123', else null.
 */
export function articleKey(a: Pick<Article, 'pmid' | 'doi' | 'pmcid'>): string | null {
  const pmid = a.pmid?.trim();
  if (pmid && /^\d+$/.test(pmid)) return `pmid:${pmid}`;
  const doi = a.doi?.trim().toLowerCase();
  if (doi) return `doi:${doi}`;
  const pmc = /^(?:PMC)?(\d+)$/i.exec(a.pmcid?.trim() ?? '');
  if (pmc) return `pmc:PMC${pmc[1]}`;
  return null;
}
