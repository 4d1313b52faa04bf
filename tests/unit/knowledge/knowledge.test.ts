import { describe, expect, it } from 'vitest';
import reference from '../../../utils/knowledge/data/jak-inhibitors.json';
import { DRUGS, getDrug } from '../../../utils/knowledge/drugs';
import { affectedFamilies, PAIRINGS, type FamilyId } from '../../../utils/knowledge/pathways';
import { MESH_DESCRIPTORS } from '../../../utils/knowledge/mesh-descriptors';
import { DEFAULT_TERMS } from '../../../utils/knowledge/terms';
import { isUnverifiedText, parseChecked } from '../../../utils/knowledge/checked';

const SOURCE_KINDS = ['regulator', 'registry', 'literature', 'reference', 'sponsor'];

describe('drugs', () => {
  it('has every JAK/TYK2 inhibitor of the reference, by generic name', () => {
    const names = reference.drugs.map((d) => d.name.replace(/\s*\(.*\)$/, '').toLowerCase());
    expect(DRUGS.map((d) => d.name)).toEqual(names);
    for (const name of [
      'tofacitinib',
      'baricitinib',
      'ruxolitinib',
      'upadacitinib',
      'filgotinib',
      'abrocitinib',
      'peficitinib',
      'delgocitinib',
      'deucravacitinib',
      'fedratinib',
      'pacritinib',
      'momelotinib',
      'ritlecitinib',
      'brepocitinib',
      'deuruxolitinib',
    ]) {
      expect(getDrug(name)?.id).toBe(`drug:${name}`);
    }
  });

  it('keeps code names, brand names and verified JAK targets', () => {
    expect(getDrug('tofacitinib')).toMatchObject({
      codeNames: [{ value: 'CP-690,550', verified: true }],
      jakTargets: ['JAK1', 'JAK3', 'JAK2'],
    });
    expect(getDrug('baricitinib')?.codeNames.map((c) => c.value)).toEqual([
      'LY3009104',
      'INCB028050',
      'INCB28050',
    ]);
    expect(getDrug('ruxolitinib')?.brandNames.map((b) => b.value)).toContain('Opzelura');
    expect(getDrug('deucravacitinib')?.jakTargets).toEqual(['TYK2']);
  });

  it('never marks a cell that says UNVERIFIED as verified', () => {
    for (const drug of DRUGS) {
      const cells = [
        ...drug.codeNames.map((c) => ({
          text: `${c.value} ${c.note ?? ''}`,
          verified: c.verified,
        })),
        ...drug.brandNames.map((c) => ({
          text: `${c.value} ${c.note ?? ''}`,
          verified: c.verified,
        })),
        ...drug.targets.map((c) => ({ text: `${c.value} ${c.note ?? ''}`, verified: c.verified })),
        ...drug.otherTargets.map((c) => ({
          text: `${c.value} ${c.note ?? ''}`,
          verified: c.verified,
        })),
        ...drug.approvals.map((a) => ({
          text: `${a.region} ${a.indications.join(' ')} ${a.note ?? ''}`,
          verified: a.verified,
        })),
        ...drug.dmEvidence.map((e) => ({
          text: `${e.id} ${e.phase} ${e.note}`,
          verified: e.verified,
        })),
        { text: drug.boxedWarning.text, verified: drug.boxedWarning.verified },
      ];
      for (const cell of cells) {
        if (/UNVERIFIED/i.test(cell.text))
          expect(cell, drug.name).toMatchObject({ verified: false });
      }
    }
  });

  it('marks a whole field group unverified when the reference does', () => {
    expect(getDrug('upadacitinib')?.dmEvidence.every((e) => !e.verified)).toBe(true);
    expect(getDrug('golidocitinib')?.brandNames.every((b) => !b.verified)).toBe(true);
    expect(getDrug('itacitinib')?.codeNames).toEqual([
      { value: 'INCB039110', note: 'UNVERIFIED', verified: false },
    ]);
  });

  it('demotes a cell whose brackets carry a caveat, not only the word UNVERIFIED', () => {
    expect(parseChecked('Lefenox (China trade name per press brief)', true)).toEqual([
      { value: 'Lefenox', note: 'China trade name per press brief', verified: false },
    ]);
    expect(parseChecked('INCB018424 (Incyte code; indirect link only)', true)[0]?.verified).toBe(
      false,
    );
    expect(isUnverifiedText('IC50 ~3 nM per vendor data')).toBe(true);
    // Ordinary clinical words are not caveats.
    expect(isUnverifiedText('primary or secondary myelofibrosis')).toBe(false);
    expect(parseChecked('Opzelura (1.5% cream)', true)[0]?.verified).toBe(true);
  });

  it('keeps INCB018424 and Lefenox out of the facts and the matcher (links not read in a primary record)', () => {
    const rux = getDrug('ruxolitinib')!;
    expect(rux.codeNames.find((c) => c.value === 'INCB018424')?.verified).toBe(false);
    expect(rux.codeNames.find((c) => c.value === 'INC424')?.verified).toBe(true);
    const ritle = getDrug('ritlecitinib')!;
    expect(ritle.brandNames.find((b) => b.value === 'Lefenox')?.verified).toBe(false);
    expect(ritle.brandNames.find((b) => b.value === 'Litfulo')?.verified).toBe(true);
    const forms = DEFAULT_TERMS.flatMap((t) => t.forms.map((f) => f.text));
    expect(forms).not.toContain('INCB018424');
    expect(forms).not.toContain('Lefenox');
    expect(forms).toContain('Litfulo');
  });

  it('does not turn "JAK (family; isoform profile UNVERIFIED)" into a JAK chip', () => {
    const jaktinib = getDrug('jaktinib');
    expect(jaktinib?.jakTargets).toEqual([]);
    expect(jaktinib?.isJakInhibitor).toBe(true);
    // Lestaurtinib's JAK2 activity is itself UNVERIFIED: not counted as a JAK inhibitor.
    expect(getDrug('lestaurtinib')).toMatchObject({ jakTargets: [], isJakInhibitor: false });
    expect(getDrug('pacritinib')?.otherTargets.find((t) => t.value === 'ACVR1')?.verified).toBe(
      false,
    );
  });

  it('gives every verified fact a source of an allowed kind', () => {
    for (const drug of DRUGS) {
      for (const s of drug.sources) expect(SOURCE_KINDS).toContain(s.sourceKind);
      for (const f of [...drug.approvals, ...drug.dmEvidence].filter((x) => x.verified)) {
        expect(SOURCE_KINDS, `${drug.name}: ${f.source}`).toContain(f.sourceKind);
      }
    }
  });

  it('leaves unverified code names out of the matcher terms', () => {
    const forms = DEFAULT_TERMS.flatMap((t) => t.forms.map((f) => f.text));
    expect(forms).toContain('CP-690,550');
    expect(forms).not.toContain('INCB039110');
    expect(forms).not.toContain('PF-06826647');
  });
});

