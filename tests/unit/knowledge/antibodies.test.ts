/**
 * Myositis antibodies, ranges and interferon markers: each spelling checked on a real sentence
 * copied from a labelled record (tests/fixtures/eval/round2-set.jsonl) or a paper cited in the
 * knowledge files.
 */
import { describe, expect, it } from 'vitest';
import { classifyArticle } from '@/utils/classify';
import { scanArticle } from '@/utils/classify/scan';
import { ANTIBODIES } from '@/utils/knowledge/antibodies';
import { ANTIBODY_PHENOTYPES, phenotypeOf } from '@/utils/knowledge/antibody-phenotypes';
import { IFN_MARKERS } from '@/utils/knowledge/interferon-signatures';
import { RANGE_TERMS, rangeMembers } from '@/utils/knowledge/ranges';
import { findMentions } from '@/utils/match/find-mentions';
import { normalizeTag } from '@/utils/storage/tags';
import { articleWith } from '../../support/article-fields';

const ids = (text: string) => findMentions(text, text).map((m) => m.termId);

describe('antibody spellings, on real sentences', () => {
  it.each([
    [
      'Anti-melanoma differentiation-associated protein 5 antibody-positive dermatomyositis (anti-MDA5-DM) is frequently complicated by progressive interstitial lung disease',
      ['antibody:mda5', 'antibody:mda5'],
    ],
    [
      'CID was achieved in 5/10 patients (two/two anti-MDA5, three/four anti-NXP2, zero/three anti-TIF1γ-positive patients)',
      ['antibody:mda5', 'antibody:nxp2', 'antibody:tif1g'],
    ],
    [
      'Common autoantibodies are anti-NXP-2, anti-MDA-5, and anti-Mi-2',
      ['antibody:nxp2', 'antibody:mda5', 'antibody:mi2'],
    ],
    [
      'This study aimed to determine the clinical profile and outcome of anti-transcriptional intermediary factor 1 gamma autoantibody (anti-TIF1-γ Ab)-positive dermatomyositis patients',
      ['antibody:tif1g', 'antibody:tif1g'],
    ],
    [
      'Anti-transcriptional intermediary factor-1γ (TIF-1γ) autoantibody may be associated with cancer in adult patients with dermatomyositis.',
      ['antibody:tif1g'],
    ],
    [
      'To characterize the 10 year relationship between anti-transcriptional intermediary factor 1 antibody (anti-TIF1-Ab) positivity and cancer onset',
      ['antibody:tif1g', 'antibody:tif1g'],
    ],
    // r2-052, and Clin Rheumatol 2022 (PMID 35422109).
    [
      'We retrospectively analyzed the clinical and laboratory data of patients diagnosed with anti-transcriptional intermediary factor 1 (TIF-1γ) antibody-positive polymyositis (PM)/dermatomyositis (DM) to clarify the characteristics of this disease.',
      ['antibody:tif1g'],
    ],
    [
      'Objectives: To determine the prevalence of anti-transcriptional intermediary factor 1-γ antibody (anti-TIF1-γ-Ab) and to explore its associations with clinical features in patients with dermatomyositis.',
      ['antibody:tif1g', 'antibody:tif1g'],
    ],
    [
      'Anti-signal recognition particle (SRP) and anti-hydroxy-3-methylglutaryl-CoA reductase (HMGCR) autoantibodies are closely associated with IMNM',
      ['antibody:srp', 'antibody:hmgcr'],
    ],
    // The enzyme spelled out: r2-039's title (with the publisher's non-breaking hyphen) and Ge et
    // al., PLoS One 2015 (doi:10.1371/journal.pone.0141616).
    [
      'Epidemiological and genetic features of anti-3\u2011hydroxy-3-methylglutaryl-CoA reductase necrotizing myopathy',
      ['antibody:hmgcr'],
    ],
    [
      'Clinical Characteristics of Anti-3-Hydroxy-3-Methylglutaryl Coenzyme A Reductase Antibodies in Chinese Patients with Idiopathic Inflammatory Myopathies',
      ['antibody:hmgcr'],
    ],
    // r2-052: the singular.
    [
      'We identified 14 patients with TIF-1γ antibody-positive DM (TIF-1γ DM), 47 with anti-aminoacyl-tRNA synthetase antibody (ARS)-positive PM/DM, and 24 with anti-melanoma differentiation-associated gene 5 antibody (MDA-5)-positive PM/DM treated at the Kurume University Hospital between 2002 and 2020.',
      ['antibody:ars', 'antibody:mda5'],
    ],
    // Ikenaga et al., Ann Clin Transl Neurol 2021 (PMC7951108), as printed there with U+2010 hyphens.
    [
      'Anti\u2010NT5C1A antibody status was clinically tested between 2014 and 2019 in the Washington University neuromuscular clinical laboratory.',
      ['antibody:cn1a'],
    ],
    // Eur J Dermatol 2020 (doi:10.1684/ejd.2020.3750); Friedman et al., Semin Arthritis Rheum 1996;26:459.
    [
      'Serum anti-Mi-2β antibodies were detected in 357 DM patients by enzyme-linked immunosorbent assays',
      ['antibody:mi2'],
    ],
    [
      'Anti-PL-12 antibodies (antialanyl-tRNA synthetase) were most common (60%), followed by anti-Jo-1 (antihistidyl-tRNA synthetase) and anti-OJ (anti-isoleucyl-tRNA synthetase) (20% each).',
      ['antibody:pl12', 'antibody:jo1', 'antibody:jo1', 'antibody:oj'],
    ],
    // SAE spelled out: Sci Rep 2017 (doi:10.1038/s41598-017-00240-6), the paper the SAE card cites
    // (doi:10.1093/rheumatology/kead154) and PMC12571823.
    [
      'Anti-small ubiquitin-like modifier activating enzyme (anti-SAE) antibodies were first identified by Betteridge et al. in 2007',
      ['antibody:sae', 'antibody:sae'],
    ],
    [
      'Objective: Among specific autoantibodies in DM, the anti-small ubiquitin-like modifier activating enzyme (SAE) antibody is rare.',
      ['antibody:sae'],
    ],
    [
      'We aimed to describe the clinical and serological characteristics of anti-small ubiquitin-like modifier-activating enzyme (SAE)-positive cases from a multicentric cohort of patients affected with idiopathic inflammatory myopathies (IIMs).',
      ['antibody:sae'],
    ],
    // Front Immunol 2024 (doi:10.3389/fimmu.2024.1435525); Arthritis Res Ther 2024
    // (doi:10.1186/s13075-024-03382-x).
    [
      'However, the effectiveness of anti-TRIM21 antibodies in diagnosing CTD remains a matter of debate because of their non-specific nature.',
      ['antibody:ro52'],
    ],
    [
      'Anti-Ro-52 antibodies have been associated with interstitial lung disease (ILD) in various autoimmune diseases.',
      ['antibody:ro52'],
    ],
    [
      'to detect the prevalence of anti-3-hydroxyl-3- methylglutaryl coenzyme A reductase (anti-HMGCR) antibodies',
      ['antibody:hmgcr'],
    ],
    [
      'One hundred and twenty-four (73.4%) patients were positive for anti-Jo1, 23 (13.6%) for anti-PL12, 16 for anti-PL7 (9.5%) and 3 (1.8%) for anti-EJ or anti-OJ, respectively.',
      ['antibody:jo1', 'antibody:pl12', 'antibody:pl7', 'antibody:ej', 'antibody:oj'],
    ],
    [
      'Anti-Jo1 is the most frequent, followed by anti PL-7, anti PL-12, anti EJ, and anti OJ antibodies.',
      ['antibody:jo1', 'antibody:pl7', 'antibody:pl12', 'antibody:ej', 'antibody:oj'],
    ],
    [
      'Anti-Ro52 autoantibodies are associated with interstitial lung disease and more severe disease in patients with juvenile myositis',
      ['antibody:ro52'],
    ],
    [
      'the discovery of immunosuppression-resistant clones of cytotoxic T cells and anti-CN-1A autoantibodies',
      ['antibody:cn1a'],
    ],
    [
      'All but one study included anti-synthetase autoantibody (ARS) positivity in the ASSD criteria.',
      ['antibody:ars'],
    ],
    // Older names and the rarer synthetases, from public abstracts found with the project's search
    // tool: Sato et al., ACR 2010 (CADM-140); Yu et al., J Microbiol Immunol Infect 2014
    // (p155/140); Ceribelli et al., Ann Rheum Dis 2012;71 Suppl 1:A49 (MJ); Wilson et al., SKIN
    // (anti-SAE1 case series) and Bodoki et al. as cited there; Hirakata et al., Ann Rheum Dis
    // 2001;60 Suppl 1:A359 (KS); Tansley et al., Rheumatology 2020 (Zo); PMID 39557603 (Ha).
    [
      'Anti-CADM-140 autoantibody is specifically detected in patients with dermatomyositis (DM), especially those who have little or no muscle manifestation',
      ['antibody:mda5'],
    ],
    [
      'Detection of anti-p155/140, anti-p140, and antiendothelial cells autoantibodies in patients with juvenile dermatomyositis',
      ['antibody:tif1g'],
    ],
    [
      'Anti-MJ antibodies, which recognise the nuclear protein NXP-2 in PML (promyelocytic leukemia) nuclear bodies, are a new specificity reported in 23–25% of juvenile DM',
      ['antibody:nxp2'],
    ],
    [
      'Four dermatomyositis-specific autoantibodies-anti-TIF1gamma, anti-NXP2, anti-SAE and anti-MDA5-in adult and juvenile patients with idiopathic inflammatory myopathies',
      ['antibody:tif1g', 'antibody:nxp2', 'antibody:sae', 'antibody:mda5'],
    ],
    ['Anti-SAE1 Antibodies and Dermatomyositis: A Case Series of Three Patients', ['antibody:sae']],
    [
      'Anti-KS antibodies were identified in the sera of 8 patients (5 Japanese, 1 U. S., 1 German, 1 Korean)',
      ['antibody:ks'],
    ],
    ['Nine patients with anti-Zo were identified.', ['antibody:zo']],
    // The papers the EJ, OJ and KS cards cite (PMID 32144624, 34128807) and Hirakata et al.,
    // J Immunol 1999;162:2315 (keio.elsevierpure.com record of the abstract).
    [
      'Anti-EJ antibodies were present in 46 (19.7%) of the 234 patients with antisynthetase syndrome (ASS), preceded by anti-Jo-1 and anti-PL-7 antibodies.',
      ['antibody:ej', 'antibody:jo1', 'antibody:pl7'],
    ],
    [
      'Anti-OJ antibodies were present in 10 of 1269 (0.8%) patients with idiopathic inflammatory myopathies (IIMs)',
      ['antibody:oj'],
    ],
    ['Anti-KS was more closely associated with ILD than with myositis.', ['antibody:ks']],
    [
      'Of the 570 patients with idiopathic inflammatory myopathies, 17 (3.0%) were found to be anti-Ha positive',
      ['antibody:ha'],
    ],
    [
      'Anti-Ha antibody was identified by immunoblot and reconfirmed by immunoprecipitation.',
      ['antibody:ha'],
    ],
  ])('%s', (sentence, expected) => {
    expect(ids(sentence).filter((id) => id.startsWith('antibody:'))).toEqual(expected);
  });

  it('every antibody has a tag slug that round-trips, and a phenotype only with a literature source (PubMed or DOI)', () => {
    for (const a of ANTIBODIES) {
      // The slug names one antibody only, in the lower case tags use.
      expect(ANTIBODIES.filter((b) => b.slug === a.slug.toLowerCase()).map((b) => b.id)).toEqual([
        a.id,
      ]);
      expect(normalizeTag(`Antibody : ${a.slug}`)).toBe(`antibody:${a.slug}`);
      const phenotype = phenotypeOf(a.id);
      if (phenotype) {
        expect(phenotype.source.sourceKind).toBe('literature');
        expect(phenotype.source.url).toMatch(
          /^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov|doi\.org|ard\.bmj\.com)\//,
        );
      }
    }
    // Every phenotype belongs to a recognised antibody: a mistyped id would hide a sourced fact.
    const ids = new Set(ANTIBODIES.map((a) => a.id));
    expect(Object.keys(ANTIBODY_PHENOTYPES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('an antibody is an antibody mark, and "anti-HA" (haemagglutinin) is not anti-Ha', () => {
    const text = 'anti-MDA5 and anti-HA titres';
    const found = findMentions(text, text);
    expect(found.map((m) => [m.termId, m.kind])).toEqual([['antibody:mda5', 'antibody']]);
  });

  it('antibodies still point the classifier at the myopathy: anti-Ro52 alone does not', () => {
    // Initial predictors for short-term prognosis in anti-MDA5 positive patients (OJRD 2021).
    const dm = classifyArticle(
      articleWith({
        abstract:
          'Anti-melanoma differentiation-associated protein-5 (anti-MDA5) positive patients are characterized by the high mortality rate caused by interstitial lung disease (ILD). We conducted a retrospective study to summarize the clinical features and identify the initial predictors for death in anti-MDA5 positive patients. We designed a retrospective cohort of anti-MDA5 positive patients. A total of 90 anti-MDA5 positive patients were included in this study.',
      }),
    );
    expect(dm.disease).toBe('dm');
    const ro = classifyArticle(
      articleWith({ abstract: 'Anti-Ro52 antibodies and anti-Ro52 titres in Sjögren syndrome.' }),
    );
    expect(ro.disease).toBeNull();
  });
});

describe('ranges mark the token and count each member', () => {
  it('"JAK1–3, TYK2, and STAT1–6" (the seed review) counts JAK1, JAK2, JAK3 and STAT1…STAT6', () => {
    const hits = scanArticle(
      articleWith({
        abstract:
          'Downstream of the cytokine receptor complexes are the Janus kinase-signal transducers and activators of transcription (JAK-STAT) pathway, which consists of JAK1–3, TYK2, and STAT1–6.',
      }),
    ).map((h) => h.termId);
    for (const id of [
      'JAK1',
      'JAK2',
      'JAK3',
      'TYK2',
      'STAT1',
      'STAT2',
      'STAT3',
      'STAT4',
      'STAT5',
      'STAT6',
    ])
      expect(hits).toContain(`target:${id}`);
  });

  it('"Tofacitinib inhibits JAK1/3, while ruxolitinib and baricitinib inhibit JAK 1/2"', () => {
    const text =
      'Tofacitinib inhibits JAK1/3, while ruxolitinib and baricitinib inhibit JAK 1/2 [4].';
    expect(ids(text)).toEqual([
      'drug:tofacitinib',
      'range:JAK1/3',
      'drug:ruxolitinib',
      'drug:baricitinib',
      'range:JAK1/2',
    ]);
    const hits = scanArticle(articleWith({ abstract: text })).map((h) => h.termId);
    expect(hits.filter((id) => id === 'target:JAK1')).toHaveLength(2);
    expect(hits).toContain('target:JAK3');
    expect(hits).toContain('target:JAK2');
  });
});

describe('every range token, "JAK1–3" to "STAT3/5"', () => {
  // The issue names JAK1–3, JAK1/2, STAT1–6 and STAT3/5; the terms are generated for every pair of
  // family members, so each generated label is checked as written in a sentence (the seed review's
  // "JAK1–3, TYK2, and STAT1–6" and the JAK1/2 sentence above are the real ones).
  it.each(RANGE_TERMS.map((t) => [t.label, t.id] as const))('%s', (label, id) => {
    const members = rangeMembers(id) ?? [];
    expect(members.length).toBeGreaterThanOrEqual(2);
    const spellings = [label, label.replace('–', '-'), label.replace(/(\D)(\d)/, '$1 $2')];
    if (label.includes('/')) spellings.push(label.replace(/^(\D+)(\d)\/(\d)$/, '$1$2/$1$3'));
    for (const written of spellings) {
      const text = `Expression of ${written} was measured.`;
      expect(ids(text), written).toEqual([id]);
      const hits = scanArticle(articleWith({ abstract: text })).map((h) => h.termId);
      for (const member of members) expect(hits, `${written} counts ${member}`).toContain(member);
    }
  });
});

describe('interferon-signature markers, on real sentences', () => {
  it.each([
    [
      'we set out to investigate the use of an assay measuring the expression of six ISGs—IFI27, IFI44L, IFIT1, ISG15, RSAD2, and SIGLEC1.',
      ['ifn:isg', 'ifn:IFI27', 'ifn:IFI44L', 'ifn:ISG15', 'ifn:RSAD2', 'ifn:SIGLEC1'],
    ],
    [
      'Proteins abundantly produced from these genes’ transcripts - such as myxovirus resistance protein A, interferon-stimulated gene 15 (ISG15), and 2′,5′-oligoadenylate synthetase 1 - remain inside cells.',
      ['ifn:MxA', 'ifn:isg', 'ifn:ISG15'],
    ],
    [
      'JAK inhibitors (JAKi) can reduce interferon (IFN)-induced STAT1 phosphorylation and block the JAK-STAT pathway',
      ['ifn:pSTAT1'],
    ],
    [
      'The median IFN1 score was higher or lower in patients with anti-MDA5 or anti-Mi2 antibodies',
      ['ifn:signature'],
    ],
  ])('%s', (sentence, expected) => {
    expect(ids(sentence).filter((id) => id.startsWith('ifn:'))).toEqual(expected);
  });

  it('every marker cites a paper', () => {
    for (const m of IFN_MARKERS) expect(m.source.sourceKind).toBe('literature');
  });
});
