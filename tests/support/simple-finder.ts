/**
 * A small stand-in for the knowledge-base finder (utils/find-mentions.ts): one combined,
 * case-insensitive RegExp over a term list. Tests and the bench use it so the highlighter can be
 * exercised without the knowledge base.
 */

import type { Mention, MentionFinder, MentionKind } from '../../utils/match/mention';

export interface SimpleTerm {
  term: string;
  termId: string;
  kind: MentionKind;
}

/** A few real JDM / JAK-inhibitor terms. */
export const DEMO_TERMS: SimpleTerm[] = [
  { term: 'baricitinib', termId: 'drug:baricitinib', kind: 'drug' },
  { term: 'tofacitinib', termId: 'drug:tofacitinib', kind: 'drug' },
  { term: 'ruxolitinib', termId: 'drug:ruxolitinib', kind: 'drug' },
  { term: 'JAK1', termId: 'target:JAK1', kind: 'target' },
  { term: 'JAK2', termId: 'target:JAK2', kind: 'target' },
  { term: 'TYK2', termId: 'target:TYK2', kind: 'target' },
  { term: 'STAT1', termId: 'target:STAT1', kind: 'target' },
  { term: 'dermatomyositis', termId: 'disease:dm', kind: 'disease' },
  { term: 'JDM', termId: 'disease:jdm', kind: 'disease' },
  { term: 'interferon', termId: 'target:interferon', kind: 'target' },
];

/**
 * The demo terms plus words that really occur in the two main captures (PMC8885717 is an NLP
 * paper, PMID-37882686 a cardiology review, so neither mentions a JAK inhibitor). They give the
 * round-trip tests and the bench a realistic number of marks (~500 on the PMC page).
 */
export const FIXTURE_TERMS: SimpleTerm[] = [
  ...DEMO_TERMS,
  { term: 'BioC', termId: 'drug:bioc', kind: 'drug' },
  { term: 'JSON', termId: 'drug:json', kind: 'drug' },
  { term: 'HTML', termId: 'target:html', kind: 'target' },
  { term: 'GWAS', termId: 'target:gwas', kind: 'target' },
  { term: 'table', termId: 'disease:table', kind: 'disease' },
  { term: 'tables', termId: 'disease:table', kind: 'disease' },
  { term: 'abbreviation', termId: 'disease:abbreviation', kind: 'disease' },
  { term: 'abbreviations', termId: 'disease:abbreviation', kind: 'disease' },
  { term: 'aortic', termId: 'target:aortic', kind: 'target' },
  { term: 'valve', termId: 'drug:valve', kind: 'drug' },
  { term: 'mortality', termId: 'disease:mortality', kind: 'disease' },
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One global, case-insensitive RegExp matching any of `terms` as a whole word. Longer terms come
 * first so that an alternation prefers "JAK1" over a hypothetical "JAK".
 */
export function buildTermRegExp(terms: readonly string[]): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`\\b(?:${sorted.join('|')})\\b`, 'gi');
}

/** A MentionFinder over `terms`, returning mentions in text order. */
export function createSimpleFinder(terms: readonly SimpleTerm[] = DEMO_TERMS): MentionFinder {
  const byText = new Map(terms.map((t) => [t.term.toLowerCase(), t]));
  const re = buildTermRegExp(terms.map((t) => t.term));
  return (text: string): Mention[] => {
    const out: Mention[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const term = byText.get(m[0].toLowerCase());
      if (term)
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          termId: term.termId,
          kind: term.kind,
        });
    }
    return out;
  };
}
