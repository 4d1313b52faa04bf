/**
 * The pathway view of the summary panel: a drug × JAK matrix and the cytokine families each drug
 * interferes with, all derived from the pairing table by one rule (see PATHWAY_RULE). Pure.
 */
import { DRUGS } from '../knowledge/drugs';
import { PAIRINGS, PATHWAY_NOTES, type FamilyId, type Pairing } from '../knowledge/pathways';
import type { JakName, SourceRef } from '../knowledge/types';
import { JAK_ORDER, TYPE_I_IFN, type DrugCardModel } from './drug-card';

/** The rule, in the words the panel shows next to the derived families. */
export const PATHWAY_RULE =
  'A cytokine family counts as affected when the drug inhibits at least one JAK that the ' +
  "family's receptor needs (receptor → JAK pairings from the reference table). This shows which " +
  'signals a drug can reach, not how strongly it blocks them.';

/** One row of the drug × JAK matrix. */
export interface MatrixRow {
  drugId: string;
  name: string;
  cells: { jak: JakName; inhibited: boolean }[];
}

/** A drug reaching a family, and through which of its JAKs. */
export interface Blocker {
  drugId: string;
  name: string;
  via: JakName[];
}

/** One cytokine family as the pathway view shows it. */
export interface FamilyView {
  id: FamilyId;
  family: string;
  receptor: string;
  /** JAKs the receptor needs. */
  jaks: JakName[];
  /** JAKs through which the drugs (or targets) in view reach this family. */
  via: JakName[];
  stats: string[];
  sources: SourceRef[];
  isTypeOneIfn: boolean;
  blockedBy: Blocker[];
}

/** The pathway section of the panel. */
export interface PathwayView {
  rule: string;
  /** The reference's note on why the type I IFN signature matters in DM / JDM, if present. */
  jdmNote: string | null;
  matrix: MatrixRow[];
  /** Families reached by the drugs found in the article, in the reference's order. */
  families: FamilyView[];
  /** JAKs the article names without naming a drug (target-only view). */
  targets: JakName[];
  /** Families whose receptor needs one of `targets`. */
  targetFamilies: FamilyView[];
  /** Disease-only view: every drug in the reference that would block type I IFN; else null. */
  typeOneIfnBlockers: Blocker[] | null;
  /** The type I IFN family (receptor → JAK1 + TYK2 → STATs), shown when a mark card asks for it. */
  typeOneIfn: FamilyView | null;
}

/**
 * What a mark card's "Show in the pathway view" asks the panel to bring forward: the type I
 * interferon path (IFN markers, "type I IFN", "the IFN pathway") or the view as a whole (JAK-STAT).
 */
export type PathwayFocus = 'type-i-ifn' | 'jak-stat';

function viaOf(pairing: Pairing, jaks: readonly JakName[]): JakName[] {
  return pairing.jaks.filter((j) => jaks.includes(j));
}

function familyView(pairing: Pairing, via: JakName[], blockedBy: Blocker[]): FamilyView {
  return {
    id: pairing.id,
    family: pairing.family,
    receptor: pairing.receptor,
    jaks: pairing.jaks,
    via: JAK_ORDER.filter((j) => via.includes(j)),
    stats: pairing.stats,
    sources: pairing.sources,
    isTypeOneIfn: pairing.id === TYPE_I_IFN,
    blockedBy,
  };
}

/** Drug × JAK1/JAK2/JAK3/TYK2 matrix for the cards, in card order. */
export function buildMatrix(cards: readonly DrugCardModel[]): MatrixRow[] {
  return cards.map((card) => ({
    drugId: card.drugId,
    name: card.name,
    cells: JAK_ORDER.map((jak) => ({ jak, inhibited: card.jakTargets.includes(jak) })),
  }));
}

/** Families reached by at least one card's drug, with who reaches them and how. */
export function familiesForCards(cards: readonly DrugCardModel[]): FamilyView[] {
  return PAIRINGS.flatMap((pairing) => {
    const blockedBy = cards.flatMap((card) => {
      const via = viaOf(pairing, card.jakTargets);
      return via.length > 0 ? [{ drugId: card.drugId, name: card.name, via }] : [];
    });
    const via = blockedBy.flatMap((b) => b.via);
    return blockedBy.length > 0 ? [familyView(pairing, via, blockedBy)] : [];
  });
}

/** Families whose receptor needs one of the given JAKs (same rule, no drug). */
export function familiesForTargets(targets: readonly JakName[]): FamilyView[] {
  return PAIRINGS.flatMap((pairing) => {
    const via = viaOf(pairing, targets);
    return via.length > 0 ? [familyView(pairing, via, [])] : [];
  });
}

/** Every reference drug whose verified JAK targets reach type I IFN, in the reference's order. */
export function typeOneIfnBlockers(): Blocker[] {
  const typeOne = PAIRINGS.find((p) => p.id === TYPE_I_IFN);
  if (!typeOne) return [];
  return DRUGS.flatMap((drug) => {
    const via = viaOf(typeOne, drug.jakTargets);
    return via.length > 0 ? [{ drugId: drug.id, name: drug.name, via }] : [];
  });
}

/** The type I interferon family with the JAKs its receptor needs, reached by nothing in view. */
export function typeOneIfnFamily(): FamilyView | null {
  const typeOne = PAIRINGS.find((p) => p.id === TYPE_I_IFN);
  return typeOne ? familyView(typeOne, [], []) : null;
}

/** The reference's DM / JDM relevance note ("Relevance to DM/JDM: …"), if it has one. */
export function jdmPathwayNote(): string | null {
  return PATHWAY_NOTES.find((note) => /^Relevance to DM\/JDM/i.test(note)) ?? null;
}
