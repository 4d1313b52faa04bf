/**
 * Helpers that turn the reference's free-text cells ("INC424 (Novartis code)",
 * "ACVR1 (UNVERIFIED)") into typed values with a verified flag.
 */
import caveats from './data/caveats.json';
import type { Checked, SourceKind, SourceRef } from './types';

/**
 * "UNVERIFIED" and the free-text caveats that mean the same ("indirect link only", "per press
 * brief", "vendor data"): one list (data/caveats.json) that npm run knowledge:check reads too, so
 * a caveat demotes the item it qualifies instead of riding along as a note on a fact.
 */
const UNVERIFIED = new RegExp(caveats.patterns.join('|'), 'i');
/** Bracketed words that look like another spelling of a research code, e.g. "(INCB28050)". */
const CODE_LIKE = /^[A-Z]{2,}[-\s]?\d{2,}[A-Z]?$/;

/** True when a reference cell says its content is not confirmed (UNVERIFIED or a caveat). */
export function isUnverifiedText(text: string | null | undefined): boolean {
  return typeof text === 'string' && UNVERIFIED.test(text);
}

/**
 * Splits "value (note)" into a Checked item. `groupVerified` is the reference's flag for the
 * whole field group; an item is verified only when the group is and the cell has no UNVERIFIED mark
 * or caveat.
 */
export function parseChecked(cell: string, groupVerified: boolean): Checked[] {
  const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(cell.trim());
  const value = (bracket?.[1] ?? cell).trim();
  const note = bracket?.[2]?.trim();
  const verified = groupVerified && !isUnverifiedText(cell);
  if (note && CODE_LIKE.test(note)) {
    // Another spelling of the same code, e.g. "INCB028050 (INCB28050)": keep both as names.
    return [
      { value, verified },
      { value: note, note: `spelling of ${value}`, verified },
    ];
  }
  return [note ? { value, note, verified } : { value, verified }];
}

/** Pairs each URL with its kind; a URL without an allowed kind is left out (never cited). */
export function toSourceRefs(
  urls: readonly string[],
  kinds: Readonly<Record<string, string | undefined>>,
): SourceRef[] {
  return urls.flatMap((url) => {
    const sourceKind = asSourceKind(kinds[url]);
    return sourceKind ? [{ url, sourceKind }] : [];
  });
}

/** Narrows a data string to a SourceKind; anything else is null (not an allowed source). */
export function asSourceKind(kind: string | null | undefined): SourceKind | null {
  switch (kind) {
    case 'regulator':
    case 'registry':
    case 'literature':
    case 'reference':
    case 'sponsor':
      return kind;
    default:
      return null;
  }
}

/** "2026-12-03" or "2026-11" → "December 2026": how the UI says when a fact was checked. */
export function monthYear(checked: string): string {
  const [year, month] = checked.split('-');
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, 1));
  if (Number.isNaN(date.getTime())) return checked;
  return date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
