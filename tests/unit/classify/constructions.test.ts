/**
 * Round-2 constructions, each on real sentences copied from the labelled records
 * (tests/fixtures/eval/round2-set.jsonl) or, where noted, another real public text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyArticle } from '../../../utils/classify';
import { inhibitionCue, listItemsAround } from '../../../utils/classify/context';
import { CHECKPOINT_INHIBITOR_NAMES, isDrugInducedMyositis } from '../../../utils/classify/induced';
import { findMentions } from '../../../utils/match/find-mentions';
import { articleWith } from '../../support/article-fields';

/** The cue of the first mention of `termId` (or of any term whose id starts with it) in `text`. */
function cueOf(text: string, termId: string): ReturnType<typeof inhibitionCue> {
  const m = findMentions(text, text).find((x) => x.termId.startsWith(termId));
  if (!m) throw new Error(`${termId} not found in: ${text}`);
  return inhibitionCue(text, m);
}

describe('coordinated constructions: one "inhibitor" shared by two classes', () => {
  it('"Janus kinase (JAK)- and calcineurin-inhibitor combination" (PMID 41277275)', () => {
    const s =
      'This study aims to evaluate the efficacy and safety of Janus kinase (JAK)- and calcineurin-inhibitor combination (JAK-CNI) in anti-MDA5 DM patients.';
    expect(cueOf(s, 'target:JAK')).toBe('strong');
  });

  it('"selective Janus kinase (JAK)1 and JAK2 inhibitor" (baricitinib in SLE, Lancet 2018)', () => {
    const s =
      'Baricitinib is an oral selective Janus kinase (JAK)1 and JAK2 inhibitor that we hypothesised might have therapeutic benefit in patients with systemic lupus erythematosus.';
    expect(cueOf(s, 'target:JAK')).toBe('strong');
  });

  it('a sentence about JAK biology with no inhibitor word is no cue', () => {
    const s =
      'IFNs activate the Janus kinase (JAK)-signal transducer and transcription (STAT) pathway, which leads to the transcription of IFN-stimulated genes.';
    const m = findMentions(s, s).find((x) => x.termId.startsWith('target:JAK'));
    expect(m).toBeDefined();
    expect(m && inhibitionCue(s, m)).toBeNull();
  });

  it('property: "JAK and <word> inhibitors" is a strong cue, "JAK and <word> signalling" none', () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/).filter((w) => !/inhib|block/.test(w));
    fc.assert(
      fc.property(word, (w) => {
        expect(cueOf(`Patients received JAK and ${w} inhibitors.`, 'target:JAK')).toBe('strong');
        expect(cueOf(`Patients showed JAK and ${w} signalling.`, 'target:JAK')).toBeNull();
      }),
    );
  });
});

describe('spellings that need no rule of their own', () => {
  it('the PDF spelling "Janus Kinase– Signal Transducer…" is the JAK-STAT pathway (dev-022)', () => {
    // Case, spaces and dashes vary freely in every form, so no form copies this spelling.
    const s =
      'The Janus Kinase– Signal Transducer and Activator of Transcription (JAK–STAT) pathway plays a significant role in intracellular signalling of cytokines';
    expect(findMentions(s, s).map((m) => [m.termId, s.slice(m.start, m.end)])).toEqual([
      ['target:JAK-STAT', 'Janus Kinase– Signal Transducer and Activator of Transcription'],
      ['target:JAK-STAT', 'JAK–STAT'],
    ]);
  });

  it('"selective" between a target and "inhibitor" still cues it (dev-018)', () => {
    const s =
      'Abrocitinib, an oral, once-daily Janus kinase 1 selective inhibitor, was effective and well tolerated in a phase 2b trial';
    expect(cueOf(s, 'target:JAK1')).toBe('strong');
  });

  it('a word outside the bridge list ends the search: "JAK-3/TEC family kinase inhibitor" (dev-019)', () => {
    // "TEC" is another kinase family: the inhibitor here is named by its drug (ritlecitinib).
    const s =
      'Of note, ritlecitinib, a dual selective Janus kinase (JAK)-3/TEC family kinase inhibitor, is the first targeted treatment';
    const m = findMentions(s, s).find((x) => x.termId === 'target:JAK');
    expect(m && inhibitionCue(s, m)).toBeNull();
    expect(classifyArticle(articleWith({ abstract: s })).jakInhibition).toBe(true);
  });
});

