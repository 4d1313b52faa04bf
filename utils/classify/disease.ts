/**
 * Disease subtype from scored myositis terms: jdm (juvenile DM / juvenile myositis), dm (adult or
 * unspecified DM incl. amyopathic) or iim (another inflammatory myopathy).
 */
import type { Article } from '../article';
import type { ScoredTerm } from './score';
import { meshTermsOf } from './scan';
import { ADULT_CHECK_TAGS, PAEDIATRIC_CHECK_TAGS } from '../knowledge/mesh';

/** The verdict's disease subtype. */
export type DiseaseKind = 'jdm' | 'dm' | 'iim';

const CHILD_WORDS =
  /\b(?:juvenile|child|children|childhood|paediatric|pediatric|infants?|infantile|adolescents?)\b/gi;
const ADULT_WORDS = /\badults?\b/i;

/**
 * True when the record is about children: a child word in the title, paediatric MeSH check tags
 * without adult ones, or repeated child words in an abstract that never mentions adults.
 */
export function isPaediatric(article: Article): boolean {
  if (new RegExp(CHILD_WORDS.source, 'i').test(article.title)) return true;
  const tags = meshTermsOf(article).map((m) => m.descriptor);
  const child = tags.some((t) => PAEDIATRIC_CHECK_TAGS.includes(t));
  const adult = tags.some((t) => ADULT_CHECK_TAGS.includes(t));
  if (child || adult) return child && !adult;
  const abstract = article.abstract;
  return (abstract.match(CHILD_WORDS)?.length ?? 0) >= 2 && !ADULT_WORDS.test(abstract);
}

function sum(terms: ScoredTerm[], pick: (t: ScoredTerm) => boolean): number {
  return terms.filter(pick).reduce((s, t) => s + t.weight, 0);
}

/**
 * Picks the subtype. DM wins over another named myopathy when it weighs more; on a tie (a title
 * naming both) the abstract decides: DM only if the abstract discusses it.
 */
export function diseaseKind(terms: ScoredTerm[], paediatric: boolean): DiseaseKind {
  const jdm = sum(terms, (t) => t.group === 'jdm');
  const dm = sum(terms, (t) => t.group === 'dm' || t.group === 'msa-dm');
  const generic = sum(terms, (t) => t.group === 'iim-generic');
  const bySubtype = new Map<string, number>();
  for (const t of terms) {
    if (t.group !== 'iim-specific' && t.group !== 'msa-iim') continue;
    bySubtype.set(t.termId, (bySubtype.get(t.termId) ?? 0) + t.weight);
  }
  const other = Math.max(0, ...bySubtype.values());
  if (jdm > 0 && jdm * 2 >= dm) return 'jdm';
  if (paediatric && dm + generic > 0 && dm >= other) return 'jdm';
  if (dm > other) return 'dm';
  if (dm < other) return 'iim';
  if (dm === 0) return 'iim';
  const dmInAbstract = terms.some((t) => t.group === 'dm' && t.field === 'abstract');
  return dmInAbstract ? 'dm' : 'iim';
}
