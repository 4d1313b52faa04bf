import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { recognitionJson } from '../../../scripts/knowledge-split.mjs';
import { DRUG_NAMES, getDrugName } from '@/utils/knowledge/drug-names';
import { DRUGS } from '@/utils/knowledge/drugs';
import { DEFAULT_TERMS } from '@/utils/knowledge/terms';

describe('the knowledge base in two parts: recognition data and facts', () => {
  it('recognition.json is exactly what knowledge:split derives from the data files (run `npm run knowledge:split`)', () => {
    const shipped = readFileSync('utils/knowledge/data/recognition.json', 'utf8');
    expect(JSON.parse(shipped)).toEqual(
      JSON.parse((recognitionJson as (dir: string) => string)('utils/knowledge/data/')),
    );
  });

  it('carries no source: only a card cites, and the cards read the facts (always-on size, issue 17)', () => {
    const shipped = readFileSync('utils/knowledge/data/recognition.json', 'utf8');
    expect(shipped).not.toMatch(/https?:\/\//);
    expect(Object.keys(JSON.parse(shipped))).toEqual(['about', 'drugs']);
  });

  it('gives every drug the same names and targets as the full facts', () => {
    expect(DRUG_NAMES.map((d) => d.id)).toEqual(DRUGS.map((d) => d.id));
    for (const [i, names] of DRUG_NAMES.entries()) {
      const drug = DRUGS[i]!;
      expect(names).toEqual({
        id: drug.id,
        name: drug.name,
        codeNames: drug.codeNames,
        brandNames: drug.brandNames,
        targets: drug.targets,
        jakTargets: drug.jakTargets,
        isJakInhibitor: drug.isJakInhibitor,
      });
    }
    expect(getDrugName('drug:baricitinib')?.isJakInhibitor).toBe(true);
    expect(getDrugName('Baricitinib')?.brandNames.map((b) => b.value)).toContain('Olumiant');
  });

  it('the terms the matcher uses name each drug with its verified code and brand names only', () => {
    const bari = DEFAULT_TERMS.find((t) => t.id === 'drug:baricitinib')!;
    const drug = DRUGS.find((d) => d.id === 'drug:baricitinib')!;
    const verified = [...drug.codeNames, ...drug.brandNames].filter((c) => c.verified);
    expect(bari.forms.map((f) => f.text)).toEqual([drug.name, ...verified.map((c) => c.value)]);
  });
});