describe('abbreviated and hyphenated class names', () => {
  const cases: [string, string][] = [
    [
      'JAKi',
      'Janus kinase inhibition (JAKi) has been proposed as a treatment for idiopathic inflammatory myopathies to target increased interferon signalling.',
    ],
    [
      'JAKis',
      'Janus kinase inhibitors (JAKis), an example of a strategy to block IFN signaling downstream of a nucleic acid stimulus, have been used in several distinct type I interferonopathies [4].',
    ],
    [
      'jakinibs',
      'Janus kinase inhibitors (jakinibs), which can decrease IFN signaling, are therefore appealing as a targeted therapy.',
    ],
    [
      'JAK-inhibitors',
      'In recent years, few studies have reported a positive response to the use of Janus kinase inhibitors (JAK-inhibitors) for the treatment of refractory DM.',
    ],
  ];
  for (const [form, sentence] of cases) {
    it(`"${form}" names the class`, () => {
      expect(findMentions(sentence, sentence).map((m) => m.termId)).toContain('drug:jak-inhibitor');
    });
  }

  it('"JAK 1/2 inhibitors" and "JAK1/2 selective inhibitor" cue the target as inhibited', () => {
    expect(
      cueOf(
        'Recently, JAK 1/2 inhibitors have shown to be effective as an emerging therapeutic option highlighting that translational and clinical research is crucial.',
        'range:JAK1/2',
      ),
    ).toBe('strong');
    expect(
      cueOf(
        'Here, we describe the use of the JAK1/2 selective inhibitor ruxolitinib in a child with severe vasculopathic refractory juvenile dermatomyositis (JDM).',
        'range:JAK1/2',
      ),
    ).toBe('strong');
  });

  it('"anti-JAK therapy" is a drug (real text: a vaccination reminder rule in a public repository)', () => {
    const s =
      'immunocompromised patients, including those on immunosuppressive therapy aged 16 years and older as well as patients on anti-JAK therapy.';
    expect(cueOf(s, 'target:JAK')).toBe('strong');
  });
});

describe('JAK inhibition named as a class inside a multi-therapy review', () => {
  it('an apposition is not an enumeration: "Emerging therapies, particularly Janus kinase inhibitors, offer promise"', () => {
    const s =
      'Emerging therapies, particularly Janus kinase inhibitors, offer promise for treatment-resistant DM, although they present significant safety concerns, including increased risks of infections and cardiovascular events.';
    expect(listItemsAround(s, s.indexOf('Janus'))).toBe(0);
  });

  it('a drug history closed by "and" is still an enumeration', () => {
    const s =
      'Treatment attempts with prednisolone, azathioprine, methotrexate, etanercept, intravenous immunoglobulins, rituximab, hydroxychloroquine, cyclosporine A, mycophenolate mofetil and cyclophosphamide remained ineffective';
    expect(listItemsAround(s, s.indexOf('rituximab'))).toBeGreaterThanOrEqual(3);
  });

  it('the DM treatment review naming JAK inhibitors once is core (Med Sci Monit 2024)', () => {
    const v = classifyArticle(
      articleWith({
        title:
          'Pharmacological Strategies in Dermatomyositis: Current Treatments and Future Directions',
        abstract:
          'Biologics, such as rituximab and intravenous immunoglobulin, have shown effectiveness in refractory cases. Emerging therapies, particularly Janus kinase inhibitors, offer promise for treatment-resistant DM, although they present significant safety concerns, including increased risks of infections and cardiovascular events.',
      }),
    );
    expect(v.relevance).toBe('core');
    expect(v.disease).toBe('dm');
  });

  it('a class named in a list of classes counts: "JAK inhibitors, PDE-4 inhibitors, and biologics"', () => {
    const v = classifyArticle(
      articleWith({
        title:
          'Advancements in the Treatment of Cutaneous Lupus Erythematosus and Dermatomyositis: A Review of the Literature',
        abstract:
          'JAK inhibitors, PDE-4 inhibitors, and biologics have shown promise in reducing cutaneous symptoms of both CLE and DM, including reduction in SLE Disease Activity Index 2000 (SLEDAI-2K).',
      }),
    );
    expect(v.jakInhibition).toBe(true);
    expect(v.relevance).toBe('core');
  });
});