describe('MeSH descriptors', () => {
  it('keeps only confirmed unique IDs', () => {
    const byTerm = new Map(MESH_DESCRIPTORS.map((m) => [m.term, m]));
    expect(byTerm.get('Dermatomyositis')?.id).toBe('D003882');
    expect(byTerm.get('Janus Kinase Inhibitors')).toMatchObject({
      id: null,
      termId: 'drug:jak-inhibitor',
    });
  });
});

describe('pathways: a family is affected when the drug inhibits a JAK its receptor needs', () => {
  it('reads the JAKs of each family, ignoring UNVERIFIED asides', () => {
    const jaks = Object.fromEntries(PAIRINGS.map((p) => [p.id, p.jaks]));
    expect(jaks['ifn-1']).toEqual(['TYK2', 'JAK1']);
    expect(jaks['gamma-c']).toEqual(['JAK1', 'JAK3']);
    // IFN-gamma: JAK1 with IFNGR1, JAK2 with IFNGR2 (corrected 2026-12-03).
    expect(jaks['ifn-2']).toEqual(['JAK1', 'JAK2']);
    // G-CSF: JAK2 only; TYK2 and JAK1 stay in the row's "unknown" note, not in the pairing.
    expect(jaks['g-csf']).toEqual(['JAK2']);
    expect(PAIRINGS.find((p) => p.id === 'g-csf')?.unknown).toMatch(/JAK1/);
    expect(jaks['tslp']).toEqual(['JAK1', 'JAK2']);
    expect(jaks['il-31']).toEqual(['JAK1']);
  });

  // Hand-derived from jak-stat-pathways.json (JAK1: IFN I/II/III, gp130, γc, IL-10;
  // JAK2: IFN-II, gp130, IL-12/23, βc, EPO, TPO, GH, leptin, G-CSF, IL-13; JAK3: γc;
  // TYK2: IFN-I/III, gp130, IL-12/23, IL-10, IL-13; IL-31: JAK1; TSLP: JAK1 + JAK2; TPO's TYK2
  // came only from a vendor table and was dropped on 2026-12-03).
  const ALL: FamilyId[] = [
    'ifn-1',
    'ifn-2',
    'ifn-3',
    'il-6',
    'gamma-c',
    'il-12-23',
    'il-10',
    'beta-c',
    'epo',
    'tpo',
    'gh',
    'leptin',
    'g-csf',
    'il-13',
    'il-31',
    'tslp',
  ];
  const JAK1: FamilyId[] = ['ifn-1', 'ifn-2', 'ifn-3', 'il-6', 'gamma-c', 'il-10', 'il-31', 'tslp'];
  const JAK2: FamilyId[] = [
    'ifn-2',
    'il-6',
    'il-12-23',
    'beta-c',
    'epo',
    'tpo',
    'gh',
    'leptin',
    'g-csf',
    'il-13',
    'tslp',
  ];
  const TYK2: FamilyId[] = ['ifn-1', 'ifn-3', 'il-6', 'il-12-23', 'il-10', 'il-13'];
  const TYK2_JAK1: FamilyId[] = [
    'ifn-1',
    'ifn-2',
    'ifn-3',
    'il-6',
    'gamma-c',
    'il-12-23',
    'il-10',
    'il-13',
    'il-31',
    'tslp',
  ];
  it.each<[string, FamilyId[]]>([
    ['tofacitinib', ALL],
    ['baricitinib', ALL],
    ['ruxolitinib', ALL],
    ['upadacitinib', JAK1],
    ['filgotinib', JAK1],
    ['abrocitinib', JAK1],
    ['peficitinib', ALL],
    ['delgocitinib', ALL],
    ['deucravacitinib', TYK2],
    ['fedratinib', JAK2],
    ['pacritinib', JAK2],
    ['momelotinib', ALL],
    ['ritlecitinib', ['gamma-c']],
    ['brepocitinib', TYK2_JAK1],
    ['deuruxolitinib', ALL],
    ['itacitinib', JAK1],
    ['ivarmacitinib', JAK1],
    ['golidocitinib', JAK1],
    ['zasocitinib', TYK2],
    ['ropsacitinib', TYK2],
    ['lestaurtinib', []],
    ['decernotinib', ['gamma-c']],
    ['gusacitinib', ALL],
    ['jaktinib', []],
    ['povorcitinib', JAK1],
  ])('%s', (name, expected) => {
    const drug = getDrug(name);
    expect(drug).toBeDefined();
    expect(affectedFamilies(drug?.jakTargets ?? []).map((f) => f.pairing.id)).toEqual(expected);
  });

  it('says through which JAK a family is reached, with sources', () => {
    const [ifn1] = affectedFamilies(['JAK1', 'FLT3']);
    expect(ifn1?.pairing.id).toBe('ifn-1');
    expect(ifn1?.via).toEqual(['JAK1']);
    expect(ifn1?.pairing.sources.length).toBeGreaterThan(0);
  });
});
