import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  findMentions,
  getDefaultMatcher,
  termInfo,
} from '../../../utils/match/find-mentions';
import type { Term } from '../../../utils/knowledge/types';

/** "termId=matched text" for each mention, in order. */
function found(text: string, context?: string): string[] {
  return findMentions(text, context).map((m) => `${m.termId}=${text.slice(m.start, m.end)}`);
}

describe('findMentions: drugs and code names', () => {
  it.each([
    [
      'tofacitinib (CP-690,550) was given',
      ['drug:tofacitinib=tofacitinib', 'drug:tofacitinib=CP-690,550'],
    ],
    ['CP-690550 inhibits JAK3', ['drug:tofacitinib=CP-690550', 'target:JAK3=JAK3']],
    ['CP690550 and CP 690,550', ['drug:tofacitinib=CP690550', 'drug:tofacitinib=CP 690,550']],
    [
      'LY3009104 (baricitinib) and INCB28050',
      ['drug:baricitinib=LY3009104', 'drug:baricitinib=baricitinib', 'drug:baricitinib=INCB28050'],
    ],
    [
      'Deucravacitinib (BMS-986165) is a TYK2 inhibitor',
      [
        'drug:deucravacitinib=Deucravacitinib',
        'drug:deucravacitinib=BMS-986165',
        'drug:jak-inhibitor=TYK2 inhibitor',
      ],
    ],
    [
      'Data from the Phase II trial of BMS-986165—a selective TYK2 inhibitor',
      ['drug:deucravacitinib=BMS-986165', 'drug:jak-inhibitor=TYK2 inhibitor'],
    ],
    [
      'Ritlecitinib (Litfulo™) is a valuable new option',
      ['drug:ritlecitinib=Ritlecitinib', 'drug:ritlecitinib=Litfulo'],
    ],
    ['Xeljanz XR 11 mg', ['drug:tofacitinib=Xeljanz XR']],
    // deuruxolitinib contains ruxolitinib; word boundaries keep them apart.
    [
      'deuruxolitinib is not ruxolitinib',
      ['drug:deuruxolitinib=deuruxolitinib', 'drug:ruxolitinib=ruxolitinib'],
    ],
    [
      'the use of the JAK inhibitors, Baricitinib, Tofacitinib and Ruxolitinib',
      [
        'drug:jak-inhibitor=JAK inhibitors',
        'drug:baricitinib=Baricitinib',
        'drug:tofacitinib=Tofacitinib',
        'drug:ruxolitinib=Ruxolitinib',
      ],
    ],
    [
      'Janus kinase inhibitors (jakinibs), which can decrease IFN signaling',
      ['drug:jak-inhibitor=Janus kinase inhibitors', 'drug:jak-inhibitor=jakinibs'],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('does not match an unverified code name (PF-06826647 = ropsacitinib is UNVERIFIED)', () => {
    expect(found('the selective TYK2 inhibitor PF-06826647 is being tested')).toEqual([
      'drug:jak-inhibitor=TYK2 inhibitor',
    ]);
  });
});

describe('findMentions: targets', () => {
  it.each([
    ['Janus kinase 1 (JAK1) inhibitor', ['target:JAK1=Janus kinase 1', 'target:JAK1=JAK1']],
    ['JAK-1, Jak1 and JAK 1', ['target:JAK1=JAK-1', 'target:JAK1=Jak1', 'target:JAK1=JAK 1']],
    [
      'Tyrosine kinase 2 (TYK2), the first described member of the JAK family',
      ['target:TYK2=Tyrosine kinase 2', 'target:TYK2=TYK2', 'target:JAK=JAK family'],
    ],
    ['often resulting from the JAK2 V617F mutation', ['target:JAK2-V617F=JAK2 V617F']],
    [
      'JAK2V617F-positive and JAK2-V617F',
      ['target:JAK2-V617F=JAK2V617F', 'target:JAK2-V617F=JAK2-V617F'],
    ],
    [
      'which consists of JAK1–3, TYK2, and STAT1–6',
      ['range:JAK1–3=JAK1–3', 'target:TYK2=TYK2', 'range:STAT1–6=STAT1–6'],
    ],
    [
      'the JAK/STAT pathway and the JAK–STAT pathway',
      ['target:JAK-STAT=JAK/STAT', 'target:JAK-STAT=JAK–STAT'],
    ],
    ['tyrosine kinase inhibitors such as imatinib', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Jak Smith reviewed the stat results', []],
    ['Dr. Jak wrote this', []],
    ['JAKs signal through STATs', ['target:JAK=JAKs', 'target:STAT=STATs']],
  ])('"Jak" as a name and "stat" as a word are not targets: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findMentions: diseases and the DM abbreviation', () => {
  it.each([
    [
      'Juvenile dermatomyositis (JDM) is a rare systemic autoimmune vasculopathy',
      ['disease:jdm=Juvenile dermatomyositis', 'disease:jdm=JDM'],
    ],
    [
      'The successful uses of JAKi were reported in adult dermatomyositis (DM)',
      ['drug:jak-inhibitor=JAKi', 'disease:dm=adult dermatomyositis', 'disease:dm=DM'],
    ],
    [
      'Diabetes mellitus (DM) is a chronic disease. The first line in treatment of type 2 DM (T2DM) is diet',
      [],
    ],
    [
      'Dermatomyositis (DM), overlap syndromes, Inclusion Body Myositis (IBM) and Polymyositis (PM).',
      [
        'disease:dm=Dermatomyositis',
        'disease:dm=DM',
        'disease:ibm=Inclusion Body Myositis',
        'disease:ibm=IBM',
        'disease:polymyositis=Polymyositis',
        'disease:polymyositis=PM',
      ],
    ],
    ['Patients seen at 3 PM with DM and dm', []],
    [
      'anti-MDA5 antibody-positive dermatomyositis (MDA5-DM)',
      ['antibody:mda5=anti-MDA5', 'disease:dm=dermatomyositis', 'disease:dm=DM'],
    ],
    [
      'Common autoantibodies are anti-NXP-2, anti-MDA-5, and anti-Mi-2',
      ['antibody:nxp2=anti-NXP-2', 'antibody:mda5=anti-MDA-5', 'antibody:mi2=anti-Mi-2'],
    ],
    [
      'Juvenile Idiopathic Inflammatory Myopathies (IIM) are a group of rare diseases',
      ['disease:jdm=Juvenile Idiopathic Inflammatory Myopathies', 'disease:iim=IIM'],
    ],
    [
      'Immune-mediated necrotizing myopathy (IMNM) is distinguished from polymyositis',
      [
        'disease:imnm=Immune-mediated necrotizing myopathy',
        'disease:imnm=IMNM',
        'disease:polymyositis=polymyositis',
      ],
    ],
    [
      'Antisynthetase syndrome (ASyS) is now a widely recognized entity',
      ['disease:antisynthetase=Antisynthetase syndrome', 'disease:antisynthetase=ASyS'],
    ],
    ['myositis ossificans after trauma', []],
    [
      'An upregulated type I interferon signature; IFN-α and IFNAR1',
      ['ifn:signature=type I interferon signature', 'disease:ifn=IFN-α', 'disease:ifn=IFNAR1'],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('journal code "jdm" and a bare JDM without myositis context are not JDM', () => {
    expect(found('Journal of Diabetes & Metabolism (jdm-29182). T2DM patients')).toEqual([]);
    expect(found('JDM Holdings annual report')).toEqual([]);
  });

  it('judges DM against a wider context when one is given', () => {
    const context = 'Dermatomyositis (DM) is an idiopathic inflammatory myopathy.';
    expect(found('Five DM patients improved.', context)).toEqual(['disease:dm=DM']);
    expect(found('Five DM patients improved.', 'Diabetes mellitus (DM) is common.')).toEqual([]);
  });
});

describe('compileMatcher', () => {
  const terms: Term[] = [
    {
      id: 't:short',
      kind: 'target',
      label: 'a',
      group: 'jak-target',
      forms: [{ text: 'alpha beta' }],
    },
    {
      id: 't:long',
      kind: 'target',
      label: 'b',
      group: 'jak-target',
      forms: [{ text: 'alpha beta gamma' }],
    },
    {
      id: 't:code',
      kind: 'drug',
      label: 'c',
      group: 'drug',
      forms: [{ text: 'AB-12,345', rule: 'code' }],
    },
  ];
  const matcher = compileMatcher(terms);

  it('prefers the longest match and reports offsets', () => {
    expect(matcher.find('x alpha beta gamma y alpha-beta')).toEqual([
      { start: 2, end: 18, termId: 't:long', kind: 'target' },
      { start: 21, end: 31, termId: 't:short', kind: 'target' },
    ]);
  });

  it('tolerates separator variants in code names but needs word boundaries', () => {
    const hits = ['AB12345', 'AB-12345', 'AB 12,345', 'XAB12345', 'AB123456'].map(
      (t) => matcher.find(t).length,
    );
    expect(hits).toEqual([1, 1, 1, 0, 0]);
  });

  it('exposes term info and the combined RegExp source', () => {
    expect(termInfo('drug:baricitinib')).toMatchObject({ kind: 'drug', label: 'baricitinib' });
    expect(termInfo('target:JAK2-V617F')?.group).toBe('jak-mutation');
    expect(() => new RegExp(getDefaultMatcher().source, 'gi')).not.toThrow();
  });
});
