/**
 * The default term list the matcher compiles: drugs (generic, verified code and brand names),
 * the JAK-inhibitor class, targets and disease terms.
 */
import { ANTIBODY_TERMS } from './antibodies';
import { DISEASE_TERMS, SILENT_DISEASE_TERMS } from './diseases';
import { IFN_MARKER_TERMS } from './interferon-signatures';
import { RANGE_TERMS } from './ranges';
import { DRUG_NAMES, type DrugName } from './drug-names';
import { TARGET_TERMS } from './targets';
import type { SurfaceForm, Term } from './types';

/** Term for one drug. Unverified code or brand names are left out: matching them would assert them. */
export function drugTerm(drug: DrugName): Term {
  const forms: SurfaceForm[] = [
    { text: drug.name },
    ...drug.codeNames
      .filter((c) => c.verified)
      .map((c): SurfaceForm => ({ text: c.value, rule: 'code' })),
    ...drug.brandNames.filter((b) => b.verified).map((b): SurfaceForm => ({ text: b.value })),
  ];
  return {
    id: drug.id,
    kind: 'drug',
    label: drug.name,
    group: 'drug',
    forms,
  };
}

/**
 * The drug class itself ("JAK inhibitors", "jakinibs", the MeSH heading "Janus Kinase Inhibitors").
 * Reported with kind 'drug' so it is highlighted, but it is not a drug finding.
 */
export const JAK_CLASS_TERM: Term = {
  id: 'drug:jak-inhibitor',
  kind: 'drug',
  label: 'JAK inhibitors',
  group: 'jak-class',
  forms: [
    { text: 'JAK inhibitor', plural: true },
    { text: 'JAK inhibitory' },
    { text: 'Janus kinase inhibitor', plural: true },
    { text: 'Janus kinase (JAK) inhibitor', plural: true },
    { text: 'Janus kinase inhibitors (JAKi)' },
    { text: 'JAK blocker', plural: true },
    { text: 'pan-JAK inhibitor', plural: true },
    { text: 'panJAK inhibitor', plural: true },
    { text: 'JAK1 inhibitor', plural: true },
    { text: 'JAK2 inhibitor', plural: true },
    { text: 'JAK3 inhibitor', plural: true },
    { text: 'TYK2 inhibitor', plural: true },
    { text: 'JAK1/2 inhibitor', plural: true },
    { text: 'JAK1/JAK2 inhibitor', plural: true },
    { text: 'JAK1/JAK3 inhibitor', plural: true },
    { text: 'TYK2/JAK1 inhibitor', plural: true },
    { text: 'JAK-STAT inhibitor', plural: true },
    { text: 'JAK/STAT inhibitor', plural: true },
    { text: 'jakinib', plural: true },
    { text: 'JAKi', rule: 'exact-case', plural: true },
  ],
};

/** Every term of the default knowledge base. */
export const DEFAULT_TERMS: readonly Term[] = [
  ...DRUG_NAMES.map(drugTerm),
  JAK_CLASS_TERM,
  ...TARGET_TERMS,
  ...DISEASE_TERMS,
  ...SILENT_DISEASE_TERMS,
  ...ANTIBODY_TERMS,
  ...RANGE_TERMS,
  ...IFN_MARKER_TERMS,
];
