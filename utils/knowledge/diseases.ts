/**
 * Disease terms: JDM, DM, the other idiopathic inflammatory myopathies and type I interferon
 * terms (the antibodies are in antibodies.ts, the interferon read-outs in interferon-signatures.ts). Synonyms come from the reference's detection-term
 * list (data/jak-inhibitors.json → detectionTerms); they are search terms, not clinical claims.
 */
import type { SurfaceForm, Term, TermGroup } from './types';

const exact = (text: string, extra: Partial<SurfaceForm> = {}): SurfaceForm => ({
  text,
  rule: 'exact-case',
  ...extra,
});
/** "myopathy" → both "myopathy" and "myopathies". */
const myopathy = (prefix: string): SurfaceForm[] => [
  { text: `${prefix} myopathy` },
  { text: `${prefix} myopathies` },
];

function term(id: string, label: string, group: TermGroup, forms: SurfaceForm[]): Term {
  return { id, kind: 'disease', label, group, forms };
}

/** Every disease term the matcher knows, grouped for the classifier. */
export const DISEASE_TERMS: readonly Term[] = [
  term('disease:jdm', 'juvenile dermatomyositis', 'jdm', [
    { text: 'juvenile dermatomyositis' },
    { text: 'juvenile-onset dermatomyositis' },
    { text: 'childhood dermatomyositis' },
    { text: 'childhood-onset dermatomyositis' },
    { text: 'pediatric dermatomyositis' },
    { text: 'paediatric dermatomyositis' },
    { text: 'juvenile myositis' },
    ...myopathy('juvenile idiopathic inflammatory'),
    ...myopathy('juvenile inflammatory'),
    exact('juvenile IIM', { plural: true }),
    exact('Juvenile IIM', { plural: true }),
    exact('juvenile DM'),
    exact('Juvenile DM'),
    exact('JIIM', { plural: true }),
    // Short symbols: only with a myositis term nearby (a journal code "jdm" is not JDM).
    exact('JDM', { guard: 'support' }),
  ]),
  term('disease:dm', 'dermatomyositis', 'dm', [
    { text: 'dermatomyositis' },
    { text: 'adult dermatomyositis' },
    { text: 'adult-onset dermatomyositis' },
    { text: 'amyopathic dermatomyositis' },
    { text: 'clinically amyopathic dermatomyositis' },
    { text: 'hypomyopathic dermatomyositis' },
    { text: 'dermatomyositis sine myositis' },
    exact('CADM'),
    // "DM" is far more often diabetes mellitus: keep it only when the text says otherwise.
    exact('DM', { guard: 'definition-or-support' }),
  ]),
  term('disease:polymyositis', 'polymyositis', 'iim-specific', [
    { text: 'polymyositis' },
    exact('PM', { guard: 'definition' }),
  ]),
  term('disease:antisynthetase', 'antisynthetase syndrome', 'iim-specific', [
    { text: 'antisynthetase syndrome', plural: true },
    { text: 'anti-synthetase syndrome', plural: true },
    exact('ASyS'),
    exact('ASS', { guard: 'definition' }),
  ]),
  term('disease:imnm', 'immune-mediated necrotising myopathy', 'iim-specific', [
    ...myopathy('immune-mediated necrotizing'),
    ...myopathy('immune-mediated necrotising'),
    ...myopathy('necrotizing autoimmune'),
    ...myopathy('necrotising autoimmune'),
    { text: 'necrotizing myositis' },
    exact('IMNM', { plural: true }),
  ]),
  term('disease:ibm', 'inclusion body myositis', 'iim-specific', [
    { text: 'inclusion body myositis' },
    { text: 'sporadic inclusion body myositis' },
    exact('sIBM'),
    exact('IBM', { guard: 'definition' }),
  ]),
  term('disease:overlap-myositis', 'overlap myositis', 'iim-specific', [
    { text: 'overlap myositis' },
  ]),
  term('disease:iim', 'idiopathic inflammatory myopathy', 'iim-generic', [
    ...myopathy('idiopathic inflammatory'),
    ...myopathy('inflammatory'),
    { text: 'inflammatory myositis' },
    { text: 'idiopathic inflammatory myositis' },
    { text: 'autoimmune myositis' },
    ...myopathy('autoimmune'),
    { text: 'myositis' },
    exact('IIM', { plural: true, guard: 'support' }),
  ]),
  // Antibodies as a class point at myositis but at no subtype.
  term('disease:msa', 'myositis-specific autoantibodies', 'iim-generic', [
    { text: 'myositis-specific autoantibody', plural: true },
    { text: 'myositis-specific antibody' },
    { text: 'myositis-specific antibodies' },
    { text: 'myositis-associated autoantibody', plural: true },
    { text: 'myositis-associated antibody' },
    { text: 'myositis-associated antibodies' },
  ]),
  term('disease:ifn', 'type I interferon', 'ifn', [
    { text: 'type I interferon', plural: true },
    { text: 'type 1 interferon', plural: true },
    { text: 'type I IFN', plural: true },
    { text: 'type 1 IFN', plural: true },
    { text: 'Interferon Type I' },
    { text: 'type I interferonopathy' },
    { text: 'type I interferonopathies' },
    { text: 'interferonopathy' },
    { text: 'interferonopathies' },
    { text: 'IFN-α' },
    { text: 'IFNα' },
    { text: 'IFN-alpha' },
    { text: 'interferon-α' },
    { text: 'interferon alpha' },
    { text: 'IFN-β' },
    { text: 'IFNβ' },
    { text: 'IFN-beta' },
    { text: 'interferon-β' },
    { text: 'interferon beta' },
    { text: 'IFN-α/β' },
    { text: 'IFNAR', rule: 'code' },
    { text: 'IFNAR1', rule: 'code' },
    { text: 'IFNAR2', rule: 'code' },
  ]),
];

/** Phrases that contain "myositis" but are not inflammatory myopathies; matched, never reported. */
export const SILENT_DISEASE_TERMS: readonly Term[] = [
  {
    ...term('silent:not-iim', 'not an inflammatory myopathy', 'iim-generic', [
      { text: 'myositis ossificans' },
      { text: 'orbital myositis' },
      { text: 'viral myositis' },
      { text: 'infectious myositis' },
      { text: 'benign acute childhood myositis' },
    ]),
    silent: true,
  },
];
