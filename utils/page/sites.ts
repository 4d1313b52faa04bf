/**
 * The NCBI sites JAK Lens works on, defined once: the hosts, the match patterns the manifest grants
 * (wxt.config.ts) and the content script runs on, and the checks built on them (page type, sender
 * check, message validation, the reader's site switch). Also the one http(s) address check.
 * Pure: strings in, values out.
 */

export const PUBMED_HOST = 'pubmed.ncbi.nlm.nih.gov';
export const PMC_HOST = 'pmc.ncbi.nlm.nih.gov';
/** Old PMC URLs (www.ncbi.nlm.nih.gov/pmc/articles/…) now redirect, but saved pages carry them. */
export const LEGACY_PMC_HOST = 'www.ncbi.nlm.nih.gov';
/** E-utilities, fetched by the background only (records for search-result badges). */
export const EUTILS_HOST = 'eutils.ncbi.nlm.nih.gov';

/** Hosts JAK Lens annotates (marks, panel, notes); nothing else is requested. */
export const ANNOTATED_HOSTS = [PUBMED_HOST, PMC_HOST] as const;
/** Their origins (the pages that may embed the note frame). */
export const ANNOTATED_ORIGINS = ANNOTATED_HOSTS.map((host) => `https://${host}`);
/** Their match patterns (host permissions, content script, context menu). */
export const ANNOTATED_SITES = ANNOTATED_HOSTS.map((host) => `https://${host}/*`);
/** Match patterns fetched by the background only. */
export const FETCHED_SITES = [`https://${EUTILS_HOST}/*`];

/** `value` parsed as a URL when it is an http(s) address, else null (no `javascript:`, no `data:`). */
export function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** True for https URLs on the NCBI hosts JAK Lens annotates. */
export function isNcbiArticleUrl(value: string): boolean {
  const url = httpUrl(value);
  return (
    url?.protocol === 'https:' && (ANNOTATED_HOSTS as readonly string[]).includes(url.hostname)
  );
}
