/**
 * Myositis-specific and myositis-associated autoantibodies: one term per antibody with its
 * spellings (target protein names, older names such as CADM-140, p155/140, MJ), and, where a
 * primary paper was read, the clinical phenotype it is associated with, with that paper as source.
 * An antibody without a read source is still recognised but its card states no association.
 */
import type { SourceRef, SurfaceForm, Term, TermGroup } from './types';

/** Date the phenotype sources below were read. */
export const ANTIBODY_SOURCES_CHECKED = '2026-12-03';

/** A sourced statement about what an antibody is associated with. */
export interface Phenotype {
  text: string;
  source: SourceRef;
  /** When this source was read, if not on ANTIBODY_SOURCES_CHECKED. */
  checked?: string;
}

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
  phenotype: Phenotype | null;
}

const pubmed = (url: string): SourceRef => ({ url, sourceKind: 'literature' });
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

/** The rarer anti-synthetases whose phenotype a primary paper was read for. */
const RARE_SYNTHETASE_PHENOTYPES: Partial<Record<'EJ' | 'OJ' | 'KS' | 'Zo' | 'Ha', Phenotype>> = {
  // 46 of 234 antisynthetase patients, China-Japan Friendship Hospital (Clin Rheumatol 2020).
  EJ: {
    text: 'Antisynthetase syndrome with interstitial lung disease in nearly all (96.7% of 46 patients; rapidly progressive in 21.7%), fever and mechanic’s hands in over half, muscle involvement in half; favourable long-term outcome',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/32144624/'),
    checked: '2026-12-04',
  },
  // 10 of 1269 IIM patients, China (Clin Exp Rheumatol 2022).
  OJ: {
    text: 'Interstitial lung disease the major feature (9 of 10 patients, rapidly progressive in 3), myocardial involvement in half, myositis, mechanic’s hands and arthritis in 40%',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/34128807/'),
    checked: '2026-12-04',
  },
  // 19 patients with anti-KS interstitial lung disease (Respir Investig 2020).
  KS: {
    text: 'Linked to interstitial lung disease rather than myositis: of 19 patients with anti-KS lung disease, 84% had idiopathic interstitial lung disease and 10.5% dermatomyositis; mostly chronic onset, a non-specific interstitial pneumonia pattern and stable lung function over 3 years',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/32094078/'),
    checked: '2026-12-04',
  },
  // 17 of 570 patients with inflammatory myopathy (Brain Pathol 2024).
  Ha: {
    text: 'Muscle damage in all patients with anti-Ha as the only myositis antibody, most often a necrotising myopathy; skin lesions common, interstitial lung disease less so',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/39557603/'),
    checked: '2026-12-04',
  },
};

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
    phenotype: {
      text: 'Dermatomyositis subtype characteristically associated with rapidly progressive interstitial lung disease and distinct skin features',
      source: pubmed('https://pubmed.ncbi.nlm.nih.gov/33774723/'),
    },
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
    phenotype: {
      text: 'Identifies adult dermatomyositis patients at higher risk of cancer (meta-analysis of 18 studies)',
      source: pubmed('https://doi.org/10.2340/00015555-3091'),
    },
  },
  {
    id: 'antibody:nxp2',
    slug: 'nxp2',
    label: 'anti-NXP2',
    group: 'msa-dm',
    antigen: 'NXP2 (MORC3; MJ)',
    forms: f('anti-NXP2', 'anti-NXP-2', 'anti-MJ', 'anti-MORC3'),
    phenotype: {
      text: 'Among the autoantibodies common in juvenile dermatomyositis with calcinosis (systematic review)',
      source: pubmed('https://doi.org/10.1007/s11926-023-01126-5'),
    },
  },
  {
    id: 'antibody:mi2',
    slug: 'mi2',
    label: 'anti-Mi-2',
    group: 'msa-dm',
    antigen: 'Mi-2',
    forms: f('anti-Mi-2', 'anti-Mi2', 'anti-Mi-2α', 'anti-Mi-2β'),
    phenotype: {
      text: 'Dermatomyositis with more prominent muscle involvement',
      source: pubmed('https://doi.org/10.1212/WNL.0000000000008443'),
    },
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
    phenotype: {
      // Demortier et al., Rheumatology 2023: 49 anti-SAE-positive DM patients from 19 centres.
      text: 'Dermatomyositis with typical skin involvement (96% of 49 patients), muscle involvement in 84% (mostly mild weakness) and cancer-associated myositis in 16%',
      source: pubmed('https://doi.org/10.1093/rheumatology/kead154'),
      checked: '2026-12-04',
    },
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
    phenotype: {
      text: 'Immune-mediated necrotising myopathy, often after statin exposure',
      source: pubmed('https://doi.org/10.2147/TCRM.S197941'),
    },
  },
  {
    id: 'antibody:srp',
    slug: 'srp',
    label: 'anti-SRP',
    group: 'msa-iim',
    antigen: 'Signal recognition particle',
    forms: [...f('anti-signal recognition particle'), ...exact('anti-SRP')],
    phenotype: {
      text: 'Immune-mediated necrotising myopathy with acute or subacute, moderately severe, symmetrical proximal weakness',
      source: pubmed('https://doi.org/10.3389/fimmu.2022.1019972'),
    },
  },
  {
    id: 'antibody:jo1',
    slug: 'jo1',
    label: 'anti-Jo-1',
    group: 'msa-iim',
    antigen: 'Jo-1, an aminoacyl-tRNA synthetase',
    forms: f('anti-Jo-1', 'anti-Jo1', 'anti-histidyl-tRNA synthetase'),
    phenotype: {
      text: 'Main marker of the antisynthetase syndrome: arthritis, myositis and interstitial lung disease',
      source: pubmed('https://doi.org/10.1097/MD.0000000000001144'),
    },
  },
  {
    id: 'antibody:pl7',
    slug: 'pl7',
    label: 'anti-PL-7',
    group: 'msa-iim',
    antigen: 'PL-7, an aminoacyl-tRNA synthetase',
    forms: f('anti-PL-7', 'anti-PL7'),
    phenotype: {
      text: 'Antisynthetase syndrome with more prevalent and severe lung involvement, often without muscle involvement',
      source: pubmed('https://pubmed.ncbi.nlm.nih.gov/28339994/'),
    },
  },
  {
    id: 'antibody:pl12',
    slug: 'pl12',
    label: 'anti-PL-12',
    group: 'msa-iim',
    antigen: 'PL-12, an aminoacyl-tRNA synthetase',
    forms: f('anti-PL-12', 'anti-PL12'),
    phenotype: {
      text: 'Antisynthetase syndrome with more prevalent and severe lung involvement, often without muscle involvement',
      source: pubmed('https://pubmed.ncbi.nlm.nih.gov/28339994/'),
    },
  },
  ...(['EJ', 'OJ', 'KS', 'Zo', 'Ha'] as const).map((name): Antibody => ({
    id: `antibody:${name.toLowerCase()}`,
    slug: name.toLowerCase(),
    label: `anti-${name}`,
    group: 'msa-iim',
    antigen: `${name}, an aminoacyl-tRNA synthetase`,
    forms: exact(`anti-${name}`),
    phenotype: RARE_SYNTHETASE_PHENOTYPES[name] ?? null,
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
    phenotype: {
      text: 'The key feature of the anti-synthetase syndrome: multiple organ involvement, primarily interstitial lung disease, often with myositis, non-erosive arthritis, Raynaud’s phenomenon, fever and mechanic’s hands',
      source: pubmed('https://pubmed.ncbi.nlm.nih.gov/24424190/'),
      checked: '2026-12-05',
    },
  },
  {
    id: 'antibody:ro52',
    slug: 'ro52',
    label: 'anti-Ro52',
    group: 'maa',
    antigen: 'Ro52',
    forms: f('anti-Ro52', 'anti-Ro-52', 'anti-TRIM21'),
    phenotype: {
      text: 'In juvenile myositis, associated with interstitial lung disease and more severe disease',
      source: pubmed('https://doi.org/10.1136/annrheumdis-2018-215004'),
    },
  },
  {
    id: 'antibody:cn1a',
    slug: 'cn1a',
    label: 'anti-cN1A',
    group: 'msa-iim',
    antigen: 'cN1A',
    forms: f('anti-cN1A', 'anti-cN-1A', 'anti-NT5C1A'),
    phenotype: {
      text: 'Autoantibody found in sporadic inclusion body myositis, proposed to stratify patients in trials',
      source: pubmed('https://doi.org/10.1007/s40674-020-00169-4'),
    },
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
  sources: a.phenotype ? [a.phenotype.source] : [],
}));
