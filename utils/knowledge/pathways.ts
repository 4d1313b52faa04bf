/**
 * Cytokine receptor → JAK → STAT pairings (data/jak-stat-pathways.json) and the rule the panel
 * uses: a cytokine family is affected when the drug inhibits a JAK that its receptor needs.
 */
import reference from './data/jak-stat-pathways.json';
import { isUnverifiedText, toSourceRefs } from './checked';
import type { JakName, SourceRef } from './types';

/** Short stable ids for the families, in the reference's order. */
export type FamilyId =
  | 'ifn-1'
  | 'ifn-2'
  | 'ifn-3'
  | 'il-6'
  | 'gamma-c'
  | 'il-12-23'
  | 'il-10'
  | 'beta-c'
  | 'epo'
  | 'tpo'
  | 'gh'
  | 'leptin'
  | 'g-csf'
  | 'il-13'
  | 'il-31'
  | 'tslp';

/** One cytokine family with the JAKs its receptor uses. */
export interface Pairing {
  id: FamilyId;
  family: string;
  receptor: string;
  /** JAKs the receptor needs, from the leading symbol of each reference cell. */
  jaks: JakName[];
  /** The reference cells as written (chain notes, caveats). */
  jakNotes: string[];
  stats: string[];
  sources: SourceRef[];
  verified: boolean;
  /** What the sources leave open for this family (e.g. whether JAK1 takes part). */
  unknown?: string;
  /** When the pairing was last checked against its sources. */
  checked: string;
}

// Keyed by how the reference family text starts, so the ids do not depend on array order.
const FAMILY_IDS: [prefix: string, id: FamilyId][] = [
  ['Type I interferon', 'ifn-1'],
  ['Type II interferon', 'ifn-2'],
  ['Type III interferon', 'ifn-3'],
  ['IL-6 family', 'il-6'],
  ['Common gamma chain', 'gamma-c'],
  ['IL-12 / IL-23', 'il-12-23'],
  ['IL-10 family', 'il-10'],
  ['Beta-common', 'beta-c'],
  ['EPO', 'epo'],
  ['TPO', 'tpo'],
  ['Growth hormone', 'gh'],
  ['Leptin', 'leptin'],
  ['G-CSF', 'g-csf'],
  ['IL-13', 'il-13'],
  ['IL-31', 'il-31'],
  ['TSLP', 'tslp'],
];

const LEADING_JAK = /^(JAK1|JAK2|JAK3|TYK2)\b/;

function familyId(family: string): FamilyId {
  const hit = FAMILY_IDS.find(([prefix]) => family.startsWith(prefix));
  if (!hit) throw new Error(`Unknown cytokine family in reference: ${family}`);
  return hit[1];
}

/**
 * Reads the JAK symbol that opens each cell ("TYK2 (IFNAR1)" → TYK2). A cell that is itself
 * UNVERIFIED is skipped; a caveat inside the brackets ("JAK1 also reported - UNVERIFIED") does
 * not add that other JAK.
 */
function parseJaks(cells: string[]): JakName[] {
  const jaks = cells.flatMap((cell) => {
    const symbol = LEADING_JAK.exec(cell)?.[1] as JakName | undefined;
    const head = cell.split('(')[0] ?? '';
    return symbol && !isUnverifiedText(head) ? [symbol] : [];
  });
  return [...new Set(jaks)];
}

/** Every pairing of the reference. */
export const PAIRINGS: readonly Pairing[] = reference.pairings.map((p) => ({
  id: familyId(p.family),
  family: p.family,
  receptor: p.receptor,
  jaks: parseJaks(p.jaks),
  jakNotes: p.jaks,
  stats: p.stats,
  sources: toSourceRefs(p.sources, p.sourceKind),
  verified: p.verified,
  ...('unknown' in p && typeof p.unknown === 'string' ? { unknown: p.unknown } : {}),
  checked: p.checked,
}));

/** The reference's general notes (clinical shorthand, DM relevance, flagged discrepancy). */
export const PATHWAY_NOTES: readonly string[] = reference.notes;

/** A family a drug reaches, and through which of its JAKs. */
export interface AffectedFamily {
  pairing: Pairing;
  via: JakName[];
}

/**
 * Families whose receptor needs at least one of `drugTargets` (e.g. a drug's `jakTargets`).
 * Non-JAK targets are ignored; the order is the reference's.
 */
export function affectedFamilies(drugTargets: readonly string[]): AffectedFamily[] {
  const targets = new Set(drugTargets);
  return PAIRINGS.flatMap((pairing) => {
    const via = pairing.jaks.filter((j) => targets.has(j));
    return via.length > 0 ? [{ pairing, via }] : [];
  });
}

/**
 * The receptor-pairing reference's own sources: what a JAK / STAT target mark card cites. Here, with
 * the facts, not on the target terms: the always-on matcher never cites (issue 17).
 */
export const PATHWAY_SOURCES: readonly SourceRef[] = toSourceRefs(
  reference.sources,
  reference.sourceKind as Record<string, string>,
);
