/**
 * Link helpers for the summary panel. Every href the panel renders passes through here, so a
 * `javascript:` or `data:` URL in the knowledge base (or anywhere else) can never become a link.
 * Pure: strings in, strings out.
 */

/** Returns the normalised URL when it parses as http(s), otherwise null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The host name to show for a source link ("dailymed.nlm.nih.gov"), or the text itself. */
export function sourceHost(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : url;
}

const NCT = /^NCT\d{8}$/;
const PMID = /^PMID:\s*(\d{1,9})$/i;
const PMCID = /^PMC\d{1,9}$/;

/**
 * The registry or database page for an evidence id as the reference writes it: an NCT number
 * opens ClinicalTrials.gov, "PMID:123" opens PubMed, "PMC123" opens PMC. Ids that do not match
 * exactly (e.g. "VALOR (NCT number UNVERIFIED)") get no link: we never guess a number.
 */
export function evidenceUrl(id: string): string | null {
  const trimmed = id.trim();
  if (NCT.test(trimmed)) return `https://clinicaltrials.gov/study/${trimmed}`;
  const pmid = PMID.exec(trimmed)?.[1];
  if (pmid) return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  if (PMCID.test(trimmed)) return `https://pmc.ncbi.nlm.nih.gov/articles/${trimmed}/`;
  return null;
}
