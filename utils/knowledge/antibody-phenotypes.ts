/**
 * What each myositis antibody is associated with (clinical phenotype), where a primary paper was
 * read, with that paper as source. Kept apart from the spellings in antibodies.ts so the always-on
 * matcher does not carry the cards' text; an antibody absent here is still recognised, and its card
 * states no association.
 */
import type { SourceRef } from './types';

/** Date the phenotype sources below were read. */
export const ANTIBODY_SOURCES_CHECKED = '2026-12-03';

/** A sourced statement about what an antibody is associated with. */
export interface Phenotype {
  text: string;
  source: SourceRef;
  /** When this source was read, if not on ANTIBODY_SOURCES_CHECKED. */
  checked?: string;
}

const pubmed = (url: string): SourceRef => ({ url, sourceKind: 'literature' });

/** The rarer anti-synthetases whose phenotype a primary paper was read for. */
const RARE_SYNTHETASE_PHENOTYPES: Record<string, Phenotype> = {
  // 46 of 234 antisynthetase patients, China-Japan Friendship Hospital (Clin Rheumatol 2020).
  'antibody:ej': {
    text: 'Antisynthetase syndrome with interstitial lung disease in nearly all (96.7% of 46 patients; rapidly progressive in 21.7%), fever and mechanic’s hands in over half, muscle involvement in half; favourable long-term outcome',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/32144624/'),
    checked: '2026-12-04',
  },
  // 10 of 1269 IIM patients, China (Clin Exp Rheumatol 2022).
  'antibody:oj': {
    text: 'Interstitial lung disease the major feature (9 of 10 patients, rapidly progressive in 3), myocardial involvement in half, myositis, mechanic’s hands and arthritis in 40%',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/34128807/'),
    checked: '2026-12-04',
  },
  // 19 patients with anti-KS interstitial lung disease (Respir Investig 2020).
  'antibody:ks': {
    text: 'Linked to interstitial lung disease rather than myositis: of 19 patients with anti-KS lung disease, 84% had idiopathic interstitial lung disease and 10.5% dermatomyositis; mostly chronic onset, a non-specific interstitial pneumonia pattern and stable lung function over 3 years',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/32094078/'),
    checked: '2026-12-04',
  },
  // 17 of 570 patients with inflammatory myopathy (Brain Pathol 2024).
  'antibody:ha': {
    text: 'Muscle damage in all patients with anti-Ha as the only myositis antibody, most often a necrotising myopathy; skin lesions common, interstitial lung disease less so',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/39557603/'),
    checked: '2026-12-04',
  },
};

/** Phenotypes keyed by antibody term id ("antibody:mda5"). */
export const ANTIBODY_PHENOTYPES: Readonly<Record<string, Phenotype>> = {
  'antibody:mda5': {
    text: 'Dermatomyositis subtype characteristically associated with rapidly progressive interstitial lung disease and distinct skin features',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/33774723/'),
  },
  'antibody:tif1g': {
    text: 'Identifies adult dermatomyositis patients at higher risk of cancer (meta-analysis of 18 studies)',
    source: pubmed('https://doi.org/10.2340/00015555-3091'),
  },
  'antibody:nxp2': {
    text: 'Among the autoantibodies common in juvenile dermatomyositis with calcinosis (systematic review)',
    source: pubmed('https://doi.org/10.1007/s11926-023-01126-5'),
  },
  'antibody:mi2': {
    text: 'Dermatomyositis with more prominent muscle involvement',
    source: pubmed('https://doi.org/10.1212/WNL.0000000000008443'),
  },
  'antibody:sae': {
    // Demortier et al., Rheumatology 2023: 49 anti-SAE-positive DM patients from 19 centres.
    text: 'Dermatomyositis with typical skin involvement (96% of 49 patients), muscle involvement in 84% (mostly mild weakness) and cancer-associated myositis in 16%',
    source: pubmed('https://doi.org/10.1093/rheumatology/kead154'),
    checked: '2026-12-04',
  },
  'antibody:hmgcr': {
    text: 'Immune-mediated necrotising myopathy, often after statin exposure',
    source: pubmed('https://doi.org/10.2147/TCRM.S197941'),
  },
  'antibody:srp': {
    text: 'Immune-mediated necrotising myopathy with acute or subacute, moderately severe, symmetrical proximal weakness',
    source: pubmed('https://doi.org/10.3389/fimmu.2022.1019972'),
  },
  'antibody:jo1': {
    text: 'Main marker of the antisynthetase syndrome: arthritis, myositis and interstitial lung disease',
    source: pubmed('https://doi.org/10.1097/MD.0000000000001144'),
  },
  'antibody:pl7': {
    text: 'Antisynthetase syndrome with more prevalent and severe lung involvement, often without muscle involvement',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/28339994/'),
  },
  'antibody:pl12': {
    text: 'Antisynthetase syndrome with more prevalent and severe lung involvement, often without muscle involvement',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/28339994/'),
  },
  'antibody:ars': {
    text: 'The key feature of the anti-synthetase syndrome: multiple organ involvement, primarily interstitial lung disease, often with myositis, non-erosive arthritis, Raynaud’s phenomenon, fever and mechanic’s hands',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/24424190/'),
    checked: '2026-12-05',
  },
  'antibody:ro52': {
    text: 'In juvenile myositis, associated with interstitial lung disease and more severe disease',
    source: pubmed('https://doi.org/10.1136/annrheumdis-2018-215004'),
  },
  'antibody:cn1a': {
    text: 'Autoantibody found in sporadic inclusion body myositis, proposed to stratify patients in trials',
    source: pubmed('https://doi.org/10.1007/s40674-020-00169-4'),
  },
  ...RARE_SYNTHETASE_PHENOTYPES,
};

/** The sourced phenotype of this antibody, or null when no paper was read for it. */
export function phenotypeOf(antibodyId: string): Phenotype | null {
  return ANTIBODY_PHENOTYPES[antibodyId] ?? null;
}
