/**
 * Disease subtype from scored myositis terms: jdm (juvenile DM / juvenile myositis), dm (adult or
 * unspecified DM incl. amyopathic) or iim (another inflammatory myopathy).
 */
import type { Article } from '../article';
import type { ScoredTerm } from './score';
import { meshTermsOf } from './scan';
import { ADULT_CHECK_TAGS, PAEDIATRIC_CHECK_TAGS } from '../knowledge/mesh';

import type { DiseaseKind } from './verdict-terms';

const CHILD_WORDS =
  /\b(?:juvenile|child|children|childhood|paediatric|pediatric|infants?|infantile|adolescents?)\b/gi;
const ADULT_WORDS = /\badults?\b/i;
// "adult and juvenile dermatomyositis", "juvenile and adult DM": both ages share the noun.
const BOTH_AGES =
  /\badult(?:-onset)?\s+(?:and|or|\/)\s+(?:juvenile|childhood|paediatric|pediatric)\b|\b(?:juvenile|childhood|paediatric|pediatric)\s+(?:and|or|\/)\s+adult\b/i;

/** True when the title names adult and juvenile disease together: not a paediatric record. */
export function coversBothAges(article: Article): boolean {
  return BOTH_AGES.test(article.title);
}

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
 * The title names the myopathies as a group ("… in the idiopathic inflammatory myopathies") and
 * not dermatomyositis: DM in the abstract is then one of the subtypes the record covers.
 */
function umbrellaTitle(terms: ScoredTerm[]): boolean {
  const inTitle = (groups: string[]) =>
    terms.some((t) => t.field === 'title' && groups.includes(t.group));
  return inTitle(['iim-generic']) && !inTitle(['dm', 'jdm', 'msa-dm']);
}

/**
 * A record naming DM and at least three other myopathies (PM, IBM, IMNM, antisynthetase syndrome,
 * overlap myositis) surveys or compares the group, whichever it names most. Seen in six labelled
 * records of three sets (dev-012, r2-066, r2-092, r2-108, ho-11, ho-16), all labelled iim; no record
 * labelled dm or jdm names more than two others. Three named subtypes do not suffice: such records
 * are labelled dm (dev-007, r2-044, r2-091) as often as iim (dev-010, dev-015, r2-023 …).
 */
const GROUP_SUBTYPES = 4;

/**
 * Picks the subtype. DM wins over another named myopathy when it weighs more; on a tie (a title
 * naming both) the abstract decides: DM only if the abstract discusses it.
 */
export function diseaseKind(
  terms: ScoredTerm[],
  paediatric: boolean,
  bothAges = false,
): DiseaseKind {
  const jdm = sum(terms, (t) => t.group === 'jdm');
  const dm = sum(terms, (t) => t.group === 'dm' || t.group === 'msa-dm');
  const generic = sum(terms, (t) => t.group === 'iim-generic');
  const bySubtype = new Map<string, number>();
  const otherMyopathies = new Set<string>();
  for (const t of terms) {
    if (t.group !== 'iim-specific' && t.group !== 'msa-iim') continue;
    bySubtype.set(t.termId, (bySubtype.get(t.termId) ?? 0) + t.weight);
    if (t.group === 'iim-specific') otherMyopathies.add(t.termId);
  }
  const other = Math.max(0, ...bySubtype.values());
  if (bothAges && jdm + dm > 0) return 'dm';
  if (jdm > 0 && jdm * 2 >= dm) return 'jdm';
  if (paediatric && dm + generic > 0 && dm >= other) return 'jdm';
  if (umbrellaTitle(terms) && generic >= dm) return 'iim';
  if (dm > 0 && otherMyopathies.size + 1 >= GROUP_SUBTYPES) return 'iim';
  if (dm > other) return 'dm';
  if (dm < other) return 'iim';
  if (dm === 0) return 'iim';
  const dmInAbstract = terms.some((t) => t.group === 'dm' && t.field === 'abstract');
  return dmInAbstract ? 'dm' : 'iim';
}
