/**
 * What the info card on a term mark says, built from the knowledge base only. A drug card
 * reuses the panel's drug model (utils/panel/drug-card.ts), so UNVERIFIED items are handled the same
 * way: left out of the facts and counted as unverified. Pure: no DOM, no browser API.
 */
import { DISEASE_TERMS } from '../knowledge/diseases';
import {
  DETECTION_SOURCES,
  DRUGS,
  getDrug,
  REFERENCE_CAUTION,
  REFERENCE_CHECKED,
  type Drug,
} from '../knowledge/drugs';
import { monthYear } from '../knowledge/checked';
import { TARGET_TERMS } from '../knowledge/targets';
import { JAK_CLASS_TERM } from '../knowledge/terms';
import type { JakName, SourceKind, SourceRef, Term, TermGroup } from '../knowledge/types';
import {
  antibodyCard,
  ifnMarkerCard,
  pathwayFocusOf,
  rangeCard,
  type AntibodyMarkCard,
  type IfnMarkCard,
  type RangeMarkCard,
} from './mark-card-more';
import {
  buildDrugCard,
  type ApprovalFact,
  type EvidenceFact,
  type LabelItem,
} from '../panel/drug-card';
import type { PathwayFocus } from '../panel/pathways';
import { PATHWAY_SOURCES } from '../knowledge/pathways';

export type { AntibodyMarkCard, IfnMarkCard, RangeMarkCard } from './mark-card-more';

/** A drug's card: names, verified targets and approvals, and the sources behind them. */
export interface DrugMarkCard {
  kind: 'drug';
  termId: string;
  title: string;
  /** What the drug is per the data ("JAK1/TYK2 inhibitor"), never a hard-coded class. */
  heading: string;
  /** One status line from verified facts, or null. */
  status: string | null;
  boxedFlag: string | null;
  /** The strongest verified DM / JDM items (two at most on this small card). */
  topEvidence: EvidenceFact[];
  /** "December 2026": when the reference was checked. */
  checked: string;
  brandNames: LabelItem[];
  jakTargets: JakName[];
  otherTargets: LabelItem[];
  /** Targets the reference marks UNVERIFIED: shown labelled, never as fact. */
  unverifiedTargets: LabelItem[];
  approvals: ApprovalFact[];
  /** How many of the drug's approvals the reference leaves unverified (not shown as fact). */
  unverifiedApprovals: number;
  /** The drug record's sources (names and targets), strongest kind first. */
  sources: SourceRef[];
  caution: string;
}

/** The class term ("JAK inhibitors"): how many inhibitors the knowledge base holds. */
export interface ClassMarkCard {
  kind: 'drug-class';
  termId: string;
  title: string;
  inhibitorCount: number;
  sources: SourceRef[];
}

/** An inhibitor that blocks a target, with the sources of its record. */
export interface Inhibitor {
  drugId: string;
  name: string;
  sources: SourceRef[];
}

/** A target's card: its spelled-out name and the inhibitors listed against it. */
export interface TargetMarkCard {
  kind: 'target';
  termId: string;
  title: string;
  /** The spelled-out name among the term's own forms ("Janus kinase 1"), if it has one. */
  fullName: string | null;
  inhibitors: Inhibitor[];
  /** Drugs whose listing of this target the reference marks UNVERIFIED: names only, not facts. */
  unverifiedInhibitors: string[];
  /** Where the target's name and grouping come from (the pathway reference). */
  sources: SourceRef[];
}

/** A disease term's card: the term and what kind of term the knowledge base files it under. */
export interface DiseaseMarkCard {
  kind: 'disease';
  termId: string;
  title: string;
  category: string;
  sources: SourceRef[];
}

/** A mark of a kind this card does not know (e.g. a reader's own watch term): its label only. */
export interface LabelMarkCard {
  kind: 'label';
  termId: string;
  title: string;
}

export type MarkCardModel = (
  | DrugMarkCard
  | ClassMarkCard
  | TargetMarkCard
  | DiseaseMarkCard
  | AntibodyMarkCard
  | RangeMarkCard
  | IfnMarkCard
  | LabelMarkCard
) & {
  /** The part of the panel's pathway view this term belongs to, for "Show in the pathway view". */
  pathway?: PathwayFocus;
};

const JAK_NAMES: readonly string[] = ['JAK1', 'JAK2', 'JAK3', 'TYK2'];

/** Strongest first; the order of data/README.md's source ranking. */
const SOURCE_RANK: readonly SourceKind[] = [
  'regulator',
  'registry',
  'literature',
  'reference',
  'sponsor',
];

/** Sources sorted by kind, strongest first (stable within a kind). */
export function strongestFirst(sources: readonly SourceRef[]): SourceRef[] {
  return [...sources].sort(
    (a, b) => SOURCE_RANK.indexOf(a.sourceKind) - SOURCE_RANK.indexOf(b.sourceKind),
  );
}

/** What each disease group means, worded from the knowledge base's own grouping. */
const DISEASE_CATEGORY: Record<TermGroup, string | null> = {
  jdm: 'Juvenile dermatomyositis term',
  dm: 'Dermatomyositis term',
  'iim-specific': 'Idiopathic inflammatory myopathy: a named form',
  'iim-generic': 'Idiopathic inflammatory myopathy: general term',
  'msa-dm': 'Myositis-specific autoantibody (dermatomyositis group)',
  'msa-iim': 'Myositis-specific autoantibody',
  ifn: 'Type I interferon term',
  maa: null,
  'ifn-marker': null,
  drug: null,
  'jak-class': null,
  'jak-target': null,
  'jak-mutation': null,
  stat: null,
  pathway: null,
};

