/**
 * Myositis-specific and myositis-associated autoantibodies: one term per antibody with its
 * spellings (target protein names, older names such as CADM-140, p155/140, MJ). This is what the
 * always-on matcher needs; the sourced phenotypes the cards state live in antibody-phenotypes.ts,
 * which only the on-demand cards and panel load.
 */
import type { SurfaceForm, Term, TermGroup } from './types';

export interface Antibody {
  /** Term id, e.g. "antibody:mda5". */
  id: string;
  /** Short name for tags and filters: "mda5" → tag "antibody:mda5". */
  slug: string;
  label: string;
  /** msa-dm: DM-specific; msa-iim: specific to another myopathy; maa: myositis-associated. */
  group: Extract<TermGroup, 'msa-dm' | 'msa-iim' | 'maa'>;
  /** Target antigen, as the papers (or the list) name it. */
  antigen: string;
  forms: SurfaceForm[];
}

const f = (...texts: string[]): SurfaceForm[] => texts.map((text) => ({ text }));
/**
 * Two-letter names ("EJ", "OJ", "Zo") only in their own case: "anti-Ha" is not "anti-HA". The
 * prefix may open a sentence ("Anti-KS antibodies were identified…"), so both "anti-" and "Anti-".
 */
const exact = (...texts: string[]): SurfaceForm[] =>
  texts.flatMap((text): SurfaceForm[] => [
    { text, rule: 'exact-case' },
    { text: text.replace(/^anti/, 'Anti'), rule: 'exact-case' },
  ]);