describe('reviews across connective tissue diseases where DM is one of several', () => {
  it('"CTDs including RA, systemic lupus erythematosus, dermatomyositis, …" finds DM', () => {
    const v = classifyArticle(
      articleWith({
        title: 'JAK Inhibitors: Prospects in Connective Tissue Diseases',
        abstract:
          "We also discuss the efficacy of the first- and second-generation JAK inhibitors (tofacitinib, baricitinib, ruxolitinib, peficitinib, filgotinib, upadacitinib, solcitinib, itacitinib, decernotinib, R333, and pf-06651600) for CTDs including RA, systemic lupus erythematosus, dermatomyositis, systemic sclerosis, Sjogren's syndrome, and vasculitis, based on laboratory and clinical research findings.",
      }),
    );
    expect(v.relevance).toBe('core');
    expect(v.disease).toBe('dm');
  });
});

describe('"DM" by context: dermatomyositis or diabetes mellitus', () => {
  it('"diabetes mellitus (DM)" with tofacitinib is JAK inhibition without myositis', () => {
    const v = classifyArticle(
      articleWith({
        abstract:
          'Given that RA treatment might affect the severity of diabetes mellitus (DM), we compared the risk of DM treatment intensification in patients with both RA and DM newly initiating a biologic DMARD or tofacitinib.',
      }),
    );
    expect(v.disease).toBeNull();
    expect(v.relevance).toBe('jak');
  });

  it('"Dermatomyositis (DM)" makes every later "DM" dermatomyositis', () => {
    const v = classifyArticle(
      articleWith({
        abstract:
          'Dermatomyositis (DM) is an autoimmune myopathy with characteristic dermatologic features. The goal of this study is to investigate the long-term response of recalcitrant DM to oral and topical tofacitinib at varied dosing regimens.',
      }),
    );
    expect(v.relevance).toBe('core');
    expect(v.disease).toBe('dm');
  });
});

describe('checkpoint-inhibitor myositis is not an idiopathic myopathy', () => {
  const ici = articleWith({
    title: 'Immune Checkpoint Inhibitor-Related Myositis: From Biology to Bedside',
    abstract:
      'Immune checkpoint inhibitor (ICI)-related inflammatory diseases, including polymyositis (PM) and dermatomyositis (DM), in patients suffering from neoplastic disorders represent a medical challenge. In this literature review, we examine partially neglected immunological and clinical findings to obtain insights into the biological profiles of ICI-related PM/DM and potential treatment options.',
  });

  it('has no disease', () => {
    expect(isDrugInducedMyositis(ici)).toBe(true);
    expect(classifyArticle(ici).disease).toBeNull();
  });

  it('MeSH "Dermatomyositis / chemically induced" says so too', () => {
    expect(
      isDrugInducedMyositis(
        articleWith({
          mesh: ['Dermatomyositis / chemically induced*', 'Nivolumab / adverse effects*'],
        }),
      ),
    ).toBe(true);
  });

  it('one aside in a DM paper does not remove the disease', () => {
    const dm = articleWith({
      title: 'Dermatomyositis: An Update on Diagnosis and Treatment',
      abstract:
        'Dermatomyositis is an idiopathic inflammatory myopathy. Drug-induced disease, for example ICI-related myositis, is a differential diagnosis.',
    });
    expect(isDrugInducedMyositis(dm)).toBe(false);
    expect(classifyArticle(dm).disease).toBe('dm');
  });
});

