import { PMC_HOST, PUBMED_HOST } from '../page/sites';
import type { Settings } from './settings';

/**
 * The reader's site switch: JAK Lens (marks, panel, badges) on or off per NCBI site, as stored in
 * the settings (`sites`). The popup shows the switch; the content script starts only where it is on.
 */

/** Which of the reader's site switches governs `url`, or null for any other site (or no URL). */
export function siteOf(url: string | undefined): keyof Settings['sites'] | null {
  let host: string;
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return null;
  }
  if (host === PMC_HOST) return 'pmc';
  if (host === PUBMED_HOST) return 'pubmed';
  return null;
}

/** The sites' names as the popup and the settings show them. */
export const SITE_NAMES: Record<keyof Settings['sites'], string> = { pubmed: 'PubMed', pmc: 'PMC' };

/** Whether JAK Lens runs on `url` according to the reader's site switches. */
export function isSiteEnabled(sites: Settings['sites'], url: string): boolean {
  const site = siteOf(url);
  return site !== null && sites[site];
}
