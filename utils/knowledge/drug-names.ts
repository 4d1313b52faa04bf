/**
 * What recognising a drug needs, and nothing the panel shows: its names (generic, code, brand, each
 * flagged) and whether it inhibits a JAK. Read from data/recognition.json, which
 * scripts/knowledge-split.mjs derives from data/jak-inhibitors.json, so the always-on content script
 * does not bundle the facts (sources, approvals, evidence, warnings; drugs.ts, loaded with the panel).
 * drugs.ts builds these same fields with normaliseDrugNames, so both read the data alike.
 */
import recognition from './data/recognition.json';
import { parseChecked } from './checked';
import type { Checked, JakName } from './types';

export interface DrugName {
  /** "drug:<generic name>". */
  id: string;
  /** Generic (INN) name, lower case. */
  name: string;
  codeNames: Checked[];
  brandNames: Checked[];
  /** Primary kinase targets as listed (JAK or not), each flagged. */
  targets: Checked[];
  /** Verified JAK-family targets only: what a UI chip may show. */
  jakTargets: JakName[];
  /**
   * True when the data lists a JAK-family kinase as a primary target (isoforms may be
   * unverified, as for jaktinib); false for drugs whose JAK activity itself is unverified.
   */
  isJakInhibitor: boolean;
}

/** The raw fields the names come from (a record of either data file). */
export interface RawDrugNames {
  name: string;
  codeNames: string[];
  brandNames: string[];
  targets: string[];
  verified: Record<string, boolean>;
}

const JAK_NAMES: readonly string[] = ['JAK1', 'JAK2', 'JAK3', 'TYK2'];

export function isJakName(value: string): value is JakName {
  return JAK_NAMES.includes(value);
}

/** The recognition fields of one raw drug record. */
export function normaliseDrugNames(raw: RawDrugNames): DrugName {
  const flag = (group: string): boolean => raw.verified[group] === true;
  const [nameCell] = parseChecked(raw.name, true);
  const name = (nameCell?.value ?? raw.name).toLowerCase();
  const targets = raw.targets.flatMap((t) => parseChecked(t, flag('targets')));
  const jakTargets = targets
    .filter((t) => t.verified && isJakName(t.value))
    .map((t) => t.value as JakName);
  return {
    id: `drug:${name}`,
    name,
    codeNames: raw.codeNames.flatMap((c) => parseChecked(c, flag('codeNames'))),
    brandNames: raw.brandNames.flatMap((b) => parseChecked(b, flag('brandNames'))),
    targets,
    jakTargets,
    isJakInhibitor: jakTargets.length > 0 || targets.some((t) => t.value === 'JAK'),
  };
}

/** Every drug's names, in the data's order. */
export const DRUG_NAMES: readonly DrugName[] = (recognition.drugs as unknown as RawDrugNames[]).map(
  normaliseDrugNames,
);

/** Looks a drug's names up by id ("drug:baricitinib") or generic name. */
export function getDrugName(idOrName: string): DrugName | undefined {
  const key = idOrName.toLowerCase().replace(/^drug:/, '');
  return DRUG_NAMES.find((d) => d.name === key);
}
