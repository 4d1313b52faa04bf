// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../utils/article';
import { classifyArticle, summariseEvidence } from '../../../utils/classify';
import { loadDevSet } from '../../eval/dev-set';
import { articleWith } from '../../support/article-fields';

const devSet = new Map(loadDevSet().map((r) => [r.id, r.article]));

function dev(id: string): Article {
  const article = devSet.get(id);
  if (!article) throw new Error(`no dev record ${id}`);
  return article;
}

describe('classifyArticle: the seed review (PMID 34563217)', () => {
  const verdict = classifyArticle(dev('dev-seed'));

  it('is core, JDM, with exactly baricitinib, tofacitinib and ruxolitinib', () => {
    expect(verdict.relevance).toBe('core');
    expect(verdict.disease).toBe('jdm');
    expect(verdict.jakInhibition).toBe(true);
    expect(verdict.drugs.map((d) => d.name).sort()).toEqual([
      'baricitinib',
      'ruxolitinib',
      'tofacitinib',
    ]);
    for (const d of verdict.drugs) expect(d).toMatchObject({ count: 1, fields: ['abstract'] });
  });

  it('says why in one line, MeSH first', () => {
    const line = summariseEvidence(verdict);
    expect(line.startsWith('MeSH: Dermatomyositis')).toBe(true);
    expect(line).toContain('Janus Kinase Inhibitors');
    expect(line).toMatch(/abstract: juvenile dermatomyositis ×\d/);
  });
});

describe('classifyArticle: traps', () => {
  it.each([
    ['"DM" = diabetes mellitus', 'dev-029'],
    ['a diabetes journal coded "jdm"', 'dev-030'],
    ['a diabetes review with MeSH', 'dev-028'],
    ['JAK2 mutation diagnostics in MPN, no treatment', 'dev-027'],
    ['lupus type I interferon pathway, no JAK inhibitor', 'dev-033'],
    ['IL-23 "inhibitors" (antibodies) in psoriasis', 'dev-034'],
    ['myasthenia gravis (neuromuscular, not myositis)', 'dev-032'],
  ])('%s → none', (_name, id) => {
    const verdict = classifyArticle(dev(id));
    expect(verdict).toMatchObject({ relevance: 'none', disease: null, jakInhibition: false });
  });

  it('JAK2 V617F in a myeloproliferative neoplasm is a target, not an inhibitor', () => {
    const verdict = classifyArticle(
      articleWith({
        title: 'JAK2 V617F allele burden in polycythemia vera',
        abstract:
          'The JAK2 V617F mutation was detected in 25 patients (46%). JAK2V617F-positive patients had higher counts.',
      }),
    );
    expect(verdict.jakInhibition).toBe(false);
    expect(verdict.drugs).toEqual([]);
  });

  it('JAK-STAT biology without an inhibitor is not JAK inhibition', () => {
    const verdict = classifyArticle(
      articleWith({
        title: 'Type I interferon signalling in muscle',
        abstract:
          'Downstream of the cytokine receptor complexes are the Janus kinase-signal transducers and activators of transcription (JAK-STAT) pathway, which consists of JAK1–3, TYK2, and STAT1–6. SOCS1 inhibits JAK1 activity.',
      }),
    );
    expect(verdict.jakInhibition).toBe(false);
  });

  it('a JAK drug named once in a list of other treatments does not make a myositis paper core', () => {
    const verdict = classifyArticle(
      articleWith({
        title: 'Refractory dermatomyositis: a retrospective cohort',
        abstract:
          'We reviewed 40 patients with refractory dermatomyositis. Patients had received methotrexate, azathioprine, rituximab, tofacitinib, IVIG or cyclophosphamide. Skin disease was the main reason for escalation in dermatomyositis.',
      }),
    );
    expect(verdict.relevance).toBe('disease');
    expect(verdict.disease).toBe('dm');
    expect(verdict.drugs).toEqual([
      { drugId: 'drug:tofacitinib', name: 'tofacitinib', count: 1, fields: ['abstract'] },
    ]);
  });

  it('"Jak" as a name is not a JAK', () => {
    const verdict = classifyArticle(
      articleWith({
        title: 'Jak and the stat lab: a history',
        abstract: 'Jak joined the clinic in 1964.',
      }),
    );
    expect(verdict.relevance).toBe('none');
  });
});

