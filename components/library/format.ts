/** "2 min ago", "yesterday", or a date, for times shown in lists. */
export function formatWhen(epochMs: number, now = Date.now()): string {
  const seconds = Math.round((now - epochMs) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** PubMed's page for a PMID. PMIDs are validated digits before they reach the UI. */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

/** `url` when it is an http(s) address, else undefined: links in the library are never javascript: or data:. */
export function httpHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
