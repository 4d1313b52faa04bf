import { describe, expect, it } from 'vitest';
import { classifyArticle, type Verdict } from '@/utils/classify';
import { scannedTermIds } from '../../support/scanned-term-ids';
import { DRUGS, getDrug } from '@/utils/knowledge/drugs';
import { PAIRINGS, type FamilyId } from '@/utils/knowledge/pathways';
import { badgeFor, buildPanelModel, safeHttpUrl } from '@/utils/panel/model';
import { buildDrugCard } from '@/utils/panel/drug-card';
import { evidenceUrl, sourceHost, sourceLinkParts } from '@/utils/panel/links';
import { loadDevSet } from '../../eval/dev-set';

// Receptor → JAK needs, read by hand from utils/knowledge/data/jak-stat-pathways.json (leading
// JAK symbol of each cell). IFN-gamma: JAK1 (IFNGR1) + JAK2 (IFNGR2); G-CSF and TPO: JAK2 only
// (TYK2 for TPO came only from a vendor table and was dropped on 2026-12-03).
const RECEPTOR_JAKS: [FamilyId, string[]][] = [
  ['ifn-1', ['TYK2', 'JAK1']],
  ['ifn-2', ['JAK1', 'JAK2']],
  ['ifn-3', ['JAK1', 'TYK2']],
  ['il-6', ['JAK1', 'JAK2', 'TYK2']],
  ['gamma-c', ['JAK1', 'JAK3']],
  ['il-12-23', ['TYK2', 'JAK2']],
  ['il-10', ['JAK1', 'TYK2']],
  ['beta-c', ['JAK2']],
  ['epo', ['JAK2']],
  ['tpo', ['JAK2']],
  ['gh', ['JAK2']],
  ['leptin', ['JAK2']],
  ['g-csf', ['JAK2']],
  ['il-13', ['JAK2', 'TYK2']],
  ['il-31', ['JAK1']],
  ['tslp', ['JAK1', 'JAK2']],
];