describe('checkpoint-inhibitor myositis named by its drug', () => {
  // Case reports name the antibody they saw rather than the class.
  it.each([
    ['A Case of Nivolumab-Induced Myositis', 'Oncologist 2016, PMID 27864576'],
    [
      'A Rare Case of Pembrolizumab-Induced Dermatomyositis in a Patient with Cancer of Unknown Primary Origin',
      'Am J Case Rep 2021;22:e930286',
    ],
  ])('the title "%s" (%s) names no idiopathic disease', (title) => {
    const record = articleWith({ title });
    expect(isDrugInducedMyositis(record)).toBe(true);
    expect(classifyArticle(record).disease).toBeNull();
  });

  it('"Pembrolizumab-related systemic myositis" with "myositis due to pembrolizumab" (ho-29, BMC Neurol 2019)', () => {
    const record = articleWith({
      title:
        'Pembrolizumab-related systemic myositis involving ocular and hindneck muscles resembling myasthenic gravis: a case report',
      abstract:
        'In this situation, autoimmune myositis due to pembrolizumab is a rare but not-negligible complication. Needle electromyography and MRI suggested systemic inflammatory myopathy.',
    });
    expect(isDrugInducedMyositis(record)).toBe(true);
    expect(classifyArticle(record).disease).toBeNull();
  });

  it('"induced by ICI" with the drug in the title (Proc Bayl Univ Med Cent 2020, PMID 33456169)', () => {
    const record = articleWith({
      title: 'Dermatomyositis, pembrolizumab, and squamous cell carcinoma of the lung',
      abstract:
        'Dermatomyositis, an autoimmune syndrome affecting multiple organ systems, is often associated with cancer as a paraneoplastic syndrome, but this syndrome can also be induced by ICI.',
    });
    expect(isDrugInducedMyositis(record)).toBe(true);
  });

  it('a non-breaking hyphen ("ICI\u2011induced") is a hyphen (ho-30, Med Int 2024)', () => {
    const record = articleWith({
      abstract:
        'Nivolumab and cemiplimab, monoclonal antibodies targeting programmed cell death protein 1, have exhibited notable therapeutic efficacy; however, they are associated with immune\u2011related adverse events (irAEs). The present study describes the cases of 2 patients, a 71\u2011year\u2011old male with metastatic esophageal adenocarcinoma and a 66\u2011year\u2011old female with metastatic squamous cell carcinoma who developed acute/subacute onset rapidly progressive myositis/myasthenia gravis (MG) following treatment with nivolumab and cemiplimab. The mechanisms of ICI\u2011induced myositis/MG remain unclear.',
    });
    expect(isDrugInducedMyositis(record)).toBe(true);
    expect(classifyArticle(record).disease).toBeNull();
  });

  it('DM treated with a checkpoint inhibitor, with no "induced" wording, keeps its disease (Front Immunol 2025, doi:10.3389/fimmu.2025.1558964)', () => {
    const record = articleWith({
      abstract:
        'Dermatomyositis (DM) is an uncommon systemic autoimmune disorder classified as one of the idiopathic inflammatory myopathies (IIM). We report the case of a 50-year-old patient with advanced urothelial bladder cancer and preexisting paraneoplastic DM treated with pembrolizumab. On the basis of our experience, previous paraneoplastic DM might not necessarily represent an absolute contraindication for ICIs treatment.',
    });
    expect(isDrugInducedMyositis(record)).toBe(false);
    expect(classifyArticle(record).disease).toBe('dm');
  });

  it('property: every listed antibody, in "<drug>-induced myositis", marks the record drug-induced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHECKPOINT_INHIBITOR_NAMES), fc.boolean(), (drug, capital) => {
        const name = capital ? drug[0]!.toUpperCase() + drug.slice(1) : drug;
        expect(isDrugInducedMyositis(articleWith({ title: `${name}-induced myositis` }))).toBe(
          true,
        );
      }),
    );
  });

  it('other antibodies ending like them ("-limumab", "-lizumab") are not checkpoint inhibitors', () => {
    for (const drug of ['belimumab', 'tocilizumab', 'ustekinumab'])
      expect(isDrugInducedMyositis(articleWith({ title: `${drug}-induced myositis` })), drug).toBe(
        false,
      );
  });
});

