/**
 * Second half of the classifier: weights for each hit, the two axis scores and the disease
 * subtype. MeSH and substances weigh most, but title + abstract alone can pass every threshold.
 */
import type { Field, Hit } from './scan';
import { getDrugName } from '../knowledge/drug-names';
import type { TermGroup } from '../knowledge/types';

/** Weight of a term present in a field (once per term and field). */
const PRESENCE: Record<Exclude<Field, 'abstract' | 'body'>, number> = {
  mesh: 4,
  substances: 4,
  title: 3,
  keywords: 2,
};
const MESH_MAJOR = 5;
/** Abstract: the first mention of a JAK term carries more, so one clear sentence is enough. */
const ABSTRACT_FIRST_JAK = 2;
const ABSTRACT_EACH = 1;
const FOREIGN_LIST = 0.5;
const SCOPE_ITEM = 2;
const ABSTRACT_CAP = 6;
const BODY_EACH = 0.1;
const BODY_CAP = 1;

/** Score a record needs on an axis. */
export const THRESHOLD = 2;

/** One scored term: what the UI shows as evidence. */
export interface ScoredTerm {
  termId: string;
  label: string;
  group: TermGroup;
  field: Field;
  count: number;
  weight: number;
}

/** True when a hit is evidence of JAK inhibition (a JAK drug, the class, or an inhibited target). */
export function isJakHit(hit: Hit): boolean {
  if (hit.group === 'jak-class') return true;
  if (hit.group === 'drug') return getDrugName(hit.termId)?.isJakInhibitor === true;
  return hit.cue !== null;
}

const MYOSITIS: readonly TermGroup[] = [
  'jdm',
  'dm',
  'iim-specific',
  'iim-generic',
  'msa-dm',
  'msa-iim',
];

/** True when a hit names a myositis disease or a myositis antibody. */
export function isMyositisHit(hit: Hit): boolean {
  return MYOSITIS.includes(hit.group);
}

/**
 * Groups hits by (term, field) and weighs them. Prose fields add per mention with a cap; the
 * structured fields count once. `jak` selects the JAK axis rules (first abstract mention ×2,
 * weak cues count one each and never first).
 */
export function scoreTerms(hits: readonly Hit[], jak: boolean): ScoredTerm[] {
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = `${h.termId}|${h.field}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const scored: ScoredTerm[] = [];
  let abstractJakSeen = false;
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const { termId, label, group, field } = first;
    let weight: number;
    if (field === 'mesh') weight = list.some((h) => h.major) ? MESH_MAJOR : PRESENCE.mesh;
    else if (field === 'substances' || field === 'title' || field === 'keywords')
      weight = PRESENCE[field];
    else if (field === 'body') weight = Math.min(BODY_CAP, BODY_EACH * list.length);
    else {
      weight = 0;
      let scopeSeen = false;
      for (const h of list) {
        // A disease named in an enumeration of diseases is one a multi-disease review covers
        // ("CTDs including RA, SLE, dermatomyositis, SSc…"): it counts as a clear mention once.
        if (h.inForeignList && !jak && !scopeSeen) {
          weight += SCOPE_ITEM;
          scopeSeen = true;
        } else if (h.inForeignList) weight += FOREIGN_LIST;
        else if (jak && h.cue !== 'weak' && !abstractJakSeen) {
          weight += ABSTRACT_FIRST_JAK;
          abstractJakSeen = true;
        } else weight += ABSTRACT_EACH;
      }
      weight = Math.min(ABSTRACT_CAP, weight);
    }
    // Antibodies point at a disease but do not name it; "JAK inhibition" / "inhibits JAK1" is
    // also said of JAK-STAT biology without a drug: both count half.
    if (group === 'msa-dm' || group === 'msa-iim') weight /= 2;
    else if (jak && list.every((h) => h.cue === 'weak')) weight /= 2;
    scored.push({ termId, label, group, field, count: list.length, weight });
  }
  return scored.sort((a, b) => b.weight - a.weight);
}

/** Sum of weights, with the abstract's total capped so one long abstract cannot outvote MeSH. */
export function total(terms: ScoredTerm[]): number {
  let abstract = 0;
  let rest = 0;
  for (const t of terms) {
    if (t.field === 'abstract') abstract += t.weight;
    else rest += t.weight;
  }
  return rest + Math.min(abstract, ABSTRACT_CAP * 2);
}