export const ANTIBODIES: readonly Antibody[] = [
  {
    id: 'antibody:mda5',
    slug: 'mda5',
    label: 'anti-MDA5',
    group: 'msa-dm',
    antigen: 'MDA5 (IFIH1; CADM-140)',
    forms: f(
      'anti-MDA5',
      'anti-MDA-5',
      'anti-CADM-140',
      'anti-CADM140',
      'anti-IFIH1',
      'anti-melanoma differentiation-associated gene 5',
      'anti-melanoma differentiation-associated protein 5',
      'anti-melanoma differentiation-associated protein-5',
    ),
  },
  {
    id: 'antibody:tif1g',
    slug: 'tif1g',
    label: 'anti-TIF1-γ',
    group: 'msa-dm',
    antigen: 'TIF1-γ (p155/140)',
    forms: f(
      'anti-TIF1-γ',
      'anti-TIF1γ',
      'anti-TIF-1γ',
      'anti-TIF1-gamma',
      'anti-TIF1',
      'anti-TIF-1',
      'anti-p155/140',
      'anti-p155',
      'anti-transcriptional intermediary factor 1 gamma',
      'anti-transcriptional intermediary factor-1γ',
      // Without the γ, as "anti-TIF1" above: "anti-transcriptional intermediary factor 1 (TIF-1γ)
      // antibody-positive" (r2-052), "anti-transcriptional intermediary factor 1-γ antibody".
      'anti-transcriptional intermediary factor 1',
    ),
  },
  {
    id: 'antibody:nxp2',
    slug: 'nxp2',
    label: 'anti-NXP2',
    group: 'msa-dm',
    antigen: 'NXP2 (MORC3; MJ)',
    forms: f('anti-NXP2', 'anti-NXP-2', 'anti-MJ', 'anti-MORC3'),
  },
  {
    id: 'antibody:mi2',
    slug: 'mi2',
    label: 'anti-Mi-2',
    group: 'msa-dm',
    antigen: 'Mi-2',
    forms: f('anti-Mi-2', 'anti-Mi2', 'anti-Mi-2α', 'anti-Mi-2β'),
  },
  {
    id: 'antibody:sae',
    slug: 'sae',
    label: 'anti-SAE',
    group: 'msa-dm',
    antigen: 'SAE',
    // Spelled out as the cited paper and others write it ("the anti-small ubiquitin-like modifier
    // activating enzyme (SAE) antibody is rare"); dashes and spaces vary ("modifier-activating").
    forms: f(
      'anti-SAE',
      'anti-SAE1',
      'anti-SAE-1',
      'anti-SAE2',
      'anti-small ubiquitin-like modifier activating enzyme',
    ),
  },
  {
    id: 'antibody:hmgcr',
    slug: 'hmgcr',
    label: 'anti-HMGCR',
    group: 'msa-iim',
    antigen: '3-hydroxy-3-methylglutaryl-CoA reductase (HMGCR)',
    // The enzyme spelled out, as titles and abstracts write it ("anti-3-hydroxy-3-methylglutaryl-CoA
    // reductase necrotizing myopathy", r2-039; "anti-hydroxy-3-methylglutaryl-CoA reductase (HMGCR)
    // autoantibodies", PMC6019613).
    forms: f(
      'anti-HMGCR',
      'anti-HMG-CoA reductase',
      'anti-3-hydroxy-3-methylglutaryl-CoA reductase',
      'anti-hydroxy-3-methylglutaryl-CoA reductase',
      'anti-3-hydroxy-3-methylglutaryl coenzyme A reductase',
    ),
  },
  {
    id: 'antibody:srp',
    slug: 'srp',
    label: 'anti-SRP',
    group: 'msa-iim',
    antigen: 'Signal recognition particle',
    forms: [...f('anti-signal recognition particle'), ...exact('anti-SRP')],
  },
  {
    id: 'antibody:jo1',
    slug: 'jo1',
    label: 'anti-Jo-1',
    group: 'msa-iim',
    antigen: 'Jo-1, an aminoacyl-tRNA synthetase',
    forms: f('anti-Jo-1', 'anti-Jo1', 'anti-histidyl-tRNA synthetase'),
  },
  {
    id: 'antibody:pl7',
    slug: 'pl7',
    label: 'anti-PL-7',
    group: 'msa-iim',
    antigen: 'PL-7, an aminoacyl-tRNA synthetase',
    forms: f('anti-PL-7', 'anti-PL7'),
  },
  {
    id: 'antibody:pl12',
    slug: 'pl12',
    label: 'anti-PL-12',
    group: 'msa-iim',
    antigen: 'PL-12, an aminoacyl-tRNA synthetase',
    forms: f('anti-PL-12', 'anti-PL12'),
  },
  ...(['EJ', 'OJ', 'KS', 'Zo', 'Ha'] as const).map((name): Antibody => ({
    id: `antibody:${name.toLowerCase()}`,
    slug: name.toLowerCase(),
    label: `anti-${name}`,
    group: 'msa-iim',
    antigen: `${name}, an aminoacyl-tRNA synthetase`,
    forms: exact(`anti-${name}`),
  })),
  {
    id: 'antibody:ars',
    slug: 'ars',
    label: 'anti-synthetase antibodies',
    group: 'msa-iim',
    antigen: 'Aminoacyl-tRNA synthetases',
    forms: [
      ...f(
        'anti-synthetase antibodies',
        'antisynthetase antibodies',
        'anti-synthetase autoantibodies',
        'anti-synthetase autoantibody',
        'antisynthetase autoantibodies',
        'anti-aminoacyl-tRNA synthetase antibodies',
        // The singular, as in "anti-aminoacyl-tRNA synthetase antibody (ARS)-positive PM/DM" (r2-052).
        'anti-aminoacyl-tRNA synthetase antibody',
        'anti-synthetase antibody',
        'antisynthetase antibody',
      ),
      ...exact('anti-ARS'),
    ],
    // Mahler, Miller & Fritzler, Autoimmun Rev 2014 (PMC3970575), read 2026-12-05.
  },
  {
    id: 'antibody:ro52',
    slug: 'ro52',
    label: 'anti-Ro52',
    group: 'maa',
    antigen: 'Ro52',
    forms: f('anti-Ro52', 'anti-Ro-52', 'anti-TRIM21'),
  },
  {
    id: 'antibody:cn1a',
    slug: 'cn1a',
    label: 'anti-cN1A',
    group: 'msa-iim',
    antigen: 'cN1A',
    forms: f('anti-cN1A', 'anti-cN-1A', 'anti-NT5C1A'),
  },
];

/** The antibody with this id, if any. */
export function getAntibody(id: string): Antibody | undefined {
  return ANTIBODIES.find((a) => a.id === id);
}

/** Matcher terms: kind 'antibody', grouped for the classifier (msa-* point at a myopathy). */
export const ANTIBODY_TERMS: readonly Term[] = ANTIBODIES.map((a) => ({
  id: a.id,
  kind: 'antibody',
  label: a.label,
  group: a.group,
  forms: a.forms,
}));