// Families per JAK, worked out by hand from the table above.
const ALL: FamilyId[] = RECEPTOR_JAKS.map(([id]) => id);
const VIA_JAK1: FamilyId[] = [
  'ifn-1',
  'ifn-2',
  'ifn-3',
  'il-6',
  'gamma-c',
  'il-10',
  'il-31',
  'tslp',
];
const VIA_JAK2: FamilyId[] = [
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
const VIA_TYK2: FamilyId[] = ['ifn-1', 'ifn-3', 'il-6', 'il-12-23', 'il-10', 'il-13'];
const VIA_JAK3: FamilyId[] = ['gamma-c'];
const VIA_TYK2_JAK1: FamilyId[] = [
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

// Every drug of the reference: verified JAK targets (from jak-inhibitors.json) → families.
const EXPECTED: [name: string, jaks: string[], families: FamilyId[]][] = [
  ['tofacitinib', ['JAK1', 'JAK2', 'JAK3'], ALL],
  ['baricitinib', ['JAK1', 'JAK2'], ALL],
  ['ruxolitinib', ['JAK1', 'JAK2'], ALL],
  ['upadacitinib', ['JAK1'], VIA_JAK1],
  ['filgotinib', ['JAK1'], VIA_JAK1],
  ['abrocitinib', ['JAK1'], VIA_JAK1],
  ['peficitinib', ['JAK1', 'JAK2', 'JAK3', 'TYK2'], ALL],
  ['delgocitinib', ['JAK1', 'JAK2', 'JAK3', 'TYK2'], ALL],
  ['deucravacitinib', ['TYK2'], VIA_TYK2],
  ['fedratinib', ['JAK2'], VIA_JAK2],
  ['pacritinib', ['JAK2'], VIA_JAK2],
  ['momelotinib', ['JAK1', 'JAK2'], ALL],
  ['ritlecitinib', ['JAK3'], VIA_JAK3],
  ['brepocitinib', ['JAK1', 'TYK2'], VIA_TYK2_JAK1],
  ['deuruxolitinib', ['JAK1', 'JAK2'], ALL],
  ['itacitinib', ['JAK1'], VIA_JAK1],
  ['ivarmacitinib', ['JAK1'], VIA_JAK1],
  ['golidocitinib', ['JAK1'], VIA_JAK1],
  ['zasocitinib', ['TYK2'], VIA_TYK2],
  ['ropsacitinib', ['TYK2'], VIA_TYK2],
  // The reference leaves lestaurtinib's targets (JAK2 included) unverified: no family.
  ['lestaurtinib', [], []],
  ['decernotinib', ['JAK3'], VIA_JAK3],
  ['gusacitinib', ['JAK1', 'JAK2', 'JAK3', 'TYK2'], ALL],
  // "JAK (family; isoform profile UNVERIFIED)": no isoform, so no family.
  ['jaktinib', [], []],
  ['povorcitinib', ['JAK1'], VIA_JAK1],
];

function verdict(partial: Partial<Verdict>): Verdict {
  return {
    relevance: 'none',
    disease: null,
    jakInhibition: false,
    drugs: [],
    evidence: [],
    scores: { disease: 0, jak: 0, threshold: 1 },
    ...partial,
  };
}

function finding(name: string, count: number) {
  return { drugId: `drug:${name}`, name, count, fields: ['abstract' as const] };
}

describe('pathway rule: a family is affected when the drug inhibits a JAK its receptor needs', () => {
  it.each(RECEPTOR_JAKS)('%s receptor needs %j', (id, jaks) => {
    expect(PAIRINGS.find((p) => p.id === id)?.jaks).toEqual(jaks);
  });

  it('has a row for every drug in the reference', () => {
    expect(EXPECTED.map(([name]) => name).sort()).toEqual(DRUGS.map((d) => d.name).sort());
  });

  it.each(EXPECTED)('%s (%j) → %j', (name, jaks, families) => {
    const drug = getDrug(name);
    expect(drug).toBeDefined();
    const card = buildDrugCard(drug!, 1);
    expect([...card.jakTargets].sort()).toEqual([...jaks].sort());
    expect(card.families.map((f) => f.id)).toEqual(families);
    expect(card.families.filter((f) => f.isTypeOneIfn).map((f) => f.id)).toEqual(
      families.includes('ifn-1') ? ['ifn-1'] : [],
    );
    for (const f of card.families) {
      const needs = RECEPTOR_JAKS.find(([id]) => id === f.id)?.[1] ?? [];
      expect(f.via.every((j) => needs.includes(j) && jaks.includes(j))).toBe(true);
    }
  });
});

describe('buildPanelModel', () => {
  const seed = loadDevSet().find((r) => r.id === 'dev-seed');
  if (!seed) throw new Error('dev-seed record missing from the dev set');

  it('gives the verdict line and a relevance label for the dev-seed review', () => {
    const model = buildPanelModel(classifyArticle(seed.article), scannedTermIds(seed.article));
    expect(model.show).toBe(true);
    expect(model.relevance).toBe('core');
    expect(model.relevanceLabel).toBe('Core: juvenile dermatomyositis + JAK inhibition');
    expect(model.verdictLine).toMatch(/^MeSH: Dermatomyositis/);
    expect(model.cards.map((c) => c.name).sort()).toEqual(
      ['baricitinib', 'ruxolitinib', 'tofacitinib'].sort(),
    );
    expect(model.pathways.matrix).toHaveLength(3);
    expect(model.pathways.families.find((f) => f.id === 'ifn-1')?.isTypeOneIfn).toBe(true);
    expect(model.pathways.typeOneIfnBlockers).toBeNull();
  });

  it('orders cards by mentions, most first, ties by name', () => {
    const model = buildPanelModel(
      verdict({
        relevance: 'jak',
        jakInhibition: true,
        drugs: [finding('tofacitinib', 2), finding('upadacitinib', 5), finding('baricitinib', 2)],
      }),
    );
    expect(model.cards.map((c) => [c.name, c.mentions])).toEqual([
      ['upadacitinib', 5],
      ['baricitinib', 2],
      ['tofacitinib', 2],
    ]);
    expect(model.pathways.matrix.map((r) => r.name)).toEqual([
      'upadacitinib',
      'baricitinib',
      'tofacitinib',
    ]);
    expect(model.pathways.matrix[0]?.cells).toEqual([
      { jak: 'JAK1', inhibited: true },
      { jak: 'JAK2', inhibited: false },
      { jak: 'JAK3', inhibited: false },
      { jak: 'TYK2', inhibited: false },
    ]);
  });

  it('never shows an unverified item as fact', () => {
    const model = buildPanelModel(
      verdict({
        relevance: 'jak',
        drugs: [finding('upadacitinib', 1), finding('brepocitinib', 1), finding('pacritinib', 1)],
      }),
    );
    const card = (name: string) => model.cards.find((c) => c.name === name)!;
    // Upadacitinib's whole dmEvidence group is flagged false in the reference.
    expect(card('upadacitinib').dmEvidence).toEqual([]);
    expect(card('upadacitinib').unverified.some((t) => t.startsWith('Evidence'))).toBe(true);
    // Brepocitinib: VALOR is now a registry fact (NCT05437263), linked to ClinicalTrials.gov.
    const brepo = card('brepocitinib');
    expect(brepo.dmEvidence.map((e) => e.id)).toEqual(['NCT05437263', 'VALOR', 'PMID:35766013']);
    expect(brepo.dmEvidence[0]?.idUrl).toBe('https://clinicaltrials.gov/study/NCT05437263');
    // Pacritinib's ACVR1 is unverified: greyed target, not a chip fact.
    expect(card('pacritinib').otherTargets.map((t) => t.value)).toEqual(['FLT3', 'IRAK1', 'CSF1R']);
    expect(card('pacritinib').unverifiedTargets.map((t) => t.value)).toEqual(['ACVR1']);
    for (const c of model.cards) {
      const facts = JSON.stringify([c.approvals, c.dmEvidence, c.brandNames, c.codeNames]);
      expect(facts).not.toMatch(/UNVERIFIED/i);
    }
  });

  it('links NCT numbers to ClinicalTrials.gov and PMIDs to PubMed, only as the reference gives them', () => {
    const card = buildDrugCard(getDrug('baricitinib')!, 4);
    const ids = card.dmEvidence.map((e) => [e.id, e.idUrl]);
    expect(ids).toContainEqual(['NCT05524311', 'https://clinicaltrials.gov/study/NCT05524311']);
    expect(ids).toContainEqual(['PMID:29649002', 'https://pubmed.ncbi.nlm.nih.gov/29649002/']);
    expect(evidenceUrl('VALOR (NCT number UNVERIFIED)')).toBeNull();
    expect(evidenceUrl('NCT123')).toBeNull();
  });

  it('lists the drugs that would block type I IFN for a disease-only article', () => {
    const model = buildPanelModel(verdict({ relevance: 'disease', disease: 'jdm' }));
    expect(model.relevanceLabel).toBe('Disease only: juvenile dermatomyositis');
    const blockers = model.pathways.typeOneIfnBlockers ?? [];
    const expected = EXPECTED.filter(([, , f]) => f.includes('ifn-1')).map(([n]) => n);
    expect(blockers.map((b) => b.name)).toEqual(expected);
    expect(blockers.map((b) => b.name)).not.toContain('fedratinib');
    expect(blockers.find((b) => b.name === 'deucravacitinib')?.via).toEqual(['TYK2']);
  });

  it('shows the pathways of the JAKs a target-only article names', () => {
    const article = {
      ...loadDevSet()[0]!.article,
      title: 'Selective TYK2 inhibition in psoriasis',
      abstract: 'A TYK2 inhibitor reduced IL-23 signalling.',
      keywords: [],
      mesh: [],
      substances: [],
    };
    const v = classifyArticle(article);
    const model = buildPanelModel({ ...v, relevance: 'jak', drugs: [] }, scannedTermIds(article));
    expect(model.pathways.targets).toEqual(['TYK2']);
    expect(model.pathways.targetFamilies.map((f) => f.id)).toEqual(VIA_TYK2);
    expect(model.pathways.typeOneIfnBlockers).toBeNull();
  });

  it('does not show a panel for an article that is not relevant', () => {
    expect(buildPanelModel(verdict({})).show).toBe(false);
  });
});

describe('badgeFor', () => {
  it.each([
    [verdict({ relevance: 'core', disease: 'jdm' }), 'JDM'],
    [verdict({ relevance: 'core', disease: 'dm' }), 'DM'],
    [verdict({ relevance: 'core', disease: 'iim' }), 'IIM'],
    [
      verdict({ relevance: 'jak', drugs: [finding('baricitinib', 3), finding('tofacitinib', 1)] }),
      '2',
    ],
  ])('badge %#', (v, text) => {
    expect(badgeFor(v)?.text).toBe(text);
    expect(badgeFor(v)?.title).toMatch(/^JAK Lens: /);
  });

  it.each([
    verdict({ relevance: 'disease', disease: 'jdm' }),
    verdict({ relevance: 'jak', drugs: [] }),
    verdict({ relevance: 'none', drugs: [finding('baricitinib', 1)] }),
  ])('no badge %#', (v) => {
    expect(badgeFor(v)).toBeNull();
  });
});

describe('safeHttpUrl', () => {
  it.each([
    [
      'https://clinicaltrials.gov/study/NCT05524311',
      'https://clinicaltrials.gov/study/NCT05524311',
    ],
    ['http://example.org/a b', 'http://example.org/a%20b'],
    ['  https://pubmed.ncbi.nlm.nih.gov/1/ ', 'https://pubmed.ncbi.nlm.nih.gov/1/'],
  ])('keeps %s', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org/',
    '//example.org/',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });

  it('shows plain text for a source that is not a URL', () => {
    expect(sourceHost('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(sourceHost('https://www.drugs.com/x')).toBe('drugs.com');
  });

  it('parses each source URL once per page: the same parts for every link to it', () => {
    const first = sourceLinkParts(' https://www.fda.gov/drugs ');
    expect(first).toEqual({ href: 'https://www.fda.gov/drugs', host: 'fda.gov' });
    expect(sourceLinkParts(' https://www.fda.gov/drugs ')).toBe(first);
    expect(sourceLinkParts('javascript:alert(1)')).toEqual({
      href: null,
      host: 'javascript:alert(1)',
    });
  });
});