describe('a JAK2 mutation is not JAK inhibition', () => {
  // Real sentences from the JAK2 V617F records of every set: the mutation is named as a finding,
  // never with inhibitor wording, so the target takes no cue and the record no JAK axis.
  const sentences: [string, string][] = [
    [
      'r2-030',
      'According to WHO classification, the Janus associated kinase 2 (JAK2) V617F mutation is one of the major diagnostic criteria in BCR-ABL1 negative myeloproliferative neoplasms.',
    ],
    [
      'r2-086',
      'In this study, we tested the hypothesis that increased JAK2V617F somatic mutation burden is associated with myeloproliferative neoplasm progression rate in the general population.',
    ],
    [
      'ho-28',
      'In essential thrombocythemia (ET), the JAK2-V617F mutation is usually restricted to a subpopulation of neutrophils and platelets, and production of JAK2 wild-type (WT) platelets is not suppressed.',
    ],
    [
      'ho-28',
      'Both SNP alleles were detected in JAK2 mutant–positive alleles from neutrophils of 10 of 11 ET patients studied using RED compared with 0 of 5 with polycythemia vera.',
    ],
    [
      'Blood 2008;111:1686',
      'We searched for JAK2 exon 12 mutations in patients with JAK2 (V617F)-negative myeloproliferative disorders.',
    ],
    [
      'ho-20',
      'Here, we presented a case with clinically amyopathic dermatomyositis and essential thrombocytosis with a somatic constitutive active mutation of JAK2 (V617F).',
    ],
    [
      'ho-20',
      'Particularly, we correlated JAK2 (V617F) mutation burden in affected peripheral blood subset with clinical activity score of dermatomyositis.',
    ],
  ];

  it.each(sentences)('%s: "%s" gives JAK2 no inhibition cue', (_source, s) => {
    const targets = findMentions(s, s).filter((m) => m.termId.startsWith('target:JAK'));
    expect(targets.length).toBeGreaterThan(0);
    for (const m of targets) expect(inhibitionCue(s, m), s.slice(m.start, m.end)).toBeNull();
  });

  it('all of them together are no JAK inhibition', () => {
    const v = classifyArticle(articleWith({ abstract: sentences.map(([, s]) => s).join(' ') }));
    expect(v.jakInhibition).toBe(false);
    expect(v.scores.jak).toBe(0);
  });

  it('an inhibitor of the mutant kinase is still JAK inhibition (dev-025, gandotinib)', () => {
    const s =
      'LY2784544 (gandotinib) is a potent, selective, small-molecule inhibitor of JAK2 that has potential dose-dependent selectivity for the JAK2 V617F mutation and may inhibit additional JAK2 mutant isoforms in nonclinical testing.';
    expect(cueOf(s, 'target:JAK2')).toBe('strong');
  });
});