describe('classifyArticle: fields', () => {
  it('works on title + abstract alone (no MeSH, no keywords)', () => {
    expect(classifyArticle(dev('dev-003'))).toMatchObject({
      relevance: 'core',
      disease: 'dm',
      jakInhibition: true,
    });
  });

  it('MeSH headings alone are enough, and count most', () => {
    const verdict = classifyArticle(
      articleWith({
        title: 'A case series',
        mesh: [
          'Dermatomyositis / drug therapy*',
          'Janus Kinase Inhibitors / therapeutic use*',
          'Adult',
        ],
      }),
    );
    expect(verdict).toMatchObject({ relevance: 'core', disease: 'dm' });
    expect(verdict.evidence.every((e) => e.field === 'mesh')).toBe(true);
  });

  it('"<kinase> / antagonists & inhibitors" in MeSH counts as inhibition', () => {
    const verdict = classifyArticle(
      articleWith({ title: 'A study', mesh: ['Janus Kinases / antagonists & inhibitors*'] }),
    );
    expect(verdict.jakInhibition).toBe(true);
  });

  it('counts drug mentions in the body, but the body alone does not decide', () => {
    const body = 'Baricitinib was started. Baricitinib was stopped. Ruxolitinib cream was used.';
    const verdict = classifyArticle(
      articleWith({ title: 'Gottron papules: a photo essay', bodyText: body }),
    );
    expect(verdict.jakInhibition).toBe(false);
    expect(verdict.drugs).toEqual([
      { drugId: 'drug:baricitinib', name: 'baricitinib', count: 2, fields: ['body'] },
      { drugId: 'drug:ruxolitinib', name: 'ruxolitinib', count: 1, fields: ['body'] },
    ]);
  });

  it('a single clear abstract sentence about JAK inhibitors is enough (SAVI review)', () => {
    expect(classifyArticle(dev('dev-021'))).toMatchObject({
      relevance: 'jak',
      jakInhibition: true,
    });
  });

  it('"inhibitor of JAK2" names an inhibitor without a known drug (gandotinib is not in the reference)', () => {
    const verdict = classifyArticle(dev('dev-025'));
    expect(verdict.jakInhibition).toBe(true);
    expect(verdict.evidence.map((e) => e.term)).toContain('JAK2 inhibitor');
  });
});

/** Minimal E-utilities XML reading (the real parser lives on another branch). */
function articleFromEutilsXml(file: string): Article {
  const xml = readFileSync(resolve(process.cwd(), file), 'utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const texts = (selector: string) =>
    [...doc.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '');
  return articleWith({
    source: 'eutils',
    title: texts('ArticleTitle').join(' '),
    abstract: texts('AbstractText').join('\n'),
    keywords: texts('Keyword'),
    mesh: texts('MeshHeading > DescriptorName'),
    substances: texts('NameOfSubstance'),
  });
}

describe('classifyArticle: a real E-utilities record', () => {
  it('PMID 38909159 (cardiac evaluation in JDM) is a JDM paper without JAK inhibition', () => {
    const verdict = classifyArticle(
      articleFromEutilsXml('tests/fixtures/eutils-xml/PMID-38909159.xml'),
    );
    expect(verdict).toMatchObject({ relevance: 'disease', disease: 'jdm', jakInhibition: false });
  });

  it('PMID 38763967 (a fungal skin infection) is none', () => {
    const verdict = classifyArticle(
      articleFromEutilsXml('tests/fixtures/eutils-xml/PMID-38763967.xml'),
    );
    expect(verdict.relevance).toBe('none');
  });
});

describe('classifyArticle: disease subtype', () => {
  it.each([
    ['dev-006', 'jdm'], // "Childhood dermatomyositis", MeSH Child
    ['dev-001', 'jdm'], // JDM letter that also mentions adult DM once
    ['dev-009', 'dm'],
    ['dev-007', 'dm'], // PM and DM equally; the abstract discusses DM
    ['dev-015', 'iim'], // title names both, the abstract only myositis / antisynthetase
    ['dev-004', 'iim'], // polymyositis case
    ['dev-011', 'iim'], // anti-SRP IMNM
  ] as const)('%s → %s', (id, expected) => {
    expect(classifyArticle(dev(id)).disease).toBe(expected);
  });
});

describe('summariseEvidence', () => {
  it('names fields in order with counts', () => {
    const verdict = classifyArticle(dev('dev-026'));
    expect(summariseEvidence(verdict)).toBe(
      'title: baricitinib; abstract: baricitinib ×3, JAK inhibitors',
    );
  });

  it('says so when nothing was found', () => {
    expect(summariseEvidence(classifyArticle(dev('dev-031')))).toBe(
      'No myositis or JAK-inhibitor terms found',
    );
  });
});
