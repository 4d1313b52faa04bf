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
import { diseaseKind, isPaediatric, type DiseaseKind } from './classify/disease';
import { getDrug } from './knowledge/drugs';

export type { Field } from './classify/scan';
export type { DiseaseKind } from './classify/disease';

/** 'core' = myositis disease AND JAK inhibition. */
export type Relevance = 'core' | 'disease' | 'jak' | 'none';

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

function drugFindings(hits: Hit[]): DrugFinding[] {
  const byDrug = new Map<string, Hit[]>();
  for (const h of hits) {
    if (h.group !== 'drug') continue;
    byDrug.set(h.termId, [...(byDrug.get(h.termId) ?? []), h]);
  }
  return [...byDrug.entries()]
    .map(([drugId, list]) => ({
      drugId,
      name: getDrug(drugId)?.name ?? list[0]?.label ?? drugId,
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
  const hits = scanArticle(article);
  const jakTerms = scoreTerms(hits.filter(isJakHit), true);
  const diseaseTerms = scoreTerms(hits.filter(isMyositisHit), false);
  const jakScore = total(jakTerms);
  const diseaseScore = total(diseaseTerms);
  const jakInhibition = jakScore >= THRESHOLD;
  const myositis = diseaseScore >= THRESHOLD;
  const relevance: Relevance =
    myositis && jakInhibition ? 'core' : myositis ? 'disease' : jakInhibition ? 'jak' : 'none';
  const evidence = [
    ...(myositis ? toEvidence(diseaseTerms, 'disease') : []),
    ...(jakInhibition ? toEvidence(jakTerms, 'jak') : []),
  ].sort((a, b) => b.weight - a.weight);
  return {
    relevance,
    disease: myositis ? diseaseKind(diseaseTerms, isPaediatric(article)) : null,
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