describe('disease subtype', () => {
  it('"adult and juvenile dermatomyositis" is dm, not jdm', () => {
    const v = classifyArticle(
      articleWith({
        title: 'Type I interferon pathway in adult and juvenile dermatomyositis',
        abstract:
          'Gene expression profiling and protein studies of the type I interferon pathway have revealed important insights into the disease process in adult and juvenile dermatomyositis.',
      }),
    );
    expect(v.disease).toBe('dm');
  });

  it('a title naming the myopathies as a group makes DM one subtype among several: iim', () => {
    const v = classifyArticle(
      articleWith({
        title: 'Interstitial Lung Diseases in the Idiopathic Inflammatory Myopathies',
        abstract:
          'Idiopathic inflammatory myopathies or myositis (IIM) are heterogeneous disorders characterized by varying degrees of muscle weakness and inflammation. The major subgroups in adult IIM are dermatomyositis (DM), polymyositis (PM), and inclusion body myositis (IBM).',
      }),
    );
    expect(v.disease).toBe('iim');
  });

  it('DM named beside three other myopathies is one subtype of a survey: iim (r2-092, r2-108)', () => {
    // r2-092: a title-less abstract comparing IFN signatures across the myopathies (DM named most).
    const compared = classifyArticle(
      articleWith({
        abstract:
          'Primary inflammatory/dysimmune myopathies (PIDM) include (i) polymyositis (PM)/inclusion body myositis (IBM), (ii) dermatomyositis (DM), (iii) necrotizing autoimmune myopathy, and (iv) overlap myositis (OM) . Type I α/β interferon signature was proposed as a characteristic feature of DM . ISG15 was increased x300 in DM, but not in other conditions. Our results confirmed that DM differed from other PIDM by its elective interferon α/β signature, while ASM and IBM were found associated with IFNγ signature.',
      }),
    );
    expect(compared.disease).toBe('iim');
    // r2-108: "(other Than Dermatomyositis)" in the title, the group listed in the abstract.
    const others = classifyArticle(
      articleWith({
        title:
          'Efficacy of JAK Inhibitors in Idiopathic Inflammatory Myopathies (other Than Dermatomyositis)',
        abstract:
          'Idiopathic inflammatory myopathies (IIM) are a rare and heterogeneous group of systemic autoimmune disorders, comprising dermatomyositis (DM), immune-mediated necrotizing myopathy (IMNM), polymyositis (PM), inclusion body myositis (IBM) and overlap myositis in which antisynthetase syndrome (ASS) is included. JAK inhibitors (JAKi), targeting IFN pathway, have been used in refractory cases of DM, but effectiveness and safety of their use in other IIM remain to be addressed.',
      }),
    );
    expect(others.disease).toBe('iim');
  });

  it('DM beside one or two other myopathies stays dm when it leads (r2-044, dev-007)', () => {
    // r2-044: a DM case series that also had two antisynthetase patients.
    const series = classifyArticle(
      articleWith({
        title:
          'Upadacitinib therapy in refractory inflammatory myositis: a case series of 10 patients',
        abstract:
          'Results: 10 total patients were identified for review, including 5 classic dermatomyositis (DM), 3 amyopathic DM (ADM) and 2 antisynthetase syndrome. In the classic DM and ADM aggregate group, upadacitinib offered clinically and statistically significant cutaneous improvement.',
      }),
    );
    expect(series.disease).toBe('dm');
    // dev-007: "Polymyositis and dermatomyositis are inflammatory myopathies that differ …".
    const pair = classifyArticle(
      articleWith({
        title: 'An overview of polymyositis and dermatomyositis',
        abstract:
          'Polymyositis and dermatomyositis are inflammatory myopathies that differ in their clinical features, histopathology, response to treatment, and prognosis. In this review we address the current knowledge of the epidemiology, clinical characteristics, diagnostic evaluation, classification, pathogenesis, treatment, and prognosis of polymyositis and dermatomyositis.',
      }),
    );
    expect(pair.disease).toBe('dm');
  });

  it('"autoimmune myopathies" are inflammatory myopathies', () => {
    const v = classifyArticle(
      articleWith({
        title: 'Statin-associated Autoimmune Myopathies: A Pathophysiologic Spectrum',
        abstract:
          'Statins have recently been reported to cause a rare autoimmune inflammatory and/or necrotic myopathy that begins or persists after drug cessation.',
      }),
    );
    expect(v.disease).toBe('iim');
  });
});
