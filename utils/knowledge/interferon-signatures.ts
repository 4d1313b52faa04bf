/**
 * Interferon-signature terms: the type I IFN score or signature, interferon-stimulated genes
 * (ISGs) and the named markers papers measure (ISG15, MxA, IFI27, IFI44L, RSAD2, SIGLEC1/CD169,
 * pSTAT1). Each is a read-out of one path: type I IFN → IFNAR → JAK1 + TYK2 → STAT1/STAT2 → ISG
 * expression, which is where JAK inhibitors act. Every statement carries the paper it comes from.
 */
import type { SourceRef, SurfaceForm, Term } from './types';

/** Date the sources below were read. */
export const IFN_SOURCES_CHECKED = '2026-12-03';

const pubmed = (url: string): SourceRef => ({ url, sourceKind: 'literature' });

/** The signalling path every marker reads out, with the paper that states it. */
export const TYPE_ONE_IFN_PATH = {
  steps: ['type I IFN', 'IFNAR', 'JAK1 + TYK2', 'STAT1 / STAT2', 'ISG expression'],
  text: 'Type I interferons bind one receptor (IFNAR), which activates JAK1 and TYK2; STAT1 and STAT2 are phosphorylated and drive the expression of interferon-stimulated genes.',
  source: pubmed('https://pmc.ncbi.nlm.nih.gov/articles/PMC9184970/table/T1'),
} as const;

/** The six-gene interferon score (Rice et al., J Clin Immunol 2017). */
const SIX_GENE_SCORE = pubmed('https://doi.org/10.1007/s10875-016-0359-1');
const SIX_GENES =
  'One of six interferon-stimulated genes (IFI27, IFI44L, IFIT1, ISG15, RSAD2, SIGLEC1) whose median fold change gives a whole-blood interferon score; the score was raised in juvenile dermatomyositis.';

export interface IfnMarker {
  id: string;
  label: string;
  /** What it is, in one sentence from the cited paper. */
  text: string;
  source: SourceRef;
  forms: SurfaceForm[];
}

const code = (...texts: string[]): SurfaceForm[] =>
  texts.map((text): SurfaceForm => ({ text, rule: 'exact-case' }));
const any = (...texts: string[]): SurfaceForm[] => texts.map((text) => ({ text }));

export const IFN_MARKERS: readonly IfnMarker[] = [
  {
    id: 'ifn:signature',
    label: 'type I interferon signature / score',
    text: 'A composite of interferon-stimulated gene expression, used as a read-out of type I interferon signalling; raised in juvenile dermatomyositis.',
    source: SIX_GENE_SCORE,
    forms: [
      ...any(
        'type I interferon signature',
        'type 1 interferon signature',
        'type I IFN signature',
        'type 1 IFN signature',
        'type I interferon score',
        'type I IFN score',
        'interferon signature',
        'interferon gene signature',
        'IFN signature',
        'IFN gene signature',
        'interferon score',
        'IFN score',
        'IFN1 score',
      ),
      ...code('IFNGS', 'IRG-S'),
    ],
  },
  {
    // "There are multiple components of the IFN pathway that could be targeted" (the seed review,
    // PMID 34563217): the path itself, linked to the pathway view like every marker.
    id: 'ifn:pathway',
    label: 'interferon pathway',
    text: TYPE_ONE_IFN_PATH.text,
    source: TYPE_ONE_IFN_PATH.source,
    forms: any(
      'IFN pathway',
      'interferon pathway',
      'IFN signaling pathway',
      'IFN signalling pathway',
      'interferon signaling pathway',
      'interferon signalling pathway',
      'type I IFN pathway',
      'type I interferon pathway',
      'type 1 IFN pathway',
      'type 1 interferon pathway',
      'type I IFN signaling pathway',
      'type I interferon signaling pathway',
    ),
  },
  {
    id: 'ifn:isg',
    label: 'interferon-stimulated genes',
    text: TYPE_ONE_IFN_PATH.text,
    source: TYPE_ONE_IFN_PATH.source,
    forms: [
      { text: 'interferon-stimulated gene', plural: true },
      { text: 'IFN-stimulated gene', plural: true },
      { text: 'interferon-regulated gene', plural: true },
      { text: 'IFN-regulated gene', plural: true },
      { text: 'interferon-inducible gene', plural: true },
      { text: 'ISG', rule: 'exact-case', plural: true },
    ],
  },
  {
    id: 'ifn:ISG15',
    label: 'ISG15',
    text: SIX_GENES,
    source: SIX_GENE_SCORE,
    forms: code('ISG15', 'ISG-15'),
  },
  {
    id: 'ifn:IFI27',
    label: 'IFI27',
    text: SIX_GENES,
    source: SIX_GENE_SCORE,
    forms: code('IFI27'),
  },
  {
    id: 'ifn:IFI44L',
    label: 'IFI44L',
    text: SIX_GENES,
    source: SIX_GENE_SCORE,
    forms: code('IFI44L'),
  },
  {
    id: 'ifn:RSAD2',
    label: 'RSAD2',
    text: SIX_GENES,
    source: SIX_GENE_SCORE,
    forms: code('RSAD2'),
  },
  {
    id: 'ifn:SIGLEC1',
    label: 'SIGLEC1 (CD169)',
    text: 'SIGLEC1 on monocytes, measured by flow cytometry, is a type I interferon biomarker in idiopathic inflammatory myopathies that tracks disease activity in juvenile and adult dermatomyositis.',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/35177553/'),
    forms: [...code('SIGLEC1', 'SIGLEC-1', 'Siglec-1', 'CD169')],
  },
  {
    id: 'ifn:MxA',
    label: 'MxA',
    text: 'Myxovirus resistance protein A, made from a type 1 interferon-inducible gene and abundant in dermatomyositis.',
    source: pubmed('https://pubmed.ncbi.nlm.nih.gov/20392291/'),
    forms: [...code('MxA', 'MX1'), ...any('myxovirus resistance protein A')],
  },
  {
    id: 'ifn:pSTAT1',
    label: 'phosphorylated STAT1',
    text: 'JAK inhibitors reduce interferon-induced STAT1 phosphorylation.',
    source: pubmed('https://doi.org/10.1136/annrheumdis-2020-218582'),
    forms: [
      ...code('pSTAT1', 'p-STAT1', 'phospho-STAT1'),
      ...any('STAT1 phosphorylation', 'phosphorylated STAT1', 'phosphorylation of STAT1'),
    ],
  },
];

/** The marker with this id, if any. */
export function getIfnMarker(id: string): IfnMarker | undefined {
  return IFN_MARKERS.find((m) => m.id === id);
}

/** Matcher terms: shown with the target colour (they read out the JAK-STAT path). */
export const IFN_MARKER_TERMS: readonly Term[] = IFN_MARKERS.map((m) => ({
  id: m.id,
  kind: 'target',
  label: m.label,
  group: 'ifn-marker',
  forms: m.forms,
}));