function drugCard(drug: Drug): DrugMarkCard {
  const card = buildDrugCard(drug, 0);
  return {
    kind: 'drug',
    termId: drug.id,
    title: drug.name,
    heading: card.heading,
    status: card.status,
    boxedFlag: card.boxedFlag,
    topEvidence: card.topEvidence.slice(0, 2),
    checked: monthYear(REFERENCE_CHECKED),
    brandNames: card.brandNames,
    jakTargets: card.jakTargets,
    otherTargets: card.otherTargets,
    unverifiedTargets: card.unverifiedTargets,
    approvals: card.approvals,
    unverifiedApprovals: drug.approvals.length - card.approvals.length,
    sources: strongestFirst(card.sources),
    caution: REFERENCE_CAUTION,
  };
}

function classCard(): ClassMarkCard {
  return {
    kind: 'drug-class',
    termId: JAK_CLASS_TERM.id,
    title: JAK_CLASS_TERM.label,
    inhibitorCount: DRUGS.filter((d) => d.jakTargets.length > 0).length,
    sources: [...DETECTION_SOURCES],
  };
}

/** Spelled-out names contain a real word; symbols and codes ("JAK1", "JAK2 (V617F)") do not. */
function fullName(term: Term): string | null {
  const form = term.forms.find((f) => f.rule === undefined && /[a-z]{4,}/.test(f.text));
  return form ? form.text : null;
}

/** Verified and unverified blockers of one target term, in the reference's drug order. */
function blockers(termId: string): { verified: Drug[]; unverified: Drug[] } {
  const symbol = termId.replace(/^target:/, '');
  if (JAK_NAMES.includes(symbol)) {
    const listsIt = (d: Drug) =>
      [...d.targets, ...d.otherTargets].some((t) => t.value === symbol && !t.verified);
    return {
      verified: DRUGS.filter((d) => (d.jakTargets as string[]).includes(symbol)),
      unverified: DRUGS.filter((d) => !(d.jakTargets as string[]).includes(symbol) && listsIt(d)),
    };
  }
  if (symbol === 'JAK') {
    // The family: any verified JAK / TYK2 target counts; a JAK listing left unverified does not.
    const jakListed = (d: Drug) =>
      [...d.targets, ...d.otherTargets].some((t) => /^(JAK|TYK2)/.test(t.value));
    return {
      verified: DRUGS.filter((d) => d.jakTargets.length > 0),
      unverified: DRUGS.filter((d) => d.jakTargets.length === 0 && jakListed(d)),
    };
  }
  return { verified: [], unverified: [] };
}

function targetCard(term: Term): TargetMarkCard {
  const { verified, unverified } = blockers(term.id);
  return {
    kind: 'target',
    termId: term.id,
    title: term.label,
    fullName: fullName(term),
    inhibitors: verified.map((d) => ({
      drugId: d.id,
      name: d.name,
      sources: strongestFirst(d.sources),
    })),
    unverifiedInhibitors: unverified.map((d) => d.name),
    sources: [...PATHWAY_SOURCES],
  };
}

/** Terms whose group alone says too little about them. */
const CATEGORY_BY_TERM: Record<string, string> = {
  'disease:msa': 'Myositis autoantibodies: general term',
};

function diseaseCard(term: Term): DiseaseMarkCard | null {
  const category = CATEGORY_BY_TERM[term.id] ?? DISEASE_CATEGORY[term.group];
  if (!category) return null;
  // Antibody names keep their own case ("anti-MDA5"); disease names start with a capital.
  const isAntibody = term.group === 'msa-dm' || term.group === 'msa-iim';
  const title = isAntibody ? term.label : term.label.charAt(0).toUpperCase() + term.label.slice(1);
  return { kind: 'disease', termId: term.id, title, category, sources: [...DETECTION_SOURCES] };
}

const cache = new Map<string, MarkCardModel | null>();

/**
 * The card for a mark of `kind` and `termId`, or null when the knowledge base has no such term
 * (an unknown id, or a known id under the wrong kind). For any other kind (e.g. a reader's watch
 * term) `label`, when given, makes a minimal card that states nothing beyond that label.
 * Results are cached per kind and term: a card is built on the first hover, not at page load.
 */
export function markCardFor(kind: string, termId: string, label?: string): MarkCardModel | null {
  if (kind !== 'drug' && kind !== 'target' && kind !== 'disease' && kind !== 'antibody') {
    const text = label?.trim();
    return text ? { kind: 'label', termId, title: text } : null;
  }
  const key = `${kind}\n${termId}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const built = buildCard(kind, termId);
  const pathway = pathwayFocusOf(termId);
  const card: MarkCardModel | null = built && pathway ? { ...built, pathway } : built;
  cache.set(key, card);
  return card;
}

function buildCard(
  kind: 'drug' | 'target' | 'disease' | 'antibody',
  termId: string,
): MarkCardModel | null {
  if (kind === 'antibody') return antibodyCard(termId);
  if (kind === 'drug') {
    if (termId === JAK_CLASS_TERM.id) return classCard();
    const drug = termId.startsWith('drug:') ? getDrug(termId) : undefined;
    return drug ? drugCard(drug) : null;
  }
  if (kind === 'target') {
    if (termId.startsWith('range:')) return rangeCard(termId);
    if (termId.startsWith('ifn:')) return ifnMarkerCard(termId);
    const term = TARGET_TERMS.find((t) => t.id === termId);
    return term ? targetCard(term) : null;
  }
  const term = DISEASE_TERMS.find((t) => t.id === termId);
  return term ? diseaseCard(term) : null;
}
