/**
 * JAK / TYK2 inhibitor records, read from the verified reference table
 * (data/jak-inhibitors.json, copied from shared/reference; provenance in data/README.md)
 * and normalised into typed data. Nothing here is retyped by hand, so facts keep their sources.
 */
import reference from './data/jak-inhibitors.json';
import { isUnverifiedText, parseChecked, toSourceRefs, asSourceKind } from './checked';
import type { Checked, JakName, SourceKind, SourceRef } from './types';

/** One regulatory approval as the reference states it. */
export interface Approval {
  region: string;
  year: number | null;
  indications: string[];
  note?: string;
  source: string;
  sourceKind: SourceKind;
  verified: boolean;
}

/** One piece of DM / JDM / IIM / interferonopathy evidence (trial, publication, case series). */
export interface DmEvidence {
  kind: string;
  id: string;
  phase: string;
  note: string;
  source: string;
  sourceKind: SourceKind;
  verified: boolean;
}

/** A JAK / TYK2 inhibitor with every fact sourced and flagged. */
export interface Drug {
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
  otherTargets: Checked[];
  /**
   * True when the reference lists a JAK-family kinase as a primary target (isoforms may be
   * unverified, as for jaktinib); false for drugs whose JAK activity itself is unverified.
   */
  isJakInhibitor: boolean;
  selectivityNote: string;
  route: string[];
  approvals: Approval[];
  boxedWarning: { text: string; verified: boolean };
  dmEvidence: DmEvidence[];
  sources: SourceRef[];
  /** Field-group flags exactly as the reference gives them. */
  verified: Record<string, boolean>;
  /** The reference's caveats; none of these may be shown as fact. */
  unverified: string[];
}

interface RawApproval {
  region: string;
  year: number | null;
  indications: string[];
  note?: string;
  source: string;
  sourceKind: string;
}
interface RawEvidence {
  kind: string;
  id: string;
  phase: string;
  note: string;
  source: string;
  sourceKind: string;
}
interface RawDrug {
  name: string;
  codeNames: string[];
  brandNames: string[];
  targets: string[];
  otherTargets: string[];
  selectivityNote: string;
  route: string[];
  approvals: RawApproval[];
  boxedWarning: string;
  dmEvidence: RawEvidence[];
  sources: string[];
  verified: Record<string, boolean>;
  unverified: string[];
  sourceKind: Record<string, string>;
}

const JAK_NAMES: readonly string[] = ['JAK1', 'JAK2', 'JAK3', 'TYK2'];

function isJakName(value: string): value is JakName {
  return JAK_NAMES.includes(value);
}

function normaliseApproval(raw: RawApproval, groupVerified: boolean): Approval {
  const text = [raw.region, raw.indications.join(' '), raw.note ?? ''].join(' ');
  return {
    region: raw.region,
    year: raw.year,
    indications: raw.indications,
    ...(raw.note ? { note: raw.note } : {}),
    source: raw.source,
    sourceKind: asSourceKind(raw.sourceKind),
    verified: groupVerified && raw.year !== null && !isUnverifiedText(text),
  };
}

function normaliseEvidence(raw: RawEvidence, groupVerified: boolean): DmEvidence {
  const text = [raw.id, raw.phase, raw.note].join(' ');
  return {
    ...raw,
    sourceKind: asSourceKind(raw.sourceKind),
    verified: groupVerified && !isUnverifiedText(text),
  };
}

/** Turns one raw reference record into a Drug. Exported for tests. */
export function normaliseDrug(raw: RawDrug): Drug {
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
    otherTargets: raw.otherTargets.flatMap((t) => parseChecked(t, flag('targets'))),
    isJakInhibitor: jakTargets.length > 0 || targets.some((t) => t.value === 'JAK'),
    selectivityNote: raw.selectivityNote,
    route: raw.route,
    approvals: raw.approvals
      .filter((a) => a.region !== 'none')
      .map((a) => normaliseApproval(a, flag('approvals'))),
    boxedWarning: {
      text: raw.boxedWarning,
      verified: flag('boxedWarning') && !isUnverifiedText(raw.boxedWarning),
    },
    dmEvidence: raw.dmEvidence.map((e) => normaliseEvidence(e, flag('dmEvidence'))),
    sources: toSourceRefs(raw.sources, raw.sourceKind),
    verified: { ...raw.verified },
    unverified: [...raw.unverified],
  };
}

// JSON imports get literal types per record (a sourceKind map keyed by each URL), which TS
// cannot compare with the index-signature shape; tests/unit/knowledge/knowledge.test.ts checks the shape.
const rawDrugs = reference.drugs as unknown as RawDrug[];

/** Every drug in the reference table, in the reference's order. */
export const DRUGS: readonly Drug[] = rawDrugs.map(normaliseDrug);

/** Looks a drug up by id ("drug:baricitinib") or generic name. */
export function getDrug(idOrName: string): Drug | undefined {
  const key = idOrName.toLowerCase().replace(/^drug:/, '');
  return DRUGS.find((d) => d.name === key);
}

/** The reference's caution line, to show next to any drug fact. */
export const REFERENCE_CAUTION: string = reference.caution;
