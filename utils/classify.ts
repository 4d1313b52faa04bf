/**
 * utils/classify/ with this entry point: the classifier (scan, score, disease subtype, sentence
 * context), the verdict's words (verdict-terms.ts), labels and search-result verdicts. Pure; may import
 * utils/article/, utils/match/, utils/page/ and utils/knowledge/.
 */
/**
 * The article classifier: is this record about a myositis disease, about JAK inhibition, or both?
 * Pure: an Article in, a Verdict out, with the evidence the UI shows in one line.
 */
import type { Article } from './article';
import { FIELD_ORDER, scanArticle, type Field, type Hit } from './classify/scan';
import {
  isJakHit,
  isMyositisHit,
  scoreTerms,
  total,
  THRESHOLD,
  type ScoredTerm,
} from './classify/score';
import { coversBothAges, diseaseKind, isPaediatric } from './classify/disease';
import { isDrugInducedMyositis } from './classify/induced';
import type { DiseaseKind, Relevance } from './classify/verdict-terms';
import { getDrugName } from './knowledge/drug-names';

export type { Field } from './classify/scan';
export type { DiseaseKind, Relevance } from './classify/verdict-terms';

/** One inhibitor named in the record. */
export interface DrugFinding {
  drugId: string;
  name: string;
  /** Mentions across all fields (a MeSH heading or substance counts once). */
  count: number;
  /** Fields it appears in, strongest first. */
  fields: Field[];
}

/** A term that decided the verdict. */
export interface Evidence {
  term: string;
  termId: string;
  field: Field;
  weight: number;
  count: number;
  axis: 'disease' | 'jak';
}

export interface Verdict {
  relevance: Relevance;
  disease: DiseaseKind | null;
  jakInhibition: boolean;
  drugs: DrugFinding[];
  evidence: Evidence[];
  /** Axis scores against the threshold, for debugging and tuning. */
  scores: { disease: number; jak: number; threshold: number };
}

function drugFindings(hits: readonly Hit[]): DrugFinding[] {
  const byDrug = new Map<string, Hit[]>();
  for (const h of hits) {
    if (h.group !== 'drug') continue;
    byDrug.set(h.termId, [...(byDrug.get(h.termId) ?? []), h]);
  }
  return [...byDrug.entries()]
    .map(([drugId, list]) => ({
      drugId,
      name: getDrugName(drugId)?.name ?? list[0]?.label ?? drugId,
      count: list.length,
      fields: FIELD_ORDER.filter((f) => list.some((h) => h.field === f)),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function toEvidence(terms: ScoredTerm[], axis: Evidence['axis']): Evidence[] {
  return terms.map((t) => ({
    // A target counts here only as something inhibited: say so.
    term: t.group === 'jak-target' || t.group === 'pathway' ? `${t.label} inhibitor` : t.label,
    termId: t.termId,
    field: t.field,
    weight: t.weight,
    count: t.count,
    axis,
  }));
}

/** Classifies one article record. */
export function classifyArticle(article: Article): Verdict {
  return classifyScanned(article, scanArticle(article));
}

/**
 * `classifyArticle` from a scan of the same article already made (`scanArticle`): the article page
 * keeps the scan's hits for the panel, which would otherwise scan the article a second time.
 */
export function classifyScanned(article: Article, hits: readonly Hit[]): Verdict {
  const jakTerms = scoreTerms(hits.filter(isJakHit), true);
  const diseaseTerms = scoreTerms(hits.filter(isMyositisHit), false);
  const jakScore = total(jakTerms);
  const diseaseScore = total(diseaseTerms);
  const jakInhibition = jakScore >= THRESHOLD;
  // Checkpoint-inhibitor myositis uses the same words but is not an idiopathic myopathy.
  const myositis = diseaseScore >= THRESHOLD && !isDrugInducedMyositis(article);
  const relevance: Relevance =
    myositis && jakInhibition ? 'core' : myositis ? 'disease' : jakInhibition ? 'jak' : 'none';
  const evidence = [
    ...(myositis ? toEvidence(diseaseTerms, 'disease') : []),
    ...(jakInhibition ? toEvidence(jakTerms, 'jak') : []),
  ].sort((a, b) => b.weight - a.weight);
  return {
    relevance,
    disease: myositis
      ? diseaseKind(diseaseTerms, isPaediatric(article), coversBothAges(article))
      : null,
    jakInhibition,
    drugs: drugFindings(hits),
    evidence,
    scores: { disease: diseaseScore, jak: jakScore, threshold: THRESHOLD },
  };
}

const FIELD_LABEL: Record<Field, string> = {
  mesh: 'MeSH',
  substances: 'substances',
  title: 'title',
  keywords: 'keywords',
  abstract: 'abstract',
  body: 'full text',
};

/**
 * One line saying why: "MeSH: Dermatomyositis; abstract: baricitinib ×4, tofacitinib ×2".
 * At most three terms per field, fields strongest first.
 */
export function summariseEvidence(verdict: Verdict, perField = 3): string {
  const parts = FIELD_ORDER.flatMap((field) => {
    const seen = new Set<string>();
    const items = verdict.evidence
      .filter((e) => e.field === field && !seen.has(e.term) && seen.add(e.term))
      .slice(0, perField)
      .map((e) => (e.count > 1 ? `${e.term} ×${e.count}` : e.term));
    return items.length > 0 ? [`${FIELD_LABEL[field]}: ${items.join(', ')}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : 'No myositis or JAK-inhibitor terms found';
}
