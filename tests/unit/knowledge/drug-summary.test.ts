import { describe, expect, it } from 'vitest';
import { monthYear } from '@/utils/knowledge/checked';
import {
  dmStage,
  drugHeading,
  evidenceLabel,
  shortIndications,
  statusLine,
  strongestEvidence,
} from '@/utils/knowledge/drug-summary';
import { DRUGS, getDrug, type Approval, type DmEvidence, type Drug } from '@/utils/knowledge/drugs';
import { markCardFor, type DrugMarkCard } from '@/utils/term-marks/mark-card';

function drug(name: string): Drug {
  const found = getDrug(name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function approval(partial: Partial<Approval>): Approval {
  return {
    region: 'FDA (US)',
    status: 'approved',
    year: 2020,
    indications: [],
    source: 'https://api.fda.gov/x',
    sourceKind: 'regulator',
    checked: '2026-12-03',
    verified: true,
    ...partial,
  };
}

function evidence(partial: Partial<DmEvidence>): DmEvidence {
  return {
    kind: 'trial',
    id: 'NCT00000001',
    phase: 'n/a',
    note: '',
    source: 'https://clinicaltrials.gov/study/NCT00000001',
    sourceKind: 'registry',
    checked: '2026-12-03',
    verified: true,
    ...partial,
  };
}

const base = drug('upadacitinib');
const withFacts = (approvals: Approval[], dmEvidence: DmEvidence[] = []): Drug => ({
  ...base,
  approvals,
  dmEvidence,
});

describe('drug heading: what the drug is, per the data', () => {
  it.each([
    ['brepocitinib', 'JAK1/TYK2 inhibitor'],
    ['baricitinib', 'JAK1/JAK2 inhibitor'],
    ['deucravacitinib', 'TYK2 inhibitor'],
    ['jaktinib', 'JAK inhibitor (targets unverified)'],
    ['lestaurtinib', 'Kinase inhibitor (JAK activity unverified)'],
  ])('%s → %s', (name, heading) => {
    expect(drugHeading(drug(name))).toBe(heading);
    expect((markCardFor('drug', `drug:${name}`) as DrugMarkCard).heading).toBe(heading);
  });

  it('says "isoforms unverified" only when the target group itself is verified', () => {
    const jaktinib = drug('jaktinib');
    expect(drugHeading({ ...jaktinib, verified: { ...jaktinib.verified, targets: true } })).toBe(
      'JAK inhibitor (isoforms unverified)',
    );
  });

  it('never heads a card with the bare class name', () => {
    for (const d of DRUGS) expect(drugHeading(d), d.name).not.toBe('JAK inhibitor');
  });
});

describe('status line', () => {
  it('names a dermatomyositis approval first', () => {
    const d = withFacts([
      approval({ year: 2019, indications: ['rheumatoid arthritis'] }),
      approval({ year: 2026, indications: ['dermatomyositis in adults'] }),
    ]);
    expect(statusLine(d)).toBe('FDA-approved for dermatomyositis, 2026');
  });

  it('lists approved indications, the first year and the DM stage', () => {
    const d = withFacts(
      [
        approval({ year: 2019, indications: ['rheumatoid arthritis', 'atopic dermatitis (AD)'] }),
        approval({ region: 'EC (EU)', year: 2021, indications: ['ulcerative colitis'] }),
      ],
      [evidence({ phase: 'Phase 3' }), evidence({ phase: 'Phase 2' })],
    );
    expect(statusLine(d)).toBe('Approved for RA, AD, UC (FDA 2019); in DM: phase 3');
  });

  it('states a refusal as a fact and ignores unverified rows', () => {
    const d = withFacts([
      approval({
        status: 'not-approved',
        year: 2020,
        indications: ['rheumatoid arthritis: complete response letter (Aug 2020)'],
      }),
      approval({ region: 'EC (EU)', verified: false, indications: ['rheumatoid arthritis'] }),
    ]);
    expect(statusLine(d)).toBe('Not FDA-approved (complete response letter, 2020)');
  });

  it('says nothing when nothing is verified', () => {
    expect(statusLine(withFacts([approval({ verified: false })]))).toBeNull();
  });

  it('marks a withdrawn trial and keeps abbreviations to capitals', () => {
    expect(dmStage([evidence({ phase: 'Phase 2', note: 'WITHDRAWN before enrolment' })])).toBe(
      'phase 2, withdrawn',
    );
    expect(shortIndications([approval({ indications: ['as needed for GVHD'] })])).toEqual(['GVHD']);
  });
});

describe('strongest DM / JDM evidence', () => {
  it('puts a phase 3 trial before phase 2 and case series, and leaves unverified items out', () => {
    const items = [
      evidence({ id: 'A', kind: 'case series', phase: 'retrospective', n: 88 }),
      evidence({ id: 'B', phase: 'Phase 2' }),
      evidence({ id: 'C', phase: 'Phase 3 (randomized)', n: 241 }),
      evidence({ id: 'D', phase: 'Phase 3', verified: false }),
      evidence({ id: 'E', kind: 'case series', phase: 'retrospective', n: 25 }),
    ];
    expect(strongestEvidence(withFacts([], items)).map((e) => e.id)).toEqual(['C', 'B', 'A']);
    expect(evidenceLabel(items[2]!)).toBe('Phase 3 trial, n=241');
    expect(evidenceLabel(items[0]!)).toBe('Case series, n=88');
  });
});

describe('checked dates', () => {
  it('reads "2026-12-03" and "2026-11" as a month and year', () => {
    expect(monthYear('2026-12-03')).toBe('December 2026');
    expect(monthYear('2026-11')).toBe('November 2026');
  });
});
