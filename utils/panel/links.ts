/**
 * Link helpers for the summary panel. Every href the panel renders passes through here, so a
 * `javascript:` or `data:` URL in the knowledge base (or anywhere else) can never become a link.
 * Pure: strings in, strings out.
 */

import { httpUrl } from '../page/sites';

/** Returns the normalised URL when it parses as http(s), otherwise null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  return httpUrl(url.trim())?.href ?? null;
}

/** A source URL as a link shows it: its safe href (null: plain text) and the host name to show. */
export interface SourceLinkParts {
  href: string | null;
  host: string;
}

/**
 * Each source URL is parsed once per page, not on every render: the panel's pathway view alone
 * draws a few hundred source links, and a `new URL` (three, before) per link was a visible part of
 * its longest task (issue 17). The knowledge base is fixed for the page's life, so the cache stays
 * as small as its list of sources.
 */
const partsCache = new Map<string, SourceLinkParts>();

export function sourceLinkParts(url: string): SourceLinkParts {
  let parts = partsCache.get(url);
  if (!parts) {
    const parsed = typeof url === 'string' ? httpUrl(url.trim()) : null;
    parts = parsed
      ? { href: parsed.href, host: parsed.hostname.replace(/^www\./, '') }
      : { href: null, host: url };
    partsCache.set(url, parts);
  }
  return parts;
}

/** The host name to show for a source link ("dailymed.nlm.nih.gov"), or the text itself. */
export function sourceHost(url: string): string {
  return sourceLinkParts(url).host;
}

const NCT = /^NCT\d{8}$/;
const PMID = /^PMID:\s*(\d{1,9})$/i;
const PMCID = /^PMC\d{1,9}$/;
const DOI = /^doi:(10\.\d{4,9}\/\S+)$/i;

/**
 * The registry or database page for an evidence id as the reference writes it: an NCT number
 * opens ClinicalTrials.gov, "PMID:123" opens PubMed, "PMC123" opens PMC, "doi:10.x/y" opens
 * doi.org. Ids that do not match exactly (e.g. "VALOR (NCT number UNVERIFIED)") get no link: we
 * never guess a number.
 */
export function evidenceUrl(id: string): string | null {
  const trimmed = id.trim();
  if (NCT.test(trimmed)) return `https://clinicaltrials.gov/study/${trimmed}`;
  const pmid = PMID.exec(trimmed)?.[1];
  if (pmid) return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  if (PMCID.test(trimmed)) return `https://pmc.ncbi.nlm.nih.gov/articles/${trimmed}/`;
  const doi = DOI.exec(trimmed)?.[1];
  if (doi) return `https://doi.org/${doi}`;
  return null;
}
